import type { CalendarState } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

/** A period without sessions (both ends inclusive), for one table or (`tableKey` null) all of them. */
export interface NewClosedPeriod {
  readonly regionId: string;
  readonly tableKey: string | null;
  /** Calendar dates (UTC midnight). */
  readonly fromDate: Date;
  readonly toDate: Date;
  readonly reason: string;
  readonly createdById: string;
}

/**
 * What coordinators decided about a table's calendar (cancellations, moves, capacity changes,
 * closed periods), as the domain's CalendarState lays it over the configured series.
 */
export abstract class CalendarStateRepository {
  /** Nothing decided (an empty state) for a region that is not in the database. */
  abstract forTable(
    regionKey: string,
    tableKey: string,
    timeZone: string,
    tx?: Transaction,
  ): Promise<CalendarState>;
  abstract createClosedPeriod(tx: Transaction, period: NewClosedPeriod): Promise<void>;
}
