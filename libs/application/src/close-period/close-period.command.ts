import type { LocalDateString } from '@overlegtafels/domain';
import type { CoordinatorActor } from '../coordinator/coordinator-change';

/** A period without sessions (both ends inclusive), for one table or, without tableKey, all. */
export interface ClosePeriodCommand {
  readonly actor: CoordinatorActor;
  readonly from: LocalDateString;
  readonly to: LocalDateString;
  readonly tableKey?: string;
  readonly reason: string;
}
