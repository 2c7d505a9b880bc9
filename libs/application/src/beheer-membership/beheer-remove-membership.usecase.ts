import { Inject, Injectable } from '@nestjs/common';
import { AgendaRefusal } from '../errors';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import { withMemberRole } from '../beheer/beheer-roles';
import { BeheerDirectory } from '../ports/beheer-directory.port';

export interface RemoveMembershipCommand {
  readonly actor: BeheerActor;
  readonly personId: string;
  readonly tableKey: string;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key: the same again ends nothing more. */
  readonly submissionKey?: string;
}

/** The ledger's scope of an ended seat. */
export const BEHEER_MEMBERSHIP_REMOVE_SCOPE = 'beheer-membership-remove';

/**
 * A person's seat at a table ended, and with it their membership of the table. One press ends it
 * once: with the form's key a repeat (a reload after the seat is gone, a double click) answers as
 * the first instead of "not at this table", and audits nothing more.
 */
@Injectable()
export class BeheerRemoveMembershipUseCase {
  constructor(
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
  ) {}

  async execute(command: RemoveMembershipCommand): Promise<{ repeated: boolean }> {
    const { actor, personId, tableKey, reason, submissionKey } = command;
    const action = 'beheer.membership.remove';
    const { id } = await this.change.person(actor, personId, action);
    const done = await this.change.once(
      actor,
      {
        scope: BEHEER_MEMBERSHIP_REMOVE_SCOPE,
        key: submissionKey,
        content: { personId: id, tableKey, reason },
      },
      async (tx) => {
        // The seat as this transaction sees it: the region was checked above, on the pool.
        const person = (await this.directory.person(id, tx))!;
        const seat = person.memberships.find((m) => m.tableKey === tableKey);
        if (!seat)
          throw new AgendaRefusal(
            'NO_MEMBERSHIP',
            'Deze persoon zit niet aan deze tafel.',
            undefined,
            'not_found',
          );
        await this.directory.removeMembership(tx, person.id, tableKey);
        await this.directory.setRoles(tx, person.id, withMemberRole(person.roles, tableKey, false));
        await this.change.record(tx, actor, {
          action,
          entityType: 'person',
          entityId: person.id,
          reason,
          details: { tableKey, function: seat.function, standing: seat.standing },
        });
        return { personId: person.id };
      },
    );
    return { repeated: done.repeated };
  }
}
