import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { isRole } from '@overlegtafels/domain';
import { Principal } from './principal';
import { SessionStore } from './session-store';

export const SESSION_COOKIE = 'ot_sessie';

/** A session's last use is written at most this often, not on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Login sessions: a random token in an httpOnly cookie; the database keeps only its hash, so a
 * leaked database dump does not hand out sessions. A session ends at its absolute end
 * (SESSION_TTL_HOURS after the login) or after SESSION_IDLE_MINUTES without a request, whichever
 * comes first; its last use is kept to the minute, so a page's requests do not each write.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(personId: string, userAgent?: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const startedAt = this.clock.now();
    const expiresAt = new Date(startedAt.getTime() + this.config.sessionTtlHours * 3600_000);
    await this.sessions.create({
      tokenHash: hashToken(token),
      personId,
      csrfSecret: randomBytes(24).toString('base64url'),
      expiresAt,
      startedAt,
      userAgent,
    });
    return { token, expiresAt };
  }

  async resolve(token: string | undefined): Promise<Principal | undefined> {
    if (!token || token.length > 200) return undefined;
    const now = this.clock.now();
    const found = await this.sessions.findValid(hashToken(token), now);
    if (!found) return undefined;
    // A person of a region this installation does not serve (REGIONS changed since the login) is
    // nobody here: no page, no API, as if logged out. The session stays for an installation that
    // serves the region (several may share one database).
    if (!this.config.regions.includes(found.person.regionKey)) return undefined;
    // Besides its absolute end, a session ends after SESSION_IDLE_MINUTES without use.
    const idleMs = now.getTime() - found.lastSeenAt.getTime();
    if (idleMs >= this.config.sessionIdleMinutes * 60_000) {
      await this.sessions.delete(hashToken(token));
      return undefined;
    }
    if (idleMs >= LAST_SEEN_RESOLUTION_MS) await this.sessions.touch(found.id, now);
    return {
      personId: found.person.id,
      regionId: found.person.regionId,
      displayName: found.person.displayName,
      email: found.person.email,
      organisationId: found.person.organisationId,
      grants: found.person.roles
        .filter((r) => isRole(r.role))
        .map((r) => ({ role: r.role as Principal['grants'][number]['role'], tableKey: r.tableKey })),
      sessionId: found.id,
      csrfToken: found.csrfSecret,
    };
  }

  async end(token: string | undefined): Promise<void> {
    if (token) await this.sessions.delete(hashToken(token));
  }

  cookieOptions(expiresAt?: Date) {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.publicUrl.startsWith('https://'),
      path: '/',
      expires: expiresAt,
    };
  }
}
