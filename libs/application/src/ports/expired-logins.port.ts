/** How many rows of each kind a purge of expired logins removed. */
export interface PurgedLogins {
  readonly sessions: number;
  readonly loginTokens: number;
  readonly attemptCounters: number;
}

/** What counts as over, as of one moment. */
export interface LoginCutoffs {
  /** Sessions and login links whose end is at or before this moment. */
  readonly now: Date;
  /** Sessions last used before this moment (idle for SESSION_IDLE_MINUTES: refused, too). */
  readonly lastSeenBefore: Date;
  /** Attempt counters of windows that started before this moment. */
  readonly windowsBefore: Date;
}

/**
 * The login's rows that are of no use any more: login sessions past their end or idle too long, login links past
 * theirs (used or not), attempt counters of windows that are over.
 */
export abstract class ExpiredLogins {
  abstract purge(cutoffs: LoginCutoffs): Promise<PurgedLogins>;
}
