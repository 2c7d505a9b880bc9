import { Inject, Injectable } from '@nestjs/common';
import {
  CalendarsByTable,
  diffObligations,
  isActionPointRuleKey,
  ObligationChange,
  obligationEvents,
  ObligationRule,
  PlannedObligation,
  planObligations,
  casusregieFollowUpTable,
  reminderSteps,
  StoredObligation,
} from '@overlegtafels/domain';
import type { Transaction } from '../ports/unit-of-work.port';
import { Clock, CLOCK } from '@overlegtafels/config';
import {
  ObligationDossier,
  ObligationFulfilmentRecord,
  ObligationPlacement,
  ObligationRecord,
  ObligationRepository,
  ReminderStepPlan,
} from '../ports/obligation.repository.port';
import { obligationTableKey, ObligationRules } from '../obligations/obligation-rules';
import { dossierFacts } from './dossier-facts.mapper';
import {
  nothingSynced,
  type ObligationSyncResult,
  type SyncDossierObligationsCommand,
  type SyncTableObligationsCommand,
} from './sync-dossier-obligations.command';

export const CANCEL_REASON = 'Niet meer van toepassing na een wijziging in het dossier.';

/**
 * Keeps a dossier's stored follow-up obligations in line with its facts: reads them under the
 * dossier's lock, plans with the region's rules and the tables' calendars, compares (the domain's
 * diff) and writes the difference with the reminder steps, all in the caller's transaction.
 * Deterministic and idempotent: run again without a change in between, it writes nothing, so it
 * can follow every change of a dossier (DossierChanged).
 */
