import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { CLOCK, Clock } from '@overlegtafels/config';
import { DECISION_KIND_LABELS, regionPhaseLabel } from '@overlegtafels/domain';
import { AuditLog } from '../ports/audit-log.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import type { DecisionActor } from '../record-decision/record-decision.command';
import type { StandingDecision } from '../ports/decision-history.port';
import { DecisionWithdrawer } from './decision-withdrawer';

/** What the coordinator confirms before withdrawing a decision. */
export interface DecisionWithdrawalView {
  readonly itemId: string;
  readonly sessionId: string;
  readonly dossierCode: string;
  readonly tableName: string;
  readonly tableKey: string;
  readonly itemType: string;
  readonly decisionKind: string;
  readonly decisionLabel: string;
  /** The start of the zitting that took it (ISO 8601). */
  readonly decidedAt: string;
  /** Why it can no longer be withdrawn or changed; null when it can. */
  readonly refusal: string | null;
  /** The phase now and the phase it returns to. */
  readonly phaseNow: string;
  readonly phaseAfter: string;
  /** The decision appointed the casusregisseur: the appointment (and their access) ends. */
  readonly endsAppointment: boolean;
  /** The herbespreking's ICO agendapunt leaves the agenda. */
  readonly withdrawsFollowUp: boolean;
  /** How many addresses got one of its letters, and will hear of the withdrawal. */
  readonly told: number;
  /** The standing decision's fields, as the decision form names them (to start a change from). */
  readonly values: Record<string, string>;
}

/**
 * The confirmation step of a withdrawal: the decision, what withdrawing it undoes and whom it
 * tells, or why it may not be withdrawn. A read of the dossier, so it is audited; the same fence
 * and access as the withdrawal itself.
 */
@Injectable()
export class DecisionWithdrawalQuery {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DecisionWithdrawer) private readonly withdrawer: DecisionWithdrawer,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: DecisionActor, itemId: string): Promise<DecisionWithdrawalView> {
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      const a = await this.withdrawer.assess(tx, actor, itemId, now, 'decision.withdrawal.view');
      await this.audit.append(
        {
          actorPersonId: actor.personId,
          action: 'decision.withdrawal.view',
          entityType: 'decision',
          entityId: a.decision.id,
          dossierId: a.dossier.id,
          outcome: 'allowed',
          route: actor.route ?? null,
          details: { code: a.dossier.code, agendaItemId: itemId },
        },
        now,
        tx,
      );
      const restore = a.outcome.ok ? a.outcome.restore : a.decision.priorState;
      const life = this.withdrawer.region.dossierLife;
      return {
        itemId,
        sessionId: a.item.session.id,
        dossierCode: a.dossier.code,
        tableName: a.table.name,
        tableKey: a.item.tableKey,
        itemType: a.item.itemType,
        decisionKind: a.decision.kind,
        decisionLabel: DECISION_KIND_LABELS[a.decision.kind],
        decidedAt: a.decision.sessionStartsAt.toISOString(),
        refusal: a.outcome.ok ? null : a.outcome.message,
        phaseNow: regionPhaseLabel(life, a.dossier.phase),
        phaseAfter: regionPhaseLabel(life, restore ? restore.phase : a.dossier.phase),
        endsAppointment: !!restore && restore.casusregisseurId !== a.dossier.casusregisseurId,
        withdrawsFollowUp: !!a.decision.followUpItemId && a.after.followUpItemStatus !== 'withdrawn',
        told: a.after.told.length,
        values: formValuesOf(a.decision, a.table.timeZone),
      };
    });
  }
}

/** A decision's fields under the decision form's names; the consent only when this decision verified it. */
function formValuesOf(d: StandingDecision, zone: string): Record<string, string> {
  const out: Record<string, string> = { kind: d.kind };
  const put = (field: string, value: string | null | false) => {
    if (value) out[field] = value;
  };
  put(d.kind === 'geen_instemming' ? 'noConsentAdviceText' : 'adviceText', d.adviceText);
  put('safetyPlanAdvice', d.safetyPlanAdvice);
  put('parketmeldingAdvies', d.parketmeldingAdvies && 'on');
  put('missingInformation', d.missingInformation);
  put('casusregisseurId', d.casusregisseurId);
  put('startDate', d.startDate);
  put('terugkomdatum', d.terugkomdatum);
  put('vervolgoverlegDate', d.vervolgoverlegDate);
  put('casusregisseurAbsent', d.casusregisseurAbsent && 'on');
  put('bijkomendCasusoverlegDate', d.bijkomendCasusoverlegDate);
  const consent = d.resultState?.consentVerifiedAt;
  if (consent && consent !== d.priorState?.consentVerifiedAt) {
    out.consentVerified = 'on';
    out.consentVerifiedOn = DateTime.fromISO(consent, { zone }).toISODate()!;
    put('consentGivenBy', d.resultState?.consentGivenBy ?? null);
  }
  return out;
}
