import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import {
  findTable,
  formatDutchDate,
  intakeTableOf,
  LocalDateString,
  mayWithdrawDecision,
  RegionConfig,
  TableDefinition,
  WithdrawalOutcome,
} from '@overlegtafels/domain';
import { dossierCode, emailAddress, label, MailComposer, webLink } from '@overlegtafels/mail';
import { AgendaRefusal } from '../errors';
import { AgendaService } from '../agenda/agenda.service';
import { ObligationRules } from '../obligations/obligation-rules';
import { AuditLog } from '../ports/audit-log.port';
import { DecisionAgenda, ItemToDecide } from '../ports/decision-agenda.port';
import { DecisionAftermath, DecisionHistory, StandingDecision } from '../ports/decision-history.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRecord, DossierRepository } from '../ports/dossier.repository.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import type { Transaction } from '../ports/unit-of-work.port';
import type { DecisionActor } from '../record-decision/record-decision.command';
import { withinRegion } from '../region-fence/region-fence';
import { snapshotOf } from '../record-decision/decision-applier';

export interface Withdrawal {
  readonly actor: DecisionActor;
  readonly itemId: string;
  readonly reason: string;
  readonly now: Date;
  /** `ingetrokken`: withdrawn; `gewijzigd`: a new decision follows in the same transaction. */
  readonly change: 'ingetrokken' | 'gewijzigd';
}

export interface Withdrawn {
  readonly decision: StandingDecision;
  /** The dossier as the withdrawal left it (as before the decision). */
  readonly dossier: DossierRecord;
  /** The agendapunt, again awaiting a decision. */
  readonly item: ItemToDecide;
  readonly table: TableDefinition;
  readonly mails: QueuedMail[];
}

/** What a withdrawal is checked on, and the domain's answer. */
export interface Assessment {
  readonly item: ItemToDecide;
  readonly dossier: DossierRecord;
  readonly table: TableDefinition;
  readonly decision: StandingDecision;
  readonly after: DecisionAftermath;
  readonly outcome: WithdrawalOutcome;
  /** The day of the zitting that took the decision. */
  readonly decidedOn: LocalDateString;
}

const notFound = () =>
  new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');

/**
 * Withdraws the decision that stands on an agendapunt, inside the caller's transaction, when the
 * domain allows it (mayWithdrawDecision: nothing was built on it): the dossier's facts back as
 * before it, the agendapunt awaiting a decision again, its herbespreking item off the ICO, the
 * obligations it planned cancelled with their unsent reminders (the re-plan, DossierChanged), and
 * everyone its letters reached told, with the dossier code only.
 */
