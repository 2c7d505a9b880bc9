import type { DecisionFormInput } from '../agenda/agenda-input';
import type { Actor } from '../agenda/agenda-views';

export interface DecisionActor extends Actor {
  /** The tables the actor coordinates. */
  readonly coordinatorTables: readonly string[] | 'all';
}

/** What the table decided about one agendapunt; validated at the edge (DecisionSchema). */
export interface RecordDecisionCommand {
  readonly actor: DecisionActor;
  readonly itemId: string;
  readonly decision: DecisionFormInput;
}
