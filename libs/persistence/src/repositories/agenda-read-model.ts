import { Inject, Injectable } from '@nestjs/common';
import type { AgendaLoad, AgendaPageItem, AgendaReadModel } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';

/** Items on an agenda: to be held, or discussed already. */
const ON_AGENDA = ['placed', 'rolled_over', 'discussed'] as const;

/** What the agenda's pages and the agendering form read (bound to the AgendaReadModel port). */
@Injectable()
export class PrismaAgendaReadModel implements AgendaReadModel {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /** Per session row, the agendapunten on its agenda (to be held or discussed) and their minutes. */
  async loadOf(sessionIds: readonly string[]): Promise<Map<string, AgendaLoad>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.prisma.agendaItem.groupBy({
      by: ['sessionId'],
      where: { sessionId: { in: [...sessionIds] }, status: { in: [...ON_AGENDA] } },
      _sum: { durationMinutes: true },
      _count: { _all: true },
    });
    return new Map(
      rows.map((r) => [r.sessionId, { minutes: r._sum.durationMinutes ?? 0, items: r._count._all }]),
    );
  }

  /**
   * A session's agenda with what the agenda page shows: codes, types, who brings it, guests. One
   * statement, however many items (a relation each was a statement each, issue #18).
   */
  async agendaOf(sessionId: string): Promise<AgendaPageItem[]> {
    const rows = await this.prisma.$queryRawUnsafe<AgendaRow[]>(AGENDA_SQL, sessionId, [...ON_AGENDA]);
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.session_id,
      dossierId: r.dossier_id,
      tableKey: r.table_key,
      itemType: r.item_type,
      durationMinutes: r.duration_minutes,
      position: r.position,
      slotStart: r.slot_start,
      slotEnd: r.slot_end,
      status: r.status as AgendaPageItem['status'],
      submittedAt: r.submitted_at,
      submittedById: r.submitted_by_id,
      originalSessionId: r.original_session_id,
      pinned: r.pinned,
      pinnedPosition: r.pinned_position,
      overrideReason: r.override_reason,
      lateReason: r.late_reason,
      icsSequence: r.ics_sequence,
      question: r.question,
      sharedWithSession: r.shared_with_session,
      dossier: {
        id: r.dossier_id,
        code: r.code,
        phase: r.phase,
        casusregisseurId: r.casusregisseur_id,
        aanmelderId: r.aanmelder_id,
        regionId: r.region_id,
        aanmelderOrganisation:
          r.aanmelder_organisation_kind === null ? null : { kind: r.aanmelder_organisation_kind },
      },
      submittedBy: {
        displayName: r.submitted_by_name,
        organisation: r.submitted_by_organisation === null ? null : { name: r.submitted_by_organisation },
      },
      document:
        r.document_id === null
          ? null
          : { id: r.document_id, fileName: r.document_file_name!, sizeBytes: r.document_size_bytes! },
      guests: r.guests,
      decision:
        r.decision_id === null
          ? null
          : { id: r.decision_id, kind: r.decision_kind!, decidedAt: r.decided_at! },
    }));
  }
}

/** $1 the session, $2 the statuses of the items on its agenda; in agenda order. */
const AGENDA_SQL = `
  SELECT i.id, i.session_id, i.dossier_id, i.table_key, i.item_type, i.duration_minutes, i.position,
         i.slot_start, i.slot_end, i.status::text AS status, i.submitted_at, i.submitted_by_id,
         i.original_session_id, i.pinned, i.pinned_position, i.override_reason, i.late_reason,
         i.ics_sequence, i.question, i.shared_with_session,
         d.code, d.phase, d.casusregisseur_id, d.aanmelder_id, d.region_id,
         ao.kind AS aanmelder_organisation_kind,
         p.display_name AS submitted_by_name, po.name AS submitted_by_organisation,
         doc.id AS document_id, doc.file_name AS document_file_name, doc.size_bytes AS document_size_bytes,
         dec.id AS decision_id, dec.kind AS decision_kind, dec.decided_at,
         coalesce((SELECT jsonb_agg(jsonb_build_object('kind', g.kind::text, 'email', g.email, 'name', g.name)
                                    ORDER BY g.id)
                     FROM agenda_item_guests g WHERE g.agenda_item_id = i.id), '[]'::jsonb) AS guests
    FROM agenda_items i
    JOIN dossiers d ON d.id = i.dossier_id
    LEFT JOIN organisations ao ON ao.id = d.aanmelder_organisation_id
    JOIN persons p ON p.id = i.submitted_by_id
    LEFT JOIN organisations po ON po.id = p.organisation_id
    LEFT JOIN documents doc ON doc.id = i.document_id
    LEFT JOIN decisions dec ON dec.agenda_item_id = i.id
   WHERE i.session_id = $1::uuid AND i.status::text = ANY($2::text[])
   ORDER BY i.position`;

interface AgendaRow {
  id: string;
  session_id: string;
  dossier_id: string;
  table_key: string;
  item_type: string;
  duration_minutes: number;
  position: number;
  slot_start: Date | null;
  slot_end: Date | null;
  status: string;
  submitted_at: Date;
  submitted_by_id: string;
  original_session_id: string | null;
  pinned: boolean;
  pinned_position: number | null;
  override_reason: string | null;
  late_reason: string | null;
  ics_sequence: number;
  question: string | null;
  shared_with_session: boolean;
  code: string;
  phase: string;
  casusregisseur_id: string | null;
  aanmelder_id: string;
  region_id: string;
  aanmelder_organisation_kind: string | null;
  submitted_by_name: string;
  submitted_by_organisation: string | null;
  document_id: string | null;
  document_file_name: string | null;
  document_size_bytes: number | null;
  decision_id: string | null;
  decision_kind: string | null;
  decided_at: Date | null;
  guests: { kind: string; email: string | null; name: string | null }[];
}