@Injectable()
export class DecisionWithdrawer {
  constructor(
    @Inject(DecisionAgenda) private readonly agenda: DecisionAgenda,
    @Inject(DecisionHistory) private readonly history: DecisionHistory,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
    @Inject(AgendaService) private readonly agendas: AgendaService,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The region of the decision (the work runs in it). */
  get region(): RegionConfig {
    return this.rules.region;
  }

  /**
   * The agendapunt, its dossier and standing decision, what followed it and whether it may be
   * withdrawn; another region's item, or one of a table the actor does not coordinate, is not found.
   */
  async assess(
    tx: Transaction,
    actor: DecisionActor,
    itemId: string,
    now: Date,
    action: string,
  ): Promise<Assessment> {
    const item = await this.agenda.itemToDecide(tx, itemId);
    const allowed =
      item && (actor.coordinatorTables === 'all' || actor.coordinatorTables.includes(item.tableKey));
    const dossier = await withinRegion(
      this.audit,
      actor,
      item ? await this.dossiers.byId(tx, item.dossierId) : undefined,
      (d) => ({ action, entityType: 'agenda_item', entityId: itemId, dossierId: d.id, code: d.code }),
      now,
    );
    const table = item && findTable(this.region, item.tableKey);
    if (!item || !allowed || !dossier || !table) throw notFound();
    const decision = await this.history.standingOfItem(tx, itemId);
    if (!decision) {
      throw new AgendaRefusal(
        'NO_DECISION',
        'Voor dit agendapunt staat geen beslissing die kan worden ingetrokken of gewijzigd.',
        undefined,
        'conflict',
      );
    }
    const zone = table.timeZone;
    const day = (d: Date) => DateTime.fromJSDate(d, { zone }).toISODate()!;
    const after = await this.history.aftermathOf(tx, decision);
    const outcome = mayWithdrawDecision({
      life: this.region.dossierLife,
      decision: {
        kind: decision.kind,
        decidedOn: day(decision.sessionStartsAt),
        standing: true,
        prior: decision.priorState,
        result: decision.resultState,
      },
      current: snapshotOf(dossier),
      laterDecisions: after.laterDecisions.map((d) => ({ kind: d.kind, decidedOn: day(d.sessionStartsAt) })),
      laterItems: after.laterItems.map((i) => ({
        tableName: findTable(this.region, i.tableKey)?.name ?? i.tableKey,
        sessionOn: day(i.sessionStartsAt),
      })),
      fulfilledSince: after.fulfilledSince.map((o) => ({
        label: this.rules.rule(o.ruleKey)?.label ?? o.ruleKey,
        fulfilledOn: day(o.fulfilledAt),
      })),
      followUpDiscussed: after.followUpItemStatus === 'discussed',
    });
    return { item, dossier, table, decision, after, outcome, decidedOn: day(decision.sessionStartsAt) };
  }

  async withdraw(tx: Transaction, w: Withdrawal): Promise<Withdrawn> {
    const { actor, itemId, now } = w;
    const action = w.change === 'ingetrokken' ? 'decision.withdraw' : 'decision.replace';
    const { item, dossier, table, decision, after, outcome, decidedOn } = await this.assess(
      tx,
      actor,
      itemId,
      now,
      action,
    );
    const zone = table.timeZone;
    if (!outcome.ok) throw new AgendaRefusal(outcome.code, outcome.message, undefined, 'conflict');
    const done = await this.history.withdraw(tx, decision, outcome.restore, {
      at: now,
      byId: actor.personId,
      reason: w.reason,
    });
    if (!done) {
      throw new AgendaRefusal(
        'DECISION_NOT_STANDING',
        'Deze beslissing werd intussen al ingetrokken of gewijzigd.',
        undefined,
        'conflict',
      );
    }
    // The herbespreking's ICO item left the agenda: the items after it move up.
    if (decision.followUpItemId && after.followUpItemStatus !== 'withdrawn') {
      await this.agendas.reallocate(tx, await this.agendas.lock(tx, intakeTableOf(this.region.dossierLife)));
    }
    await this.dossierChanged.dossierChanged(tx, dossier.id, {
      cancelReason: `De beslissing van ${formatDutchDate(decidedOn)} werd ${w.change}.`,
    });
    const mails: QueuedMail[] = [];
    for (const to of after.told) {
      const rendered = await this.composer.decisionWithdrawn({
        recipient: { address: emailAddress(to.email) },
        dossier: dossierCode(dossier.code),
        session: { table: label(table.name), start: DateTime.fromJSDate(decision.sessionStartsAt, { zone }) },
        change: w.change,
        dossierUrl: webLink(`${this.config.publicUrl}/dossiers/${dossier.code}#beslissingen`),
      });
      mails.push(
        await this.outbox.write(tx, rendered, {
          key: `decision-withdrawn|${decision.id}|${to.personId ?? to.email.toLowerCase()}`,
          purpose: 'decision-withdrawn',
          recipientEmail: to.email,
          recipientPersonId: to.personId,
          sessionId: item.session.id,
          agendaItemId: item.id,
          dossierId: dossier.id,
        }),
      );
    }
    const restored = (await this.dossiers.byId(tx, dossier.id))!;
    await this.audit.append(
      {
        actorPersonId: actor.personId,
        action: 'decision.withdraw',
        entityType: 'decision',
        entityId: decision.id,
        dossierId: dossier.id,
        outcome: 'allowed',
        route: actor.route ?? null,
        details: {
          code: dossier.code,
          kind: decision.kind,
          agendaItemId: item.id,
          phase: restored.phase,
          change: w.change,
          told: String(after.told.length),
        },
      },
      now,
      tx,
    );
    const again = (await this.agenda.itemToDecide(tx, itemId))!;
    return { decision, dossier: restored, item: again, table, mails };
  }
}
