import type {
  DossierTimelineFact,
  KeysetPage,
  KeyedTimelineFact,
  PageRequest,
} from '@overlegtafels/application';

/**
 * Every fact a dossier's timeline tells (the obligations aside), one row each: its moment, its key
 * (a letter for its kind and the row's id: the tie-breaker, compared byte by byte as the cursor's
 * id is in TypeScript) and what the entry says of it, as JSON. $1 the dossier, $2 the zone where a
 * recorded day starts.
 */
const FACTS = `
  SELECT a.submitted_at AS at, 'a-' || a.id AS k, 'aanmelding' AS type,
         jsonb_build_object('organisation', o.name) AS f
    FROM aanmeldingen a JOIN organisations o ON o.id = a.organisation_id
   WHERE a.dossier_id = $1::uuid
  UNION ALL
  SELECT coalesce(i.slot_start, s.starts_at), 'p-' || i.id, 'agendapunt',
         jsonb_build_object('tableKey', i.table_key, 'itemType', i.item_type, 'slotStart', i.slot_start,
                            'status', i.status::text, 'startsAt', s.starts_at, 'sessionStatus', s.status::text)
    FROM agenda_items i JOIN sessions s ON s.id = i.session_id
   WHERE i.dossier_id = $1::uuid
  UNION ALL
  SELECT x.at, x.prefix || d.id, x.type,
         jsonb_build_object('kind', d.kind, 'decidedAt', d.decided_at, 'startDate', d.start_date,
                            'terugkomdatum', d.terugkomdatum, 'withdrawnAt', d.withdrawn_at,
                            'withdrawalReason', d.withdrawal_reason, 'replacedById', d.replaced_by_id,
                            'casusregisseur', p.display_name)
    FROM decisions d LEFT JOIN persons p ON p.id = d.casusregisseur_id
   CROSS JOIN LATERAL (VALUES (d.decided_at, 'b-', 'beslissing'), (d.withdrawn_at, 'w-', 'intrekking')) AS x(at, prefix, type)
   WHERE d.dossier_id = $1::uuid AND x.at IS NOT NULL
  UNION ALL
  SELECT c.changed_at, 'c-' || c.id, 'overdracht',
         jsonb_build_object('effectiveDate', c.effective_date, 'reason', c.reason::text, 'note', c.note,
                            'fromId', f.id, 'fromName', f.display_name, 'toId', t.id, 'toName', t.display_name)
    FROM casusregisseur_changes c JOIN persons f ON f.id = c.from_person_id JOIN persons t ON t.id = c.to_person_id
   WHERE c.dossier_id = $1::uuid
  UNION ALL
  SELECT r.reopened_at, 'h-' || r.id, 'heropening',
         jsonb_build_object('fromPhase', r.from_phase, 'reason', r.reason, 'by', p.display_name)
    FROM dossier_reopenings r JOIN persons p ON p.id = r.reopened_by_id
   WHERE r.dossier_id = $1::uuid
  UNION ALL
  SELECT r.submitted_at, 'r-' || r.id, 'rapport', jsonb_build_object('form', r.form, 'by', p.display_name)
    FROM obligation_reports r JOIN persons p ON p.id = r.submitted_by_id
   WHERE r.dossier_id = $1::uuid
  UNION ALL
  SELECT h.recorded_at, 'k-' || h.id, 'kind',
         jsonb_build_object('label', h.label, 'heardOn', h.heard_on, 'notHeardReason', h.not_heard_reason,
                            'by', p.display_name)
    FROM child_hearings h JOIN persons p ON p.id = h.recorded_by_id
   WHERE h.dossier_id = $1::uuid
  UNION ALL
  SELECT x.at, x.prefix || d.id, x.type, x.f
    FROM dossiers d
    LEFT JOIN persons cv ON cv.id = d.consent_verified_by_id
    LEFT JOIN persons nc ON nc.id = d.no_consent_recorded_by_id
    LEFT JOIN persons cc ON cc.id = d.consulent_consulted_by_id
   CROSS JOIN LATERAL (VALUES
     (d.consent_verified_at, 'i-', 'instemming',
      jsonb_build_object('givenBy', d.consent_given_by, 'by', cv.display_name, 'casusregieStartDate', d.casusregie_start_date)),
     (d.no_consent_established_on::timestamp AT TIME ZONE $2::text, 'g-', 'geen-instemming',
      jsonb_build_object('on', d.no_consent_established_on, 'note', d.no_consent_note, 'by', nc.display_name)),
     (d.consulent_consulted_on::timestamp AT TIME ZONE $2::text, 'q-', 'consultatie',
      jsonb_build_object('on', d.consulent_consulted_on, 'note', d.consulent_consultation_note, 'by', cc.display_name))
   ) AS x(at, prefix, type, f)
   WHERE d.id = $1::uuid AND x.at IS NOT NULL`;

/**
 * One statement: the count of all facts and the page's rows (one more, to know whether a page
 * follows), after the cursor ($4, $5) newest first, or before it oldest first (then reversed).
 */
