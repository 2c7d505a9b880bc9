import { DateTime } from 'luxon';
import {
  DECISION_KIND_LABELS,
  DecisionKind,
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
  readonly kind: 'aanmelding' | 'agendapunt' | 'beslissing' | 'opvolging' | 'casusregie';
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
  }[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** What happened to a dossier and what is planned, oldest first (without the obligations). */
export function timelineOf(facts: TimelineFacts, region: RegionConfig, now: Date): TimelineEntry[] {
  const zone = region.timeZone;
  const fmt = (d: Date) =>
    DateTime.fromJSDate(d, { zone }).toFormat('d LLLL yyyy HH:mm', { locale: 'nl-BE' });
  const timeline: TimelineEntry[] = [];
  for (const a of facts.aanmeldingen) {
    timeline.push({
      at: a.submittedAt.toISOString(),
      kind: 'aanmelding',
      title: 'Aanmelding ingediend',
      detail: a.organisation.name,
      planned: false,
    });
  }
  for (const item of facts.agendaItems) {
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
    timeline.push({
      at: at.toISOString(),
      kind: 'agendapunt',
      title: `${table?.name ?? item.tableKey}: ${type}`,
      detail: `${fmt(at)} (${status})`,
      planned: at.getTime() > now.getTime() && item.status !== 'discussed',
    });
  }
  for (const d of facts.decisions) {
    timeline.push({
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
    });
  }
  timeline.push(...casusregieCheckEntries(facts, zone));
  return timeline.sort((a, b) => a.at.localeCompare(b.at));
}
