import { DateTime } from 'luxon';
import {
  CASUSREGISSEUR_CHANGE_REASON_LABELS,
  CasusregisseurChangeReason,
  casusregisseurPeriods,
  DECISION_KIND_LABELS,
  DecisionKind,
  isCasusregisseurChangeReason,
  isProvisional,
  RegionConfig,
  SessionStatus,
} from '@overlegtafels/domain';
import { CasusregieCheckFacts, casusregieCheckEntries } from './casusregie-timeline';

/** Fills a dossier page's "what is planned" with follow-up obligations (issue #6 provides it). */
export interface DossierTimelineSource {
  timelineFor(dossierId: string): Promise<TimelineEntry[]>;
}
export const DOSSIER_TIMELINE_SOURCES = Symbol('DOSSIER_TIMELINE_SOURCES');

export interface TimelineEntry {
  readonly at: string;
  readonly kind: 'aanmelding' | 'agendapunt' | 'beslissing' | 'opvolging' | 'casusregie' | 'heropening';
  readonly title: string;
  readonly detail?: string;
  readonly planned: boolean;
}

/** What of a stored dossier its timeline tells (DATE columns as UTC midnight). */
export interface TimelineFacts extends CasusregieCheckFacts {
  readonly aanmeldingen: readonly { submittedAt: Date; organisation: { name: string } }[];
  readonly agendaItems: readonly {
    tableKey: string;
    itemType: string;
    slotStart: Date | null;
    status: unknown;
    session: { startsAt: Date; status: SessionStatus };
  }[];
  readonly decisions: readonly {
    decidedAt: Date;
    kind: unknown;
    casusregisseur: { displayName: string } | null;
    startDate: Date | null;
    terugkomdatum: Date | null;
    withdrawnAt?: Date | null;
    replacedById?: string | null;
    withdrawalReason?: string | null;
  }[];
  /** The changes of casusregisseur, as recorded (the dates as DATE columns). */
  readonly casusregisseurChanges?: readonly CasusregisseurChangeFacts[];
  /** The heropeningen of the closed dossier (DossierLife.reopening), with who and why. */
  readonly reopenings?: readonly {
    reopenedAt: Date;
    fromPhase: string;
    reason: string;
    reopenedBy: { displayName: string };
  }[];
  /** The forms that fulfilled obligations (six-month report, quality check). */
  readonly obligationReports?: readonly {
    form: string;
    submittedAt: Date;
    submittedBy: { displayName: string };
  }[];
}

export interface CasusregisseurChangeFacts {
  readonly effectiveDate: Date;
  readonly changedAt: Date;
  readonly reason: unknown;
  readonly note: string | null;
  readonly from: { readonly id: string; readonly displayName: string };
  readonly to: { readonly id: string; readonly displayName: string };
}

const REPORT_TITLES: Record<string, string> = {
  vervolghulp: 'Controle zes maanden na de afronding ingevuld (vervolghulp)',
  kwaliteitscontrole: 'Kwaliteitscontrole van het afgesloten dossier uitgevoerd',
};

/** A stored reason (`tijdelijk_naar_definitief` from the database enum) as its label. */
export function casusregisseurChangeReasonLabel(reason: unknown): string {
  const key = String(reason).replace(/_/g, '-');
  return isCasusregisseurChangeReason(key) ? CASUSREGISSEUR_CHANGE_REASON_LABELS[key] : key;
}

/** Who directed the dossier from when to when, oldest first, by name (for its own page only). */
export function casusregisseurHistoryOf(facts: {
  readonly casusregisseur: { readonly id: string; readonly displayName: string } | null;
  readonly casusregieStartDate: Date | null;
  readonly casusregisseurChanges?: readonly CasusregisseurChangeFacts[];
}): { name: string; from: string | null; until: string | null; reason: string | null }[] {
  const changes = facts.casusregisseurChanges ?? [];
  const names = new Map<string, string>();
  if (facts.casusregisseur) names.set(facts.casusregisseur.id, facts.casusregisseur.displayName);
  for (const c of changes) {
    names.set(c.from.id, c.from.displayName);
    names.set(c.to.id, c.to.displayName);
  }
  return casusregisseurPeriods(
    {
      casusregisseurId: facts.casusregisseur?.id ?? null,
      ...(facts.casusregieStartDate && { casusregieStart: day(facts.casusregieStartDate) }),
    },
    changes.map((c) => ({
      fromPersonId: c.from.id,
      toPersonId: c.to.id,
      effectiveDate: day(c.effectiveDate),
      reason: String(c.reason).replace(/_/g, '-') as CasusregisseurChangeReason,
    })),
  ).map((p) => ({
    name: names.get(p.personId) ?? '—',
    from: p.from ?? null,
    until: p.until ?? null,
    reason: p.reason ? CASUSREGISSEUR_CHANGE_REASON_LABELS[p.reason] : null,
  }));
}

const day = (d: Date) => d.toISOString().slice(0, 10);

