import type { LocalDateString, SessionTooEarly } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';
import type { SlotInfo } from '../agenda/agenda-views';

export interface PlacementGuest {
  readonly kind: 'aanmelder' | 'consulent' | 'expert';
  readonly email: string;
  readonly name?: string | null;
  /** Unset: the person with this address in the region, if any. */
  readonly personId?: string | null;
}

/** A new agendapunt for a dossier, to be placed by the table's deadlines and capacity. */
export interface PlacementRequest {
  readonly tableKey: string;
  readonly itemType: string;
  readonly dossierId: string;
  readonly submittedAt: Date;
  readonly submittedById: string;
  readonly aanmeldingId?: string;
  readonly question?: string;
  readonly documentId?: string | null;
  readonly guests: readonly PlacementGuest[];
  /**
   * The zitting must take place on or after this local date (an afsluiting: afronding + 6
   * months). When the one it would land on now is earlier, nothing is placed: `too_early`.
   */
  readonly notBeforeDate?: LocalDateString;
}

export type Placement =
  | {
      readonly ok: true;
      readonly itemId: string;
      readonly sessionId: string;
      readonly sessionStart: Date;
      readonly sessionEnd: Date;
      readonly slot: SlotInfo;
      readonly icsSequence: number;
      /** When the session's agenda goes out. */
      readonly agendaSendAt: Date;
    }
  /** `no_session`: none within the year; `full`: every session within the horizon is full. */
  | { readonly ok: false; readonly reason: 'no_session' | 'full' }
  /** The next open zitting lies before `notBeforeDate`: which one, and which one it can go to from when. */
  | { readonly ok: false; readonly reason: 'too_early'; readonly tooEarly: SessionTooEarly };

/**
 * Puts a new agendapunt on a table's agenda under the table's lock, inside the caller's
 * transaction, and allocates the agenda again: where it lands, or why it cannot.
 */
export abstract class AgendaPlacement {
  abstract place(tx: Transaction, request: PlacementRequest): Promise<Placement>;
}
