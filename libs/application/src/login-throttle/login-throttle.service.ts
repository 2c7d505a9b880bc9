import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { AuditLog } from '../ports/audit-log.port';
import { LoginAttempts } from '../ports/login-attempts.port';

/** The three public ways in that are counted. */
export type LoginAttemptKind = 'link-request' | 'link-use' | 'demo-login';

/** Who an attempt is counted against: always the IP, and the address (or demo person) where known. */
export interface LoginAttemptSubject {
  readonly ip: string;
  /** A lower-cased address for a link request, a person's id for a demo login. */
  readonly account?: string;
}

export type LoginThrottleOutcome =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number; readonly scope: 'account' | 'ip' };

const FORGET_EVERY = 200;

/**
 * Rate limits on the login (issue #17): per fixed window of LOGIN_LIMIT_WINDOW_MINUTES, at most
 * LOGIN_LIMIT_PER_ADDRESS attempts for one address or demo person and LOGIN_LIMIT_PER_IP of each
 * kind from one IP. Every attempt counts, refused ones too, so hammering does not reopen the
 * window; a refusal says when the window ends and is in the audit log (hashes of neither the
 * address nor the IP: the kind and which limit).
 */
@Injectable()
export class LoginThrottle {
  private hits = 0;

  constructor(
    @Inject(LoginAttempts) private readonly attempts: LoginAttempts,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async attempt(
    kind: LoginAttemptKind,
    subject: LoginAttemptSubject,
    route: string,
  ): Promise<LoginThrottleOutcome> {
    const now = this.clock.now();
    const { windowMinutes, perAddress, perIp } = this.config.loginLimits;
    const windowMs = windowMinutes * 60_000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
    );
    // Both counters always move, whichever refuses: the work is the same for every address.
    const [byIp, byAccount] = await Promise.all([
      this.attempts.hit(`${kind}:ip`, digest(subject.ip), windowStart),
      subject.account !== undefined
        ? this.attempts.hit(`${kind}:account`, digest(subject.account.toLowerCase()), windowStart)
        : Promise.resolve(0),
    ]);
    if (++this.hits % FORGET_EVERY === 0)
      await this.attempts.forgetBefore(new Date(windowStart.getTime() - windowMs));
    const scope = byAccount > perAddress ? 'account' : byIp > perIp ? 'ip' : undefined;
    if (!scope) return { allowed: true };
    await this.audit.append(
      {
        actorPersonId: null,
        action: 'auth.rate-limited',
        entityType: 'login',
        entityId: null,
        route,
        outcome: 'denied',
        details: { kind, scope, windowMinutes },
      },
      now,
    );
    return { allowed: false, retryAfterSeconds, scope };
  }
}

function digest(value: string): string {
  return createHash('sha256').update(`login-attempt|${value}`).digest('hex');
}