type Aanmelding = TimelineFacts['aanmeldingen'][number];
type Item = TimelineFacts['agendaItems'][number];
type Decision = TimelineFacts['decisions'][number];
type Reopening = NonNullable<TimelineFacts['reopenings']>[number];
type Report = NonNullable<TimelineFacts['obligationReports']>[number];

/** One entry of the timeline from one fact (the timeline's SQL page and timelineOf share them). */
export function aanmeldingEntry(a: Aanmelding): TimelineEntry {
  return {
    at: a.submittedAt.toISOString(),
    kind: 'aanmelding',
    title: 'Aanmelding ingediend',
    detail: a.organisation.name,
    planned: false,
  };
}

export function agendapuntEntry(item: Item, region: RegionConfig, now: Date): TimelineEntry {
  const table = region.tables.find((t) => t.key === item.tableKey);
  const type = table?.itemTypes.find((t) => t.key === item.itemType)?.label ?? item.itemType;
  const at = item.slotStart ?? item.session.startsAt;
  const status =
    item.status === 'discussed'
      ? 'besproken'
      : item.status === 'withdrawn'
        ? 'ingetrokken'
        : isProvisional(item.session)
          ? 'onder voorbehoud'
          : 'bevestigd';
  const when = DateTime.fromJSDate(at, { zone: region.timeZone }).toFormat('d LLLL yyyy HH:mm', {
    locale: 'nl-BE',
  });
  return {
    at: at.toISOString(),
    kind: 'agendapunt',
    title: `${table?.name ?? item.tableKey}: ${type}`,
    detail: `${when} (${status})`,
    planned: at.getTime() > now.getTime() && item.status !== 'discussed',
  };
}

export function decisionEntry(d: Decision): TimelineEntry {
  return {
    at: d.decidedAt.toISOString(),
    kind: 'beslissing',
    title: `Beslissing: ${DECISION_KIND_LABELS[d.kind as DecisionKind]}`,
    detail:
      [
        d.casusregisseur ? `casusregisseur ${d.casusregisseur.displayName}` : undefined,
        d.startDate ? `start ${day(d.startDate)}` : undefined,
        d.terugkomdatum ? `terugkomdatum ${day(d.terugkomdatum)}` : undefined,
      ]
        .filter(Boolean)
        .join(', ') || undefined,
    planned: false,
  };
}

/** The withdrawal or change of a decision (the decision itself stays in the history). */
export function withdrawalEntry(d: Decision & { withdrawnAt: Date }): TimelineEntry {
  const change = d.replacedById ? 'gewijzigd' : 'ingetrokken';
  return {
    at: d.withdrawnAt.toISOString(),
    kind: 'beslissing',
    title: `Beslissing ${change}: ${DECISION_KIND_LABELS[d.kind as DecisionKind]}`,
    detail: d.withdrawalReason ? `reden: ${d.withdrawalReason}` : undefined,
    planned: false,
  };
}

export function changeEntry(c: CasusregisseurChangeFacts): TimelineEntry {
  return {
    at: c.changedAt.toISOString(),
    kind: 'casusregie',
    title: 'Casusregie overgedragen',
    detail: `van ${c.from.displayName} aan ${c.to.displayName}, vanaf ${day(c.effectiveDate)} (${casusregisseurChangeReasonLabel(c.reason)})`,
    planned: false,
  };
}

export function reopeningEntry(r: Reopening, region: RegionConfig): TimelineEntry {
  return {
    at: r.reopenedAt.toISOString(),
    kind: 'heropening',
    title: `Dossier heropend (${region.dossierLife.reopening?.label ?? 'heropening'})`,
    detail: `door ${r.reopenedBy.displayName}, reden: ${r.reason}`,
    planned: false,
  };
}

export function reportEntry(r: Report): TimelineEntry {
  return {
    at: r.submittedAt.toISOString(),
    kind: 'opvolging',
    title: REPORT_TITLES[r.form] ?? r.form,
    detail: `door ${r.submittedBy.displayName}`,
    planned: false,
  };
}

/** What happened to a dossier and what is planned, oldest first (without the obligations). */
export function timelineOf(facts: TimelineFacts, region: RegionConfig, now: Date): TimelineEntry[] {
  const timeline: TimelineEntry[] = [
    ...facts.aanmeldingen.map(aanmeldingEntry),
    ...facts.agendaItems.map((item) => agendapuntEntry(item, region, now)),
  ];
  for (const d of facts.decisions) {
    timeline.push(decisionEntry(d));
    // The history stays: a withdrawn or changed decision shows, and so does its withdrawal.
    if (d.withdrawnAt) timeline.push(withdrawalEntry({ ...d, withdrawnAt: d.withdrawnAt }));
  }
  timeline.push(...(facts.casusregisseurChanges ?? []).map(changeEntry));
  // The earlier life stays above it: its decisions and agendapunten are the entries before this one.
  timeline.push(...(facts.reopenings ?? []).map((r) => reopeningEntry(r, region)));
  timeline.push(...(facts.obligationReports ?? []).map(reportEntry));
  timeline.push(...casusregieCheckEntries(facts, region.timeZone));
  return timeline.sort((a, b) => a.at.localeCompare(b.at));
}
