import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@overlegtafels/config';
import { AuditLog } from '../ports/audit-log.port';

/**
 * A login form refused at the edge (its CSRF token did not hold) is in the audit log like every
 * other refusal of the login: which form and why, never the address that was typed.
 */
@Injectable()
export class LoginRefusals {
  constructor(
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(
    form: 'link-request' | 'link-use' | 'demo-login',
    reason: 'csrf',
    route: string,
  ): Promise<void> {
    await this.audit.append(
      {
        actorPersonId: null,
        action: 'auth.login-form',
        entityType: 'login',
        entityId: null,
        route,
        outcome: 'denied',
        details: { form, reason },
      },
      this.clock.now(),
    );
  }
}
