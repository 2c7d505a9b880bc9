import { Inject, Injectable } from '@nestjs/common';
import { AgendaRefusal } from '../errors';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import { withMemberRole } from '../beheer/beheer-roles';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';

export interface RemoveMembershipCommand {
  readonly actor: BeheerActor;
  readonly personId: string;
  readonly tableKey: string;
  readonly reason: string;
}

/** A person's seat at a table ended, and with it their membership of the table. */
@Injectable()
export class BeheerRemoveMembershipUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
  ) {}

  async execute({ actor, personId, tableKey, reason }: RemoveMembershipCommand): Promise<void> {
    const action = 'beheer.membership.remove';
    const person = await this.change.person(actor, personId, action);
    const seat = person.memberships.find((m) => m.tableKey === tableKey);
    if (!seat)
      throw new AgendaRefusal(
        'NO_MEMBERSHIP',
        'Deze persoon zit niet aan deze tafel.',
        undefined,
        'not_found',
      );
    await this.uow.run(async (tx) => {
      await this.directory.removeMembership(tx, person.id, tableKey);
      await this.directory.setRoles(tx, person.id, withMemberRole(person.roles, tableKey, false));
      await this.change.record(tx, actor, {
        action,
        entityType: 'person',
        entityId: person.id,
        reason,
        details: { tableKey, function: seat.function, standing: seat.standing },
      });
    });
  }
}
