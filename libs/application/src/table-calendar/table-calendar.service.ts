import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { CalendarStateRepository } from '../ports/calendar-state.port';
import type { RefusalKind } from '../errors/refusal-kind';
import {
  findTable,
  generateSessions,
  parseIsoInstant,
  placementView,
  PlacementViewResult,
  RegionConfig,
  SessionView,
  TableDefinition,
  toSessionView,
} from '@overlegtafels/domain';
import { scopedRegion } from '../region-time-zone';

export class TableQueryError extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
    message: string,
    readonly kind: Extract<RefusalKind, 'invalid' | 'not_found'> = 'invalid',
  ) {
    super(message);
  }
}

const MAX_RANGE_DAYS = 3 * 366;

/**
 * The tables of the current work's region, with the coordinators' calendar decisions from the
 * database laid over the configured series. The seam between the pure rules and the stored state.
 */
@Injectable()
export class TableCalendarService {
  constructor(
    @Inject(CalendarStateRepository) private readonly calendars: CalendarStateRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The region of the current work (the actor's, the session's): read at each use. */
  get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  table(key: string): TableDefinition {
    const table = findTable(this.region, key);
    if (!table) {
      throw new TableQueryError(
        'key',
        'UNKNOWN_TABLE',
        `unknown table "${key}" (known: ${this.region.tables.map((t) => t.key).join(', ')})`,
        'not_found',
      );
    }
    return table;
  }

  async sessions(tableKey: string, from?: string, to?: string): Promise<SessionView[]> {
    const table = this.table(tableKey);
    const fromMs = from === undefined ? this.startOfToday(table) : this.parseBound('from', from, table);
    const toMs =
      to === undefined
        ? DateTime.fromMillis(fromMs, { zone: table.timeZone }).plus({ weeks: 13 }).toMillis()
        : this.parseBound('to', to, table, true);
    if (toMs <= fromMs) throw new TableQueryError('to', 'INVALID_RANGE', 'to: must be after from');
    if (toMs - fromMs > MAX_RANGE_DAYS * 86_400_000)
      throw new TableQueryError(
        'to',
        'RANGE_TOO_LONG',
        `to: the range may span at most ${MAX_RANGE_DAYS} days`,
      );
    const calendar = await this.calendars.forTable(this.region.key, table.key, table.timeZone);
    return generateSessions(table, { fromMs, toMs }, calendar).map((s) => toSessionView(table, s));
  }

  async placement(
    tableKey: string,
    submittedAt: string | undefined,
    type: string | undefined,
  ): Promise<PlacementViewResult> {
    const table = this.table(tableKey);
    if (!submittedAt) {
      return {
        ok: false,
        error: {
          code: 'INVALID_INSTANT',
          field: 'submittedAt',
          message: 'submittedAt: required, an ISO-8601 instant with offset',
        },
      };
    }
    const calendar = await this.calendars.forTable(this.region.key, table.key, table.timeZone);
    return placementView(this.region, table.key, submittedAt, type, { calendar });
  }

  private startOfToday(table: TableDefinition): number {
    return DateTime.fromJSDate(this.clock.now(), { zone: table.timeZone }).startOf('day').toMillis();
  }

  /** A local date (YYYY-MM-DD, in the table's zone; `to` then includes that whole day) or an instant with offset. */
  private parseBound(
    field: 'from' | 'to',
    value: string,
    table: TableDefinition,
    inclusiveDay = false,
  ): number {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const day = DateTime.fromISO(value, { zone: table.timeZone });
      if (!day.isValid)
        throw new TableQueryError(field, 'INVALID_DATE', `${field}: not a valid date (YYYY-MM-DD)`);
      return (inclusiveDay ? day.plus({ days: 1 }) : day).toMillis();
    }
    const parsed = parseIsoInstant(value);
    if (!parsed.ok) throw new TableQueryError(field, parsed.code, `${field}: ${parsed.message}`);
    return parsed.instant;
  }
}
