import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { checkQualityCheck, qualityCheckOutcome } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { isNotOpen, ObligationFormGate } from '../obligations/obligation-form-gate';
import { ObligationRepository } from '../ports/obligation.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import type { CompleteQualityCheckCommand } from './complete-quality-check.command';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface QualityCheckResult {
  readonly obligationId: string;
  readonly outcome: 'in-orde' | 'onduidelijkheden';
}

/** The ledger's scope of a quality check's one-time key. */
export const QUALITY_CHECK_SCOPE = 'quality-check';

/**
 * A strategic coordinator checks a closed dossier a last time (guide V.D): the checklist and the
 * remarks fulfil the quality check and stay with it. Nobody else fills it in, not even the Ronde
 * Tafel's coordinators; the casusregisseur need not do anything (when something is unclear the
 * strategic coordinator contacts them, as the guide says).
 */
@Injectable()
export class CompleteQualityCheckUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ObligationFormGate) private readonly gate: ObligationFormGate,
    @Inject(ObligationRepository) private readonly obligations: ObligationRepository,
    @Inject(SyncDossierObligationsUseCase) private readonly sync: SyncDossierObligationsUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute(principal: Principal, command: CompleteQualityCheckCommand): Promise<QualityCheckResult> {
    const { check, route } = command;
    const { obligation: o } = await this.gate.open(
      principal,
      command.obligationId,
      'kwaliteitscontrole',
      route,
      (role) => role === 'strategisch-coordinator',
      !command.submissionKey,
    );
    const valid = checkQualityCheck(check);
    if (!valid.ok) throw new AgendaRefusal(valid.code, valid.message, valid.field, 'unprocessable');
    const outcome = qualityCheckOutcome(check);
    return this.uow
      .run(async (tx) => {
        const once = await this.once.run(
          tx,
          {
            actorPersonId: principal.personId,
            scope: QUALITY_CHECK_SCOPE,
            key: command.submissionKey,
            content: { obligationId: o.id, check },
            at: this.clock.now(),
          },
          async () => {
            const done = await this.obligations.fulfilWithForm(tx, o.id, {
              form: 'kwaliteitscontrole',
              answers: check,
              submittedById: principal.personId,
              submittedAt: this.clock.now(),
            });
            if (!done) {
              throw new AgendaRefusal(
                'OBLIGATION_NOT_OPEN',
                'Deze opvolgingstaak is niet meer open.',
                undefined,
                'conflict',
              );
            }
            await this.sync.execute(tx, { dossierId: o.dossierId });
            await this.gate.record(
              principal,
              route,
              'kwaliteitscontrole',
              o,
              'allowed',
              { outcome },
              true,
              tx,
            );
            return { obligationId: o.id, outcome };
          },
        );
        return once.result;
      })
      .catch(async (error: unknown) => {
        // Refused in the transaction (with a key): the audit event of the refusal, then the refusal.
        if (isNotOpen(error)) throw await this.gate.notOpen(principal, route, 'kwaliteitscontrole', o);
        throw error;
      });
  }
}
