import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { ExpiredLogins, PurgedLogins } from '../ports/expired-logins.port';

/**
 * The nightly purge of what a login leaves behind (issue #18): login sessions past their end, login
 * links past theirs and the attempt counters of windows that are over. None of them can log anyone
 * in or refuse anyone any more; kept, they only grow. A session is refused the moment it expires
 * (the guard compares), so the purge deciding nothing is why it may run once a night.
 */
@Injectable()
export class PurgeExpiredLoginsUseCase {
  private readonly logger = new Logger(PurgeExpiredLoginsUseCase.name);

  constructor(
    @Inject(ExpiredLogins) private readonly logins: ExpiredLogins,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'loginLimits' | 'sessionIdleMinutes'>,
  ) {}

  async execute(): Promise<PurgedLogins> {
    const now = this.clock.now();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const purged = await this.logins.purge({
      now,
      // SessionService refuses a session idle this long; a counter's window is over once it
      // started a whole window ago.
      lastSeenBefore: ago(this.config.sessionIdleMinutes),
      windowsBefore: ago(this.config.loginLimits.windowMinutes),
    });
    const total = purged.sessions + purged.loginTokens + purged.attemptCounters;
    if (total > 0)
      this.logger.log(
        `purged ${purged.sessions} login sessions, ${purged.loginTokens} login links, ${purged.attemptCounters} attempt counters`,
      );
    return purged;
  }
}
