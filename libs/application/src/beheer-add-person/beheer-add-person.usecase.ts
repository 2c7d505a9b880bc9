import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { InputError } from '../errors';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import { grantsOf, rolesKey } from '../beheer/beheer-roles';
import type { AddPersonInput } from '../beheer/beheer.schemas';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { TableCalendarService } from '../table-calendar/table-calendar.service';

export interface AddPersonCommand extends AddPersonInput {
  readonly actor: BeheerActor;
  /** The form's one-time key or the API's Idempotency-Key: the same again adds nobody more. */
  readonly submissionKey?: string;
}

export interface AddPersonResult {
  readonly personId: string;
  /** The key was used before: nobody was added, this is the first answer. */
  readonly repeated: boolean;
}

/** The ledger's scope of an added person's one-time key. */
export const BEHEER_PERSON_SCOPE = 'beheer-person';

export const EMAIL_TAKEN = 'EMAIL_TAKEN';

export function emailTaken(): InputError {
  return new InputError([
    { field: 'email', code: EMAIL_TAKEN, message: 'Er is in de regio al een persoon met dit e-mailadres.' },
  ]);
}

/** A new person of the beheerder's region, with their organisation and roles, audited with why. */
@Injectable()
export class BeheerAddPersonUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
    @Inject(TableCalendarService) private readonly tables: Pick<TableCalendarService, 'region'>,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: AddPersonCommand): Promise<AddPersonResult> {
    const { actor, submissionKey, ...content } = command;
    const grants = grantsOf(
      content,
      this.tables.region.tables.map((t) => t.key),
      [],
    );
    const organisationId = await this.change.organisationForPerson(
      actor,
      content.organisationId ?? null,
      'beheer.person.add',
    );
    const done = await this.uow.run((tx) =>
      this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: BEHEER_PERSON_SCOPE,
          key: submissionKey,
          content,
          at: this.clock.now(),
          resultIdOf: (r: { personId: string }) => r.personId,
        },
        async () => {
          if (await this.directory.emailTaken(tx, actor.regionId, content.email)) throw emailTaken();
          const personId = await this.directory.addPerson(tx, actor.regionId, {
            displayName: content.displayName,
            email: content.email,
            organisationId,
          });
          await this.directory.setRoles(tx, personId, grants);
          await this.change.record(tx, actor, {
            action: 'beheer.person.add',
            entityType: 'person',
            entityId: personId,
            reason: content.reason,
            details: { organisationId, roles: rolesKey(grants) },
          });
          return { personId };
        },
      ),
    );
    return { personId: done.result.personId, repeated: done.repeated };
  }
}
