import { Inject, Injectable } from '@nestjs/common';
import { AgendaRefusal } from '../errors';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import { grantsOf, rolesKey } from '../beheer/beheer-roles';
import type { RolesInput } from '../beheer/beheer.schemas';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { TableCalendarService } from '../table-calendar/table-calendar.service';

export interface SetPersonRolesCommand extends RolesInput {
  readonly actor: BeheerActor;
  readonly personId: string;
}

/**
 * The roles a person holds, set as a whole (the seats' `member` roles stay with the seats). A
 * beheerder cannot take their own beheerder role away: the region would be left without one.
 */
@Injectable()
export class BeheerSetPersonRolesUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
    @Inject(TableCalendarService) private readonly tables: Pick<TableCalendarService, 'region'>,
  ) {}

  async execute({ actor, personId, reason, ...choice }: SetPersonRolesCommand): Promise<void> {
    const action = 'beheer.person.roles';
    const person = await this.change.person(actor, personId, action);
    const grants = grantsOf(
      choice,
      this.tables.region.tables.map((t) => t.key),
      person.memberships,
    );
    if (person.id === actor.personId && !grants.some((g) => g.role === 'admin'))
      throw new AgendaRefusal(
        'OWN_ADMIN_ROLE',
        'U kunt uw eigen rol van beheerder niet wegnemen; laat een andere beheerder dat doen.',
        'roles',
        'conflict',
      );
    await this.uow.run(async (tx) => {
      await this.directory.setRoles(tx, person.id, grants);
      await this.change.record(tx, actor, {
        action,
        entityType: 'person',
        entityId: person.id,
        reason,
        details: { from: rolesKey(person.roles), to: rolesKey(grants) },
      });
    });
  }
}
