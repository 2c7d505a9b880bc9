import { Inject, Injectable } from '@nestjs/common';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import { BeheerDirectory } from '../ports/beheer-directory.port';

export interface SetOrganisationActiveCommand {
  readonly actor: BeheerActor;
  readonly organisationId: string;
  readonly active: boolean;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key: the same again changes nothing more. */
  readonly submissionKey?: string;
}

/** The ledger's scope of an organisation's (de)activation. */
export const BEHEER_ORGANISATION_ACTIVE_SCOPE = 'beheer-organisation-active';

/**
 * An organisation deactivated (no longer offered to aanmelders nor to new people) or active
 * again. Its people keep their accounts: each is deactivated on their own. One press changes
 * once: with the form's key a repeat changes and audits nothing more.
 */
@Injectable()
export class BeheerSetOrganisationActiveUseCase {
  constructor(
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
  ) {}

  async execute(command: SetOrganisationActiveCommand): Promise<{ repeated: boolean }> {
    const { actor, organisationId, active, reason, submissionKey } = command;
    const action = active ? 'beheer.organisation.activate' : 'beheer.organisation.deactivate';
    const row = await this.change.organisation(actor, organisationId, action);
    const done = await this.change.once(
      actor,
      {
        scope: BEHEER_ORGANISATION_ACTIVE_SCOPE,
        key: submissionKey,
        content: { organisationId: row.id, active, reason },
      },
      async (tx) => {
        await this.directory.setOrganisationActive(tx, row.id, active);
        await this.change.record(tx, actor, {
          action,
          entityType: 'organisation',
          entityId: row.id,
          reason,
          details: { wasActive: row.active },
        });
        return { organisationId: row.id, active };
      },
    );
    return { repeated: done.repeated };
  }
}
