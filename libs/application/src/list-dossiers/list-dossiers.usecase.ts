import { Inject, Injectable } from '@nestjs/common';
import { scopedRegion } from '../region-time-zone';
import { dossierScope, Principal } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { awaitsConsent, endedPhaseKeys, isRegionPhase, RegionConfig } from '@overlegtafels/domain';
import { DateTime } from 'luxon';
import { InputError } from '../errors';
import { parseInput } from '../input/parse-input';
import { AuditLog, dossierCodesShown } from '../ports/audit-log.port';
import {
  DossierList,
  DossierListCursor,
  DossierListEntry,
  DossierListFilter,
} from '../ports/dossier-list.port';
import {
  DOSSIER_PAGE_SIZE,
  ListDossiersCommand,
  ListDossiersQuery,
  ListDossiersSchema,
} from './list-dossiers.command';

export interface ListedDossier extends DossierListEntry {
  /** Casusregie "in afwachting van instemming": appointed, not started for want of consent. */
  readonly awaitingConsent: boolean;
}

/** One page of the dossier list: the rows, how many match in all, and the next page's token. */
export interface ListedDossiers {
  readonly dossiers: readonly ListedDossier[];
  readonly total: number;
  /** The `after` of the next page; absent on the last one. */
  readonly next?: string;
  /** The query as understood (blank fields dropped), for the search form to show again. */
  readonly query: ListDossiersQuery;
}

/** The query's fields in the order of the search form (and of the schema's errors). */
const FIELD_ORDER = ['code', 'phase', 'casusregisseur', 'table', 'from', 'to', 'after', 'limit'] as const;

const cursorToken = (c: DossierListCursor) => `${c.ended ? 'e' : 'r'}.${c.code}`;
const cursorOf = (token: string): DossierListCursor => ({
  ended: token.startsWith('e.'),
  code: token.slice(2),
});

/**
 * The dossiers a person may see (need-to-know as a query scope, so a list never shows what a
 * single read would refuse): running ones first, newest first, a page at a time with the total,
 * never cut silently. The audit log records which dossier codes the page showed, and the filter.
 */
@Injectable()
export class ListDossiersUseCase {
  /** The region of the current work (the actor's): read at each use. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  constructor(
    @Inject(DossierList) private readonly dossiers: DossierList,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'regions'>,
  ) {}

  async execute(
    reader: Principal,
    route: string,
    command: ListDossiersCommand = {},
    options: { runningOnly?: boolean } = {},
  ): Promise<ListedDossiers> {
    const query = this.parsed(command);
    if (query.table && !this.region.tables.some((t) => t.key === query.table)) {
      throw new InputError([
        { field: 'table', code: 'UNKNOWN_TABLE', message: 'Tafel: kies een tafel uit de lijst.' },
      ]);
    }
    const life = this.region.dossierLife;
    const filter = this.filterOf(query, options.runningOnly === true);
    const page = await this.dossiers.page(dossierScope(reader), {
      ...filter,
      ...(query.after && { after: cursorOf(query.after) }),
      limit: query.limit ?? DOSSIER_PAGE_SIZE,
    });
    const { after: _after, limit: _limit, ...narrowedBy } = query;
    await this.audit.append(
      {
        actorPersonId: reader.personId,
        action: 'dossier.list',
        entityType: 'dossier',
        entityId: null,
        outcome: 'allowed',
        route,
        details: {
          count: page.rows.length,
          total: page.total,
          // Which dossiers the reader was shown (issue #17), and with what filter: codes and keys.
          codes: dossierCodesShown(page.rows.map((r) => r.code)),
          ...(Object.keys(narrowedBy).length > 0 && {
            filter: new URLSearchParams(narrowedBy as Record<string, string>).toString(),
          }),
          ...(query.after && { after: query.after }),
        },
      },
      this.clock.now(),
    );
    return {
      dossiers: page.rows.map((row) => ({
        ...row,
        awaitingConsent:
          isRegionPhase(life, row.phase) &&
          awaitsConsent(life, {
            phase: row.phase,
            ...(row.casusregieStartDate && {
              casusregieStartDate: row.casusregieStartDate.toISOString().slice(0, 10),
            }),
          }),
      })),
      total: page.total,
      ...(page.next && { next: cursorToken(page.next) }),
      query,
    };
  }

  /**
   * The query checked field by field; the phase must be one of the region's keys, and its error
   * comes with the schema's others, in the form's order.
   */
  private parsed(command: ListDossiersCommand): ListDossiersQuery {
    const phase = typeof command.phase === 'string' ? command.phase.trim() : command.phase;
    const unknownPhase =
      phase !== undefined && phase !== '' && !isRegionPhase(this.region.dossierLife, phase)
        ? [{ field: 'phase', code: 'UNKNOWN_PHASE', message: 'Fase: kies een van de fasen uit de lijst.' }]
        : [];
    try {
      const query = parseInput(ListDossiersSchema, command);
      if (unknownPhase.length) throw new InputError(unknownPhase);
      return query;
    } catch (error) {
      if (!(error instanceof InputError) || unknownPhase.length === 0) throw error;
      const order = (field: string) => FIELD_ORDER.indexOf(field as (typeof FIELD_ORDER)[number]);
      const errors = [...unknownPhase, ...error.errors.filter((e) => e.field !== 'phase')];
      throw new InputError(errors.sort((a, b) => order(a.field) - order(b.field)));
    }
  }

  /** The reader's calendar days are the region's: "vanaf 1 maart" starts at midnight in Brussels. */
  private filterOf(query: ListDossiersQuery, runningOnly: boolean): DossierListFilter {
    const zone = this.region.timeZone ?? 'Europe/Brussels';
    const dayStart = (day: string, plusDays = 0) =>
      DateTime.fromISO(day, { zone }).plus({ days: plusDays }).startOf('day').toJSDate();
    return {
      ...(query.code && { code: query.code }),
      ...(query.phase && { phase: query.phase }),
      ...(query.casusregisseur && { casusregisseurId: query.casusregisseur }),
      ...(query.table && { tableKey: query.table }),
      ...(query.from && { createdFrom: dayStart(query.from) }),
      ...(query.to && { createdBefore: dayStart(query.to, 1) }),
      ...(runningOnly && { runningOnly }),
      endedPhases: endedPhaseKeys(this.region.dossierLife),
    };
  }
}
