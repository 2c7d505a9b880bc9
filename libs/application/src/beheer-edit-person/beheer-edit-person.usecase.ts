import { Inject, Injectable } from '@nestjs/common';
import { emailTaken } from '../beheer-add-person/beheer-add-person.usecase';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import type { PersonDetailsInput } from '../beheer/beheer.schemas';
import { BeheerDirectory } from '../ports/beheer-directory.port';

export interface EditPersonCommand extends PersonDetailsInput {
  readonly actor: BeheerActor;
  readonly personId: string;
  /** The form's one-time key or the API's Idempotency-Key: the same again changes nothing more. */
  readonly submissionKey?: string;
}

/** The ledger's scope of a person's corrected details. */
export const BEHEER_PERSON_EDIT_SCOPE = 'beheer-person-edit';

/**
 * A person's name, address and organisation corrected. The audit event names which of them
 * changed, not their values (no personal data in the log). One press changes once: with the
 * form's key a repeat (a reload, a double click) changes and audits nothing more.
 */
@Injectable()
export class BeheerEditPersonUseCase {
  constructor(
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
  ) {}

  async execute(command: EditPersonCommand): Promise<{ repeated: boolean }> {
    const { actor, personId, submissionKey, reason, ...details } = command;
    const action = 'beheer.person.edit';
    const person = await this.change.person(actor, personId, action);
    const organisationId = await this.change.organisationForPerson(
      actor,
      details.organisationId ?? null,
      action,
    );
    const content = { personId: person.id, reason, ...details };
    const done = await this.change.once(
      actor,
      { scope: BEHEER_PERSON_EDIT_SCOPE, key: submissionKey, content },
      async (tx) => {
        if (await this.directory.emailTaken(tx, person.regionId, details.email, person.id))
          throw emailTaken();
        await this.directory.editPerson(tx, person.id, {
          displayName: details.displayName,
          email: details.email,
          organisationId,
        });
        await this.change.record(tx, actor, {
          action,
          entityType: 'person',
          entityId: person.id,
          reason,
          details: {
            displayName: details.displayName !== person.displayName,
            email: details.email.toLowerCase() !== person.email.toLowerCase(),
            organisationId,
          },
        });
        return { personId: person.id };
      },
    );
    return { repeated: done.repeated };
  }
}
