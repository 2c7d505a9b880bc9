import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import type { OrganisationInput } from '../beheer/beheer.schemas';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { configuredRegion } from '../plan-van-aanpak/plan-dossier';
import { assertRegionKind, organisationNameTaken } from './organisation-name';

export interface EditOrganisationCommand extends OrganisationInput {
  readonly actor: BeheerActor;
  readonly organisationId: string;
}

/** An organisation's name, kind and contact address corrected. */
@Injectable()
export class BeheerEditOrganisationUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'region'>,
  ) {}

  async execute({ actor, organisationId, reason, ...details }: EditOrganisationCommand): Promise<void> {
    const action = 'beheer.organisation.edit';
    const row = await this.change.organisation(actor, organisationId, action);
    assertRegionKind(configuredRegion(this.config).organisationKinds, details.kind);
    await this.uow.run(async (tx) => {
      if (await this.directory.organisationNameTaken(tx, row.regionId, details.name, row.id))
        throw organisationNameTaken();
      await this.directory.editOrganisation(tx, row.id, {
        kind: details.kind,
        name: details.name,
        contactEmail: details.contactEmail ?? null,
      });
      await this.change.record(tx, actor, {
        action,
        entityType: 'organisation',
        entityId: row.id,
        reason,
        details: { from: row.kind, kind: details.kind, name: details.name !== row.name },
      });
    });
  }
}
