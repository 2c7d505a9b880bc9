import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { InputError } from '../errors';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import { withMemberRole } from '../beheer/beheer-roles';
import type { MembershipInput } from '../beheer/beheer.schemas';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { TableCalendarService } from '../table-calendar/table-calendar.service';

export interface SetMembershipCommand extends MembershipInput {
  readonly actor: BeheerActor;
  readonly personId: string;
  readonly submissionKey?: string;
}

/** The ledger's scope of a seat's one-time key. */
export const BEHEER_MEMBERSHIP_SCOPE = 'beheer-membership';

/**
 * A person seated at a table of the region, or their seat there changed: their function and
 * whether they are a standing participant (who receives every agenda of the table with its
 * invitation). The seat makes them a member of the table (the `member` role on it).
 */
@Injectable()
export class BeheerSetMembershipUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
    @Inject(TableCalendarService) private readonly tables: Pick<TableCalendarService, 'region'>,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: SetMembershipCommand): Promise<{ repeated: boolean }> {
    const { actor, personId, submissionKey, ...content } = command;
    const action = 'beheer.membership.set';
    const person = await this.change.person(actor, personId, action);
    if (!this.tables.region.tables.some((t) => t.key === content.tableKey))
      throw new InputError([
        { field: 'tableKey', code: 'UNKNOWN', message: 'Tafel: kies een tafel uit de lijst.' },
      ]);
    const done = await this.uow.run((tx) =>
      this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: BEHEER_MEMBERSHIP_SCOPE,
          key: submissionKey,
          content: { personId, ...content },
          at: this.clock.now(),
        },
        async () => {
          const before = person.memberships.find((m) => m.tableKey === content.tableKey);
          await this.directory.setMembership(tx, person.regionId, person.id, {
            tableKey: content.tableKey,
            function: content.function,
            standing: content.standing,
          });
          await this.directory.setRoles(tx, person.id, withMemberRole(person.roles, content.tableKey, true));
          await this.change.record(tx, actor, {
            action,
            entityType: 'person',
            entityId: person.id,
            reason: content.reason,
            details: {
              tableKey: content.tableKey,
              function: content.function,
              standing: content.standing,
              new: !before,
            },
          });
          return { done: true };
        },
      ),
    );
    return { repeated: done.repeated };
  }
}
