import { Inject, Injectable } from '@nestjs/common';
import { emailTaken } from '../beheer-add-person/beheer-add-person.usecase';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import type { PersonDetailsInput } from '../beheer/beheer.schemas';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';

export interface EditPersonCommand extends PersonDetailsInput {
  readonly actor: BeheerActor;
  readonly personId: string;
}

/**
 * A person's name, address and organisation corrected. The audit event names which of them
 * changed, not their values (no personal data in the log).
 */
@Injectable()
export class BeheerEditPersonUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
  ) {}

  async execute({ actor, personId, reason, ...details }: EditPersonCommand): Promise<void> {
    const action = 'beheer.person.edit';
    const person = await this.change.person(actor, personId, action);
    const organisationId = await this.change.organisationForPerson(
      actor,
      details.organisationId ?? null,
      action,
    );
    await this.uow.run(async (tx) => {
      if (await this.directory.emailTaken(tx, person.regionId, details.email, person.id)) throw emailTaken();
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
    });
  }
}