const pageSql = (backward: boolean) => `
  WITH e AS (${FACTS})
  SELECT c.total, p.at, p.k, p.type, p.f
    FROM (SELECT count(*)::int AS total FROM e) c
    LEFT JOIN LATERAL (
      SELECT e.at, e.k, e.type, e.f FROM e
       WHERE $4::timestamptz IS NULL
          OR e.at ${backward ? '>' : '<'} $4::timestamptz
          OR (e.at = $4::timestamptz AND e.k COLLATE "C" ${backward ? '>' : '<'} $5::text COLLATE "C")
       ORDER BY e.at ${backward ? 'ASC' : 'DESC'}, e.k COLLATE "C" ${backward ? 'ASC' : 'DESC'}
       LIMIT $3::int
    ) p ON true`;

interface Row {
  total: number;
  at: Date | null;
  k: string | null;
  type: DossierTimelineFact['type'] | null;
  f: Record<string, string | null>;
}

type Raw = (sql: string, ...values: unknown[]) => Promise<unknown>;

const date = (v: string | null | undefined): Date | null => (v ? new Date(v) : null);
const dateOf = (v: string | null | undefined): Date => new Date(v!);
const named = (name: string | null | undefined) => (name ? { displayName: name } : null);

/** A row's JSON as the fact the application's entry builders take. */
function factOf(
  type: DossierTimelineFact['type'],
  at: Date,
  f: Record<string, string | null>,
): DossierTimelineFact {
  switch (type) {
    case 'aanmelding':
      return { type, aanmelding: { submittedAt: at, organisation: { name: f.organisation ?? '' } } };
    case 'agendapunt':
      return {
        type,
        item: {
          tableKey: f.tableKey!,
          itemType: f.itemType!,
          slotStart: date(f.slotStart),
          status: f.status!,
          session: {
            startsAt: dateOf(f.startsAt),
            status: f.sessionStatus as 'planned',
          },
        },
      };
    case 'beslissing':
    case 'intrekking':
      return {
        type,
        decision: {
          kind: f.kind!,
          decidedAt: dateOf(f.decidedAt),
          startDate: date(f.startDate),
          terugkomdatum: date(f.terugkomdatum),
          withdrawnAt: date(f.withdrawnAt),
          withdrawalReason: f.withdrawalReason ?? null,
          replacedById: f.replacedById ?? null,
          casusregisseur: named(f.casusregisseur),
        },
      };
    case 'overdracht':
      return {
        type,
        change: {
          effectiveDate: dateOf(f.effectiveDate),
          changedAt: at,
          reason: f.reason!,
          note: f.note ?? null,
          from: { id: f.fromId!, displayName: f.fromName! },
          to: { id: f.toId!, displayName: f.toName! },
        },
      };
    case 'heropening':
      return {
        type,
        reopening: {
          reopenedAt: at,
          fromPhase: f.fromPhase!,
          reason: f.reason!,
          reopenedBy: { displayName: f.by! },
        },
      };
    case 'rapport':
      return { type, report: { form: f.form!, submittedAt: at, submittedBy: { displayName: f.by! } } };
    case 'kind':
      return {
        type,
        child: {
          label: f.label!,
          heardOn: date(f.heardOn),
          notHeardReason: f.notHeardReason ?? null,
          recordedAt: at,
          recordedBy: { displayName: f.by! },
        },
      };
    case 'instemming':
      return {
        type,
        consent: {
          consentVerifiedAt: at,
          consentGivenBy: f.givenBy ?? null,
          consentVerifiedBy: named(f.by),
          casusregieStartDate: date(f.casusregieStartDate),
        },
      };
    case 'geen-instemming':
      return {
        type,
        noConsent: {
          noConsentEstablishedOn: dateOf(f.on),
          noConsentNote: f.note ?? null,
          noConsentRecordedBy: named(f.by),
        },
      };
    case 'consultatie':
      return {
        type,
        consultation: {
          consulentConsultedOn: dateOf(f.on),
          consulentConsultationNote: f.note ?? null,
          consulentConsultedBy: named(f.by),
        },
      };
  }
}

/** A page of a dossier's timeline facts, by keyset in SQL (DossierPages.timelinePage). */
export async function timelineFactsPage(
  raw: Raw,
  dossierId: string,
  request: PageRequest,
  timeZone: string,
): Promise<KeysetPage<KeyedTimelineFact>> {
  const backward = !request.after && !!request.before;
  const cursor = request.after ?? request.before;
  const rows = (await raw(
    pageSql(backward),
    dossierId,
    timeZone,
    request.limit + 1,
    cursor?.at ?? null,
    cursor?.id ?? null,
  )) as Row[];
  const total = rows[0]?.total ?? 0;
  const found = rows
    .filter((r): r is Row & { at: Date; k: string; type: DossierTimelineFact['type'] } => r.k !== null)
    .map((r) => ({ key: { at: new Date(r.at), id: r.k }, fact: factOf(r.type, new Date(r.at), r.f) }));
  const more = found.length > request.limit;
  const page = found.slice(0, request.limit);
  if (backward) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const hasNext = backward ? page.length > 0 : more;
  const hasPrevious = backward ? more : !!request.after;
  return {
    rows: page,
    total,
    ...(hasNext && last && { next: last.key }),
    ...(hasPrevious && first && { previous: first.key }),
  };
}
