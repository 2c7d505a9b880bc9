import type { SessionStatus } from '@overlegtafels/domain';
import type { AgendaItemStatus } from './agenda-item.repository.port';
import type { PlacementGuest } from './agenda-placement.port';
import type { Transaction } from './unit-of-work.port';

/** Where a herbespreking put the dossier: the new ICO agendapunt and its session. */
export interface IcoReturn {
  readonly itemId: string;
  readonly sessionId: string;
  readonly sessionStart: Date;
  /** When that session's agenda (with the guests' invitations) goes out. */
  readonly agendaSendAt: Date;
}

/** An agendapunt as a decision about it needs it, with its session. */
export interface ItemToDecide {
  readonly id: string;
  readonly dossierId: string;
  readonly tableKey: string;
  readonly itemType: string;
  readonly status: AgendaItemStatus;
  readonly session: {
    readonly id: string;
    readonly status: SessionStatus;
    readonly startsAt: Date;
  };
}

/**
 * The agenda side of recording a decision: the agendapunt decided on, marking it discussed (and
 * its session held), and a dossier's return to the ICO placed by the table's rules.
 */
export abstract class DecisionAgenda {
  abstract itemToDecide(tx: Transaction, itemId: string): Promise<ItemToDecide | undefined>;
  abstract markDiscussed(tx: Transaction, item: ItemToDecide, at: Date): Promise<void>;
  /**
   * A new ICO agendapunt for the dossier, with its guests (the aanmelder, for the aanvullend
   * verkennend casusoverleg); refuses (NO_SESSION_IN_RANGE) when no ICO is planned.
   */
  abstract returnToIco(
    tx: Transaction,
    dossierId: string,
    submittedById: string,
    at: Date,
    guests: readonly PlacementGuest[],
  ): Promise<IcoReturn>;
}
