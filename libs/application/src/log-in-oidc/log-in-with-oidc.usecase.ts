import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { isEmailAddress } from '@overlegtafels/mail';
import { AuditLog } from '../ports/audit-log.port';
import { LoginSessions, StartedSession } from '../ports/login-sessions.port';
import { PersonDirectory } from '../ports/person-directory.port';
import { LogInWithOidcCommand, OidcLoginFailedCommand } from './log-in-with-oidc.command';

export type OidcLoginRefusal = 'no_email' | 'email_unverified' | 'unknown_person';

export type OidcLoginOutcome =
  | { readonly outcome: 'session'; readonly session: StartedSession }
  | { readonly outcome: 'refused'; readonly reason: OidcLoginRefusal };

/**
 * Single sign-on: the identity provider vouches for an address, and the person of the region
 * with that address logs in, with a session like any other login. Nobody is created here: an
 * address the region does not know, or one the provider did not verify, is refused and the
 * refusal is in the audit log, with the person's id when the address is theirs, never the
 * address itself.
 */
@Injectable()
export class LogInWithOidcUseCase {
  constructor(
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(LoginSessions) private readonly sessions: LoginSessions,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: LogInWithOidcCommand, route?: string): Promise<OidcLoginOutcome> {
    const email = command.email?.trim();
    if (!email || email.length > 254 || !isEmailAddress(email)) return this.refuse('no_email', null, route);
    const found = await this.people.findActiveByEmail(this.config.regions, email);
    // The exact address, not a pattern: '_' or '%' in a claim must not find someone else.
    const person = found && found.email.trim().toLowerCase() === email.toLowerCase() ? found : undefined;
    if (this.config.oidc?.requireVerifiedEmail !== false && !command.emailVerified)
      return this.refuse('email_unverified', person?.id ?? null, route);
    if (!person) return this.refuse('unknown_person', null, route);
    const session = await this.sessions.start(person.id, command.userAgent);
    await this.people.markLoggedIn(person.id, this.clock.now());
    await this.audit.append(
      {
        actorPersonId: null,
        action: 'auth.login',
        entityType: 'person',
        entityId: person.id,
        outcome: 'allowed',
        details: { method: 'oidc' },
      },
      this.clock.now(),
    );
    return { outcome: 'session', session };
  }

  /** A return from the provider that did not get as far as claims (state, code, ID token). */
  async failed({ failure, code }: OidcLoginFailedCommand, route?: string): Promise<void> {
    await this.audit.append(
      {
        actorPersonId: null,
        action: 'auth.login',
        entityType: 'person',
        entityId: null,
        route: route ?? null,
        outcome: 'denied',
        details: { method: 'oidc', reason: failure, ...(code ? { code } : {}) },
      },
      this.clock.now(),
    );
  }

  private async refuse(
    reason: OidcLoginRefusal,
    personId: string | null,
    route: string | undefined,
  ): Promise<OidcLoginOutcome> {
    await this.audit.append(
      {
        actorPersonId: null,
        action: 'auth.login',
        entityType: 'person',
        entityId: personId,
        route: route ?? null,
        outcome: 'denied',
        details: { method: 'oidc', reason },
      },
      this.clock.now(),
    );
    return { outcome: 'refused', reason };
  }
}
