import type { Transaction } from './unit-of-work.port';

/** A person's active calendar subscription, as their page shows it. */
export interface CalendarFeedStatus {
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

/**
 * One of a person's own slots (an agendapunt they hold a slot invitation for), as the feed shows
 * it: the item's current slot and session, and what the last slot invitation the person got for
 * it said (its SEQUENCE; REQUEST or CANCEL; TENTATIVE or not).
 */
export interface FeedSlotRecord {
  readonly agendaItemId: string;
  readonly dossierId: string;
  readonly dossierCode: string;
  readonly tableKey: string;
  readonly itemType: string;
  readonly durationMinutes: number;
  readonly withdrawn: boolean;
  readonly slotStart: Date | null;
  readonly slotEnd: Date | null;
  readonly session: {
    readonly startsAt: Date;
    readonly location: string | null;
    readonly onlineMeetingUrl: string | null;
  };
  readonly sequence: number;
  readonly method: 'REQUEST' | 'CANCEL';
  readonly tentative: boolean;
}

/**
 * Calendar subscription tokens: only a token's SHA-256 is stored, and a person has at most one
 * active token (renewing revokes the old one).
 */
export abstract class CalendarFeedTokens {
  abstract active(personId: string): Promise<CalendarFeedStatus | undefined>;
  /** Revokes the person's active tokens and stores the new one, together (in `tx` when given). */
  abstract renew(personId: string, tokenHash: string, now: Date, tx?: Transaction): Promise<void>;
  /** How many tokens were revoked (0 when there was no active feed); in `tx` when given. */
  abstract revoke(personId: string, now: Date, tx?: Transaction): Promise<number>;
  /**
   * The owner of an active token, with the key of the person's region (the feed is that region's);
   * a revoked token or a deactivated person finds nothing.
   */
  abstract findActiveByHash(
    tokenHash: string,
  ): Promise<{ id: string; personId: string; regionKey: string } | undefined>;
  abstract markUsed(id: string, now: Date): Promise<void>;
  /** The tables the person sits at for good (standing member, or coordinator). */
  abstract tableKeysFor(personId: string, regionKey: string): Promise<string[]>;
  /**
   * The person's own slots in the region: every agendapunt whose slot invitation they received
   * (the last one per item), as long as they still have a part in it — casusregisseur or aanmelder
   * of its dossier, or a guest of the item. After a casusregie handover the previous
   * casusregisseur finds nothing.
   */
  abstract slotsFor(personId: string, regionKey: string): Promise<FeedSlotRecord[]>;
}
