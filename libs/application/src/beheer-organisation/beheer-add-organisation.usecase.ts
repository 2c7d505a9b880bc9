import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import type { OrganisationInput } from '../beheer/beheer.schemas';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { scopedRegion } from '../region-time-zone';
import { assertRegionKind, organisationNameTaken } from './organisation-name';

export interface AddOrganisationCommand extends OrganisationInput {
  readonly actor: BeheerActor;
  readonly submissionKey?: string;
}

/** The ledger's scope of an added organisation's one-time key. */
export const BEHEER_ORGANISATION_SCOPE = 'beheer-organisation';

/** A partner organisation of the beheerder's region, of one of the region's kinds. */
@Injectable()
export class BeheerAddOrganisationUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'regions'>,
  ) {}

  async execute(command: AddOrganisationCommand): Promise<{ organisationId: string; repeated: boolean }> {
    const { actor, submissionKey, ...content } = command;
    assertRegionKind(scopedRegion(this.config).organisationKinds, content.kind);
    const done = await this.uow.run((tx) =>
      this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: BEHEER_ORGANISATION_SCOPE,
          key: submissionKey,
          content,
          at: this.clock.now(),
          resultIdOf: (r: { organisationId: string }) => r.organisationId,
        },
        async () => {
          if (await this.directory.organisationNameTaken(tx, actor.regionId, content.name))
            throw organisationNameTaken();
          const organisationId = await this.directory.addOrganisation(tx, actor.regionId, {
            kind: content.kind,
            name: content.name,
            contactEmail: content.contactEmail ?? null,
          });
          await this.change.record(tx, actor, {
            action: 'beheer.organisation.add',
            entityType: 'organisation',
            entityId: organisationId,
            reason: content.reason,
            details: { kind: content.kind },
          });
          return { organisationId };
        },
      ),
    );
    return { organisationId: done.result.organisationId, repeated: done.repeated };
  }
}
