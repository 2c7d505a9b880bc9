import { Inject, Injectable } from '@nestjs/common';
import { hashToken } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { LoginSessions, StartedSession } from '../ports/login-sessions.port';
import { PersonDirectory } from '../ports/person-directory.port';
import { LogInCommand } from './log-in.command';

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * Starts a login session for the person of a one-time link (used up by this), or for a demo
 * person where the demo login is on. Undefined when the link is used, expired or unknown, or the
 * demo person is not an active one; every login is in the audit log, with how it happened.
 */
@Injectable()
export class LogInUseCase {
  constructor(
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(LoginSessions) private readonly sessions: LoginSessions,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: LogInCommand): Promise<StartedSession | undefined> {
    const found = await this.personOf(command);
    if ('refused' in found) {
      // Every refused login is kept: the way, why, and the id that was tried (never an address).
      await this.audit.append(
        {
          actorPersonId: null,
          action: 'auth.login',
          entityType: 'person',
          entityId: command.via === 'demo' && UUID.test(command.personId) ? command.personId : null,
          outcome: 'denied',
          details: { method: command.via, reason: found.refused },
        },
        this.clock.now(),
      );
      return undefined;
    }
    const { personId } = found;
    const session = await this.sessions.start(personId, command.userAgent);
    await this.people.markLoggedIn(personId, this.clock.now());
    await this.audit.append(
      {
        actorPersonId: null,
        action: 'auth.login',
        entityType: 'person',
        entityId: personId,
        outcome: 'allowed',
        details: { method: command.via },
      },
      this.clock.now(),
    );
    return session;
  }

  private async personOf(
    command: LogInCommand,
  ): Promise<
    { personId: string } | { refused: 'link-used-expired-or-unknown' | 'not-an-active-person-of-the-region' }
  > {
    const notOfRegion = { refused: 'not-an-active-person-of-the-region' } as const;
    if (command.via === 'link') {
      const personId = await this.people.consumeLoginToken(hashToken(command.token), this.clock.now());
      if (!personId) return { refused: 'link-used-expired-or-unknown' };
      // A link sent before REGIONS changed: a person of a region not served here is nobody here.
      return (await this.people.findActive(this.config.regions, personId)) ? { personId } : notOfRegion;
    }
    // Not a refusal to explain: on a real installation the demo login does not exist.
    if (!this.config.demoLogin)
      throw new AgendaRefusal('DEMO_LOGIN_OFF', 'Not Found', undefined, 'not_found');
    if (!UUID.test(command.personId)) return notOfRegion;
    // Only the installation's own regions: a person of another region is nobody here.
    const found = await this.people.findActive(this.config.regions, command.personId);
    return found ? { personId: found.id } : notOfRegion;
  }
}
