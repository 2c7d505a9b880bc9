import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { AuditLog } from '../ports/audit-log.port';
import { DecisionAgenda } from '../ports/decision-agenda.port';
import { DecisionHistory } from '../ports/decision-history.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { PersonDirectory } from '../ports/person-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { DecisionApplier } from '../record-decision/decision-applier';
import { DecisionLetters } from '../record-decision/decision-letters';
import { RiskPictureRecorder } from '../record-risk-picture/risk-picture-recorder';
import { SubmittedOnce } from '../submissions/submitted-once';
import { DecisionWithdrawer } from '../withdraw-decision/decision-withdrawer';
import type {
  ChangeDecisionCommand,
  DecisionChangeResult,
} from '../withdraw-decision/withdraw-decision.command';

/** The ledger's scope of a change's one-time key. */
export const DECISION_CHANGE_SCOPE = 'decision-change';

/**
 * A coordinator changes the decision on an agendapunt (another kind, or other fields such as the
 * dates), with a reason: in one transaction the old one is withdrawn with its effects
 * (DecisionWithdrawer, whoever it told hears it was changed) and the new one applied with its own
 * (DecisionApplier, its letters). The old row stays, marked as replaced by the new one.
 */
@Injectable()
export class ChangeDecisionUseCase {
  private readonly applier: DecisionApplier;

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DecisionWithdrawer) private readonly withdrawer: DecisionWithdrawer,
    @Inject(DecisionHistory) private readonly history: DecisionHistory,
    @Inject(DossierRepository) dossiers: DossierRepository,
    @Inject(DecisionAgenda) agenda: DecisionAgenda,
    @Inject(PersonDirectory) people: PersonDirectory,
    @Inject(AuditLog) audit: AuditLog,
    @Inject(DecisionLetters) letters: DecisionLetters,
    @Inject(DossierChanged) dossierChanged: DossierChanged,
    @Inject(RiskPictureRecorder) riskPictures: RiskPictureRecorder,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.applier = new DecisionApplier({
      config,
      dossiers,
      agenda,
      people,
      audit,
      letters,
      dossierChanged,
      riskPictures,
    });
  }

  async execute({
    actor,
    itemId,
    reason,
    decision: form,
    submissionKey,
  }: ChangeDecisionCommand): Promise<DecisionChangeResult> {
    let mails: QueuedMail[] = [];
    const result = await this.uow.run(async (tx) => {
      const now = this.clock.now();
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: DECISION_CHANGE_SCOPE,
          key: submissionKey,
          content: { itemId, reason, form },
          at: now,
          resultIdOf: (r: DecisionChangeResult) => r.decisionId,
        },
        async (): Promise<DecisionChangeResult> => {
          const old = await this.withdrawer.withdraw(tx, { actor, itemId, reason, now, change: 'gewijzigd' });
          const applied = await this.applier.apply(tx, {
            actor,
            item: old.item,
            dossier: old.dossier,
            table: old.table,
            form,
            now,
            action: 'decision.replace',
            auditDetails: { replaces: old.decision.id },
          });
          await this.history.markReplaced(tx, old.decision.id, applied.decisionId);
          mails = [...old.mails, ...applied.mails];
          return {
            decisionId: applied.decisionId,
            replacedDecisionId: old.decision.id,
            dossierCode: old.dossier.code,
            phase: applied.phase,
            ...(applied.followUpItemId && { followUpItemId: applied.followUpItemId }),
          };
        },
      );
      if (once.repeated) mails = [];
      return once.result;
    });
    await this.outbox.enqueue(mails);
    return result;
  }
}
