import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@overlegtafels/auth';
import { Clock, CLOCK } from '@overlegtafels/config';
import { AuditLog } from '../ports/audit-log.port';
import { LoginSessions } from '../ports/login-sessions.port';
import { LogOutCommand } from './log-out.command';

/** Ends the session (its token no longer resolves) and logs the logout. */
@Injectable()
export class LogOutUseCase {
  constructor(
    @Inject(LoginSessions) private readonly sessions: LoginSessions,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Principal, route: string, { sessionToken }: LogOutCommand): Promise<void> {
    await this.sessions.end(sessionToken);
    await this.audit.append(
      {
        actorPersonId: actor.personId,
        action: 'auth.logout',
        entityType: 'person',
        entityId: actor.personId,
        outcome: 'allowed',
        route,
      },
      this.clock.now(),
    );
  }
}
