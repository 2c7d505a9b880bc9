import type { Transaction } from './unit-of-work.port';

/** A person's active calendar subscription, as their page shows it. */
export interface CalendarFeedStatus {
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

/**
 * Calendar subscription tokens: only a token's SHA-256 is stored, and a person has at most one
 * active token (renewing revokes the old one).
 */
export abstract class CalendarFeedTokens {
  abstract active(personId: string): Promise<CalendarFeedStatus | undefined>;
  /** Revokes the person's active tokens and stores the new one, together (in `tx` when given). */
  abstract renew(personId: string, tokenHash: string, now: Date, tx?: Transaction): Promise<void>;
  /** How many tokens were revoked (0 when there was no active feed). */
  abstract revoke(personId: string, now: Date): Promise<number>;
  /** The owner of an active token; a revoked token or a deactivated person finds nothing. */
  abstract findActiveByHash(tokenHash: string): Promise<{ id: string; personId: string } | undefined>;
  abstract markUsed(id: string, now: Date): Promise<void>;
  /** The tables the person sits at for good (standing member, or coordinator). */
  abstract tableKeysFor(personId: string, regionKey: string): Promise<string[]>;
}
