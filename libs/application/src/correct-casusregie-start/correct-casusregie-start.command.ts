import type { LocalDateString } from '@overlegtafels/domain';
import type { Actor } from '../agenda/agenda-views';

/** For coordinators (the route says so); validated at the edge (CasusregieStartSchema). */
export interface CorrectCasusregieStartCommand {
  readonly actor: Actor;
  /** From an audited read (need-to-know decided there). */
  readonly dossierId: string;
  readonly startDate: LocalDateString;
  readonly reason: string;
}
