import { DateTime } from 'luxon';
import { phaseSpecOf } from '../dossier/dossier.model';
import { ENDED_PHASE_KINDS } from '../dossier/dossier-lifecycle.policy';
import type { LocalDateString } from '../time/local-date.util';
import type { RegionConfig } from '../tables/table-definition.model';

/** How long a dossier that ended is kept, counted from the day it ended (whole years and months). */
export interface RetentionPeriod {
  readonly years?: number;
  readonly months?: number;
}

/**
 * A region's retention: per ended phase, the period after which the dossier and everything that
 * hangs off it are destroyed (the audit log keeps a tombstone). `source` says where the periods
 * come from (an agreement, a guide) or that they are a choice awaiting one.
 */
export interface RetentionPolicy {
  /** Counted from the afsluitingDate. */
  readonly afgesloten: RetentionPeriod;
  /** Counted from the day (in the region's zone) the ICO decided "geen ketenaanpak". */
  readonly geen_ketenaanpak: RetentionPeriod;
  readonly source: string;
}

/**
 * No source the project has (the CO3 guide, the partners' agreements in shared/seeds) sets a
 * period, so this is a choice, stated as such in the README: five years after the afsluiting,
 * one year after "geen ketenaanpak" (the family was advised, no chain approach followed).
 */
export const DEFAULT_RETENTION: RetentionPolicy = {
  afgesloten: { years: 5 },
  geen_ketenaanpak: { years: 1 },
  source:
    'keuze van het project (geen bron in de CO3-gids of de partnerakkoorden): ' +
    '5 jaar na afsluiting, 1 jaar na "geen ketenaanpak"',
};

/** What the policy needs of a dossier: its phase and, when it ended, the day it ended. */
export interface RetentionFacts {
  /** The key of the region's phase; its kind says whether the dossier ended. */
  readonly phase: string;
  /** The day the dossier ended (YYYY-MM-DD, the region's calendar); null while it runs. */
  readonly endedOn: LocalDateString | null;
}

export type RetentionVerdict =
  | { readonly due: false; readonly reason: 'running' | 'no-end-date'; readonly dueOn: null }
  | { readonly due: boolean; readonly dueOn: LocalDateString; readonly period: string };

/** The period as ISO 8601 (P5Y, P1Y6M): for the tombstone and the CLI. */
export function retentionPeriodIso(period: RetentionPeriod): string {
  const years = period.years ?? 0;
  const months = period.months ?? 0;
  if (years === 0 && months === 0) return 'P0D';
  return `P${years ? `${years}Y` : ''}${months ? `${months}M` : ''}`;
}

/** The region's retention, or the default when it sets none. */
export function retentionOf(region: Pick<RegionConfig, 'retention'>): RetentionPolicy {
  return region.retention ?? DEFAULT_RETENTION;
}

/** The day (YYYY-MM-DD) an instant falls on in a zone: "today" in Brussels for the nightly run. */
export function localDayOf(instant: Date, timeZone: string): LocalDateString {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

/**
 * Whether a dossier is due for destruction on `today`: only a phase of an ended kind (ENDED_PHASE_KINDS) with an
 * end date, from the day `endedOn` + the phase's period onwards (that day included). A period
 * ending on a day a month lacks (29 February + 1 year) falls on the month's last day. `today` is
 * a day of the region's calendar, or an instant whose day in the region's zone is taken.
 */
export function retentionDue(
  dossier: RetentionFacts,
  region: Pick<RegionConfig, 'retention' | 'timeZone' | 'dossierLife'>,
  today: LocalDateString | Date,
): RetentionVerdict {
  const kind = phaseSpecOf(region.dossierLife, dossier.phase)?.kind;
  if (kind === undefined || !ENDED_PHASE_KINDS.includes(kind))
    return { due: false, reason: 'running', dueOn: null };
  if (!dossier.endedOn) return { due: false, reason: 'no-end-date', dueOn: null };
  const ended = DateTime.fromISO(dossier.endedOn, { zone: 'UTC' });
  if (!ended.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(dossier.endedOn)) {
    throw new Error(`invalid end date "${dossier.endedOn}" (expected YYYY-MM-DD)`);
  }
  const period = retentionOf(region)[kind as 'afgesloten' | 'geen_ketenaanpak'];
  const dueOn = ended.plus({ years: period.years ?? 0, months: period.months ?? 0 }).toISODate()!;
  const day = typeof today === 'string' ? today : localDayOf(today, region.timeZone);
  return { due: day >= dueOn, dueOn, period: retentionPeriodIso(period) };
}
