import { Inject, Injectable } from '@nestjs/common';
import { AgendaRefusal } from '../errors';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import { grantsOf, rolesKey } from '../beheer/beheer-roles';
import type { RolesInput } from '../beheer/beheer.schemas';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { TableCalendarService } from '../table-calendar/table-calendar.service';

export interface SetPersonRolesCommand extends RolesInput {
  readonly actor: BeheerActor;
  readonly personId: string;
  /** The form's one-time key or the API's Idempotency-Key: the same again changes nothing more. */
  readonly submissionKey?: string;
}

/** The ledger's scope of a person's roles set. */
export const BEHEER_PERSON_ROLES_SCOPE = 'beheer-person-roles';

/**
 * The roles a person holds, set as a whole (the seats' `member` roles stay with the seats). A
 * beheerder cannot take their own beheerder role away: the region would be left without one. One
 * press changes once: with the form's key a repeat changes and audits nothing more.
 */
@Injectable()
export class BeheerSetPersonRolesUseCase {
  constructor(
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
    @Inject(TableCalendarService) private readonly tables: Pick<TableCalendarService, 'region'>,
  ) {}

  async execute(command: SetPersonRolesCommand): Promise<{ repeated: boolean }> {
    const { actor, personId, submissionKey, reason, ...choice } = command;
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
    const content = { personId: person.id, reason, ...choice };
    const done = await this.change.once(
      actor,
      { scope: BEHEER_PERSON_ROLES_SCOPE, key: submissionKey, content },
      async (tx) => {
        await this.directory.setRoles(tx, person.id, grants);
        await this.change.record(tx, actor, {
          action,
          entityType: 'person',
          entityId: person.id,
          reason,
          details: { from: rolesKey(person.roles), to: rolesKey(grants) },
        });
        return { personId: person.id };
      },
    );
    return { repeated: done.repeated };
  }
}
