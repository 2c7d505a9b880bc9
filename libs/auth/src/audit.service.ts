import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AuditEventInput, AuditRepository } from '@overlegtafels/persistence';
import { Principal } from './principal';

/** Every read or change of dossier data goes through here; the log is append-only. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(
    actor: Principal | undefined | null,
    event: Omit<AuditEventInput, 'actorPersonId'>,
  ): Promise<void> {
    await this.audit.append({ ...event, actorPersonId: actor?.personId ?? null }, this.clock.now());
  }
}
