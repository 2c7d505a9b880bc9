import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import type { OrganisationInput } from '../beheer/beheer.schemas';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { scopedRegion } from '../region-time-zone';
import { assertRegionKind, organisationNameTaken } from './organisation-name';

export interface EditOrganisationCommand extends OrganisationInput {
  readonly actor: BeheerActor;
  readonly organisationId: string;
  /** The form's one-time key or the API's Idempotency-Key: the same again changes nothing more. */
  readonly submissionKey?: string;
}

/** The ledger's scope of an organisation's corrected details. */
export const BEHEER_ORGANISATION_EDIT_SCOPE = 'beheer-organisation-edit';

/**
 * An organisation's name, kind and contact address corrected. One press changes once: with the
 * form's key a repeat changes and audits nothing more.
 */
@Injectable()
export class BeheerEditOrganisationUseCase {
  constructor(
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'regions'>,
  ) {}

  async execute(command: EditOrganisationCommand): Promise<{ repeated: boolean }> {
    const { actor, organisationId, submissionKey, reason, ...details } = command;
    const action = 'beheer.organisation.edit';
    const row = await this.change.organisation(actor, organisationId, action);
    assertRegionKind(scopedRegion(this.config).organisationKinds, details.kind);
    const content = { organisationId: row.id, reason, ...details };
    const done = await this.change.once(
      actor,
      { scope: BEHEER_ORGANISATION_EDIT_SCOPE, key: submissionKey, content },
      async (tx) => {
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
        return { organisationId: row.id };
      },
    );
    return { repeated: done.repeated };
  }
}