@Injectable()
export class SyncDossierObligationsUseCase {
  constructor(
    @Inject(ObligationRepository) private readonly obligations: ObligationRepository,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(tx: Transaction, command: SyncDossierObligationsCommand): Promise<ObligationSyncResult> {
    const result = nothingSynced();
    const read = await this.obligations.lockDossierToPlan(tx, command.dossierId);
    if (!read) return result;
    const region = this.rules.region;
    const facts = dossierFacts(read, region.timeZone);
    // A verslag's action points are no rule's: the plan neither makes them nor cancels them,
    // but those of an earlier life end with it (the heropening starts the follow-up anew).
    const stored = read.obligations.filter((o) => !isActionPointRuleKey(o.ruleKey));
    const cancelReason = command.cancelReason ?? CANCEL_REASON;
    for (const o of read.obligations) {
      if (isActionPointRuleKey(o.ruleKey) && o.status === 'open' && o.life < read.life) {
        await this.obligations.cancel(tx, o.id, this.clock.now(), cancelReason);
        result.cancelled++;
        result.cancelledIds.push(o.id);
      }
    }
    // Most dossiers at the ICO have nothing to plan yet: skip reading the calendars for them.
    if (stored.length === 0 && obligationEvents(facts, region.timeZone).length === 0) return result;

    const calendars: Record<string, CalendarsByTable[string]> = {};
    for (const key of this.rules.sessionTables) {
      calendars[key] = await this.obligations.calendarOf(tx, region.key, key, this.rules.tableZone(key));
    }
    const planned = planObligations(region, facts, calendars);
    const storedById = new Map(stored.map((s) => [s.id, s]));
    const changes = diffObligations(stored.map(storedOf), planned);
    for (const change of changes) {
      await this.apply(tx, read.dossier, change, storedById, result, cancelReason);
    }
    return result;
  }

  /** Every dossier whose open obligations hang on a session of the table; how many were re-planned. */
  async executeForTable(tx: Transaction, command: SyncTableObligationsCommand): Promise<number> {
    const ids = await this.obligations.dossiersHangingOnTable(tx, command.tableKey);
    for (const dossierId of ids) await this.execute(tx, { dossierId });
    return ids.length;
  }

  private async apply(
    tx: Transaction,
    dossier: ObligationDossier,
    change: ObligationChange,
    storedById: ReadonlyMap<string, ObligationRecord>,
    result: ObligationSyncResult,
    cancelReason: string,
  ): Promise<void> {
    if (change.kind === 'create') {
      const p = change.planned;
      const rule = this.rules.rule(p.ruleKey) as ObligationRule;
      await this.obligations.addObligation(
        tx,
        {
          dossierId: dossier.id,
          life: p.life,
          ruleKey: p.ruleKey,
          sequence: p.sequence,
          placement: this.placement(rule, p, dossier),
          dueAt: new Date(p.dueAtMs),
          status: p.status,
          fulfilment: fulfilmentOf(p),
        },
        p.status === 'open' ? this.initialSteps(`${dossier.id}|${p.key}`, p.dueAtMs, rule) : [],
      );
      result.created++;
      return;
    }
    const row = storedById.get(change.stored.id) as ObligationRecord;
    const rule = this.rules.rule(row.ruleKey);
    switch (change.kind) {
      case 'update-due':
      case 'reopen': {
        const p = change.planned;
        await this.obligations.reschedule(
          tx,
          row.id,
          {
            placement: this.placement(rule as ObligationRule, p, dossier),
            dueAt: new Date(p.dueAtMs),
            reopen: change.kind === 'reopen',
          },
          this.initialSteps(row.id, p.dueAtMs, rule as ObligationRule),
        );
        if (change.kind === 'reopen') result.reopened++;
        else result.updatedDue++;
        return;
      }
      case 'fulfil':
        await this.obligations.markFulfilled(tx, row.id, fulfilmentOf(change.planned));
        result.fulfilled++;
        return;
      case 'cancel':
        await this.obligations.cancel(tx, row.id, this.clock.now(), cancelReason);
        result.cancelled++;
        result.cancelledIds.push(row.id);
        return;
      case 'keep': {
        // An open one can still change hands (another casusregisseur), table or session key.
        if (row.status !== 'open' || !change.planned || !rule) return;
        const wanted = this.placement(rule, change.planned, dossier);
        const moved: Partial<Pick<ObligationPlacement, 'ownerId' | 'ownerRole' | 'tableKey' | 'sessionKey'>> =
          {};
        if (wanted.ownerId !== row.ownerId) moved.ownerId = wanted.ownerId;
        if (wanted.ownerRole !== row.ownerRole) moved.ownerRole = wanted.ownerRole;
        if (wanted.sessionKey !== row.sessionKey) moved.sessionKey = wanted.sessionKey;
        if (wanted.tableKey !== row.tableKey) moved.tableKey = wanted.tableKey;
        if (Object.keys(moved).length > 0) await this.obligations.reassign(tx, row.id, moved);
        return;
      }
    }
  }

  private placement(
    rule: ObligationRule,
    p: PlannedObligation,
    dossier: ObligationDossier,
  ): ObligationPlacement {
    const handover = rule.owner.role === 'casusregisseur' ? this.handoverTable(dossier) : undefined;
    if (handover) {
      // The casusregisseur was deactivated: their tasks are the follow-up table's coordinators'
      // (they see them on "Mijn opvolging" and can fulfil them) until a new one is appointed.
      return {
        ownerId: null,
        ownerRole: 'coordinator',
        tableKey: handover,
        itemType: rule.agendering?.itemType ?? null,
        sessionKey: p.session?.key ?? null,
      };
    }
    return {
      ownerId: rule.owner.role === 'casusregisseur' ? dossier.casusregisseurId : null,
      ownerRole: rule.owner.role,
      tableKey: obligationTableKey(rule, p),
      itemType: rule.agendering?.itemType ?? null,
      sessionKey: p.session?.key ?? null,
    };
  }

  /** The table whose coordinators hold the casusregisseur's tasks while they are no longer active. */
  private handoverTable(dossier: ObligationDossier): string | undefined {
    if (!dossier.casusregisseurId || dossier.casusregisseurActive !== false) return undefined;
    return casusregieFollowUpTable(this.rules.region.dossierLife);
  }

  /**
   * The reminders and the first escalation. Later escalations are added by the sweep one at a
   * time as the previous one goes out, so an obligation holds a handful of rows, not a year of
   * weekly ones. The step keys do not depend on `key`.
   */
  private initialSteps(key: string, dueAtMs: number, rule: ObligationRule): ReminderStepPlan[] {
    return reminderSteps({ key, dueAtMs, status: 'open' }, rule, this.rules.timeZone)
      .filter((s) => s.kind === 'reminder' || s.repeat === 1)
      .map((s) => ({ stepKey: s.stepKey, sendAt: new Date(s.sendAtMs) }));
  }
}

function storedOf(s: ObligationRecord): StoredObligation {
  return {
    id: s.id,
    life: s.life,
    ruleKey: s.ruleKey,
    sequence: s.sequence,
    dueAtMs: s.dueAt.getTime(),
    status: s.status,
  };
}

function fulfilmentOf(p: PlannedObligation): ObligationFulfilmentRecord | null {
  const f = p.fulfilment;
  if (!f) return null;
  return {
    at: new Date(f.atMs),
    kind: f.kind,
    agendaItemId: f.kind === 'agenda-item' ? f.agendaItemId : null,
  };
}
