import { Inject, Injectable } from '@nestjs/common';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';

export interface SetOrganisationActiveCommand {
  readonly actor: BeheerActor;
  readonly organisationId: string;
  readonly active: boolean;
  readonly reason: string;
}

/**
 * An organisation deactivated (no longer offered to aanmelders nor to new people) or active
 * again. Its people keep their accounts: each is deactivated on their own.
 */
@Injectable()
export class BeheerSetOrganisationActiveUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
  ) {}

  async execute({ actor, organisationId, active, reason }: SetOrganisationActiveCommand): Promise<void> {
    const action = active ? 'beheer.organisation.activate' : 'beheer.organisation.deactivate';
    const row = await this.change.organisation(actor, organisationId, action);
    await this.uow.run(async (tx) => {
      await this.directory.setOrganisationActive(tx, row.id, active);
      await this.change.record(tx, actor, {
        action,
        entityType: 'organisation',
        entityId: row.id,
        reason,
        details: { wasActive: row.active },
      });
    });
  }
}
