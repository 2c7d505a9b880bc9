import { Inject, Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  CalendarsByTable,
  diffObligations,
  DossierFacts,
  isDecisionKind,
  ObligationChange,
  obligationEvents,
  ObligationRule,
  PlannedObligation,
  planObligations,
  RegionConfig,
  reminderSteps,
  StoredObligation,
} from '@overlegtafels/domain';
import {
  CalendarStateRepository,
  NewStepRow,
  ObligationDossierRow,
  ObligationPatch,
  ObligationRepository,
  StoredObligationRow,
} from '@overlegtafels/persistence';
import type { Transaction } from '@overlegtafels/persistence';
import { Clock, CLOCK } from '@overlegtafels/config';
import { TableCalendarService } from '../table-calendar/table-calendar.service';

/** What one sync changed, per kind of change; all zero when the stored obligations were up to date. */
export interface ObligationSyncResult {
  created: number;
  updatedDue: number;
  fulfilled: number;
  reopened: number;
  cancelled: number;
}

const CANCEL_REASON = 'Niet meer van toepassing na een wijziging in het dossier.';

const ymd = (d: Date): string => d.toISOString().slice(0, 10);

/** The rule's table for an obligation row: who owns it, where it is agendered, what it hangs on. */
export function obligationTableKey(rule: ObligationRule, planned?: PlannedObligation): string | null {
  if (rule.owner.role === 'coordinator') return rule.owner.table;
  return (
    rule.agendering?.table ??
    planned?.session?.tableKey ??
    (rule.escalation?.to.role === 'coordinator' ? rule.escalation.to.table : null) ??
    null
  );
}

/**
 * Keeps a dossier's stored follow-up obligations in line with its facts: reads them, plans with
 * the region's rules and the tables' calendars, compares and writes the difference with the
 * reminder steps, all in the caller's transaction. Deterministic and idempotent: calling it
 * again without a change in between writes nothing, so it can follow every change of a dossier.
 */
@Injectable()
export class ObligationSyncService {
  private readonly logger = new Logger(ObligationSyncService.name);
  private readonly rules: ReadonlyMap<string, ObligationRule>;
  /** Tables whose calendar a due date can hang on. */
  private readonly sessionTables: readonly string[];

  constructor(
    @Inject(ObligationRepository) private readonly repo: ObligationRepository,
    @Inject(CalendarStateRepository) private readonly calendars: CalendarStateRepository,
    @Inject(TableCalendarService) private readonly tables: TableCalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.rules = new Map((this.region.obligations ?? []).map((r) => [r.key, r]));
    this.sessionTables = [
      ...new Set(
        (this.region.obligations ?? []).flatMap((r) => (r.due.kind === 'session' ? [r.due.table] : [])),
      ),
    ];
  }

  get region(): RegionConfig {
    return this.tables.region;
  }

  rule(key: string): ObligationRule | undefined {
    return this.rules.get(key);
  }

  async syncDossier(tx: Transaction, dossierId: string): Promise<ObligationSyncResult> {
    const result: ObligationSyncResult = {
      created: 0,
      updatedDue: 0,
      fulfilled: 0,
      reopened: 0,
      cancelled: 0,
    };
    const dossier = await this.repo.lockDossier(tx, dossierId);
    if (!dossier) return result;
    // One after the other: a transaction is one connection, which runs one query at a time.
    const decisions = await this.repo.decisionsOf(tx, dossierId);
    const items = await this.repo.agendaItemsOf(tx, dossierId);
    const stored = await this.repo.storedOf(tx, dossierId);
    const zone = this.region.timeZone;
    const facts: DossierFacts = {
      ...(dossier.casusregieStartDate && { casusregieStartDate: ymd(dossier.casusregieStartDate) }),
      ...(dossier.afrondingDate && { afrondingDate: ymd(dossier.afrondingDate) }),
      ...(dossier.afsluitingDate && { afsluitingDate: ymd(dossier.afsluitingDate) }),
      ...(dossier.consentVerifiedAt && { consentVerifiedAtMs: dossier.consentVerifiedAt.getTime() }),
      ...(dossier.childrenOver12HeardAt && {
        childrenOver12HeardAtMs: dossier.childrenOver12HeardAt.getTime(),
      }),
      consulentInvolved: dossier.ocjSdjConsulentInvolved,
      ...(dossier.ocjSdjConsulentInvolved &&
        dossier.consulentInvolvedSince && { consulentInvolvedSince: ymd(dossier.consulentInvolvedSince) }),
      childrenOver12: dossier.childrenOver12,
      decisions: decisions
        .filter((d) => isDecisionKind(d.kind))
        .map((d) => ({
          id: d.id,
          kind: d.kind as DossierFacts['decisions'][number]['kind'],
          decidedAtMs: d.decidedAt.getTime(),
          tableKey: d.tableKey,
          ...(d.terugkomdatum && { terugkomdatum: ymd(d.terugkomdatum) }),
        })),
      agendaItems: items.map((i) => ({
        id: i.id,
        tableKey: i.tableKey,
        itemType: i.itemType,
        submittedAtMs: i.submittedAt.getTime(),
        sessionKey: `${i.tableKey}:${DateTime.fromJSDate(i.sessionScheduledStart, { zone }).toISODate()}`,
        withdrawn: false,
      })),
      manualFulfilments: stored
        .filter((o) => o.status === 'fulfilled' && o.fulfilmentKind === 'manual' && o.fulfilledAt)
        .map((o) => ({
          ruleKey: o.ruleKey,
          sequence: o.sequence,
          atMs: (o.fulfilledAt as Date).getTime(),
          note: o.fulfilmentNote?.trim() || 'afgerond',
        })),
    };
    // Most dossiers at the ICO have nothing to plan yet: skip reading the calendars for them.
    if (stored.length === 0 && obligationEvents(facts, zone).length === 0) return result;

    const calendarByTable: Record<string, CalendarsByTable[string]> = {};
    for (const key of this.sessionTables) {
      const table = this.tables.table(key);
      calendarByTable[key] = await this.calendars.forTable(this.region.key, key, table.timeZone, tx);
    }
    const planned = planObligations(this.region, facts, calendarByTable);
    const storedById = new Map(stored.map((s) => [s.id, s]));
    const toDiff: StoredObligation[] = stored.map((s) => ({
      id: s.id,
      ruleKey: s.ruleKey,
      sequence: s.sequence,
      dueAtMs: s.dueAt.getTime(),
      status: s.status,
    }));
    for (const change of diffObligations(toDiff, planned)) {
      await this.apply(tx, dossier, change, storedById, result);
    }
    return result;
  }

  /** Every dossier whose open obligations hang on a session of the table (after a calendar change). */
  async syncAfterCalendarChange(tx: Transaction, tableKey: string): Promise<number> {
    const ids = await this.repo.dossiersWithOpenObligationsOn(tx, tableKey);
    for (const id of ids) await this.syncDossier(tx, id);
    return ids.length;
  }

  /**
   * Re-plans every dossier of the region that has or should have obligations, one transaction
   * each: a safety net for a change that reached the database without a sync, and how dossiers
   * that existed before the obligations did get theirs. Cheap when nothing changed.
   */
  async reconcileAll(batchSize = 200): Promise<{ dossiers: number; changed: number }> {
    const regionId = await this.repo.regionIdOf(this.region.key);
    if (!regionId) return { dossiers: 0, changed: 0 };
    let after: string | null = null;
    let dossiers = 0;
    let changed = 0;
    for (;;) {
      const ids = await this.repo.dossierIdsToReconcile(regionId, after, batchSize);
      if (ids.length === 0) break;
      for (const id of ids) {
        const r = await this.repo.transaction((tx) => this.syncDossier(tx, id));
        dossiers++;
        if (r.created + r.updatedDue + r.fulfilled + r.reopened + r.cancelled > 0) changed++;
      }
      after = ids[ids.length - 1] as string;
    }
    if (changed > 0) this.logger.log(`reconciled obligations: ${changed} of ${dossiers} dossiers changed`);
    return { dossiers, changed };
  }

  private async apply(
    tx: Transaction,
    dossier: ObligationDossierRow,
    change: ObligationChange,
    storedById: ReadonlyMap<string, StoredObligationRow>,
    result: ObligationSyncResult,
  ): Promise<void> {
    if (change.kind === 'create') {
      const p = change.planned;
      const rule = this.rules.get(p.ruleKey) as ObligationRule;
      const id = await this.repo.create(tx, {
        dossierId: dossier.id,
        ruleKey: p.ruleKey,
        sequence: p.sequence,
        ...this.placement(rule, p, dossier),
        dueAt: new Date(p.dueAtMs),
        status: p.status,
        ...this.fulfilmentPatch(p),
      });
      if (p.status === 'open') await this.repo.addSteps(tx, id, this.initialSteps(id, p.dueAtMs, rule));
      result.created++;
      return;
    }
    const row = storedById.get(change.stored.id) as StoredObligationRow;
    const rule = this.rules.get(row.ruleKey);
    switch (change.kind) {
      case 'update-due':
      case 'reopen': {
        const p = change.planned;
        await this.repo.update(tx, row.id, {
          ...this.placement(rule as ObligationRule, p, dossier),
          dueAt: new Date(p.dueAtMs),
          ...(change.kind === 'reopen' && { status: 'open', cancelledAt: null, cancelReason: null }),
        });
        // Steps of the old due date that were not sent yet go; the ones sent stay sent.
        await this.repo.deleteUnsentSteps(tx, row.id);
        await this.repo.addSteps(tx, row.id, this.initialSteps(row.id, p.dueAtMs, rule as ObligationRule));
        if (change.kind === 'reopen') result.reopened++;
        else result.updatedDue++;
        return;
      }
      case 'fulfil':
        await this.repo.update(tx, row.id, { status: 'fulfilled', ...this.fulfilmentPatch(change.planned) });
        await this.repo.deleteUnsentSteps(tx, row.id);
        result.fulfilled++;
        return;
      case 'cancel':
        await this.repo.update(tx, row.id, {
          status: 'cancelled',
          cancelledAt: this.clock.now(),
          cancelReason: CANCEL_REASON,
        });
        await this.repo.deleteUnsentSteps(tx, row.id);
        result.cancelled++;
        return;
      case 'keep': {
        // An open one can still change hands (another casusregisseur) or session key.
        if (row.status !== 'open' || !change.planned || !rule) return;
        const wanted = this.placement(rule, change.planned, dossier);
        const patch: ObligationPatch = {};
        if (wanted.ownerId !== row.ownerId) patch.ownerId = wanted.ownerId;
        if (wanted.sessionKey !== row.sessionKey) patch.sessionKey = wanted.sessionKey;
        if (wanted.tableKey !== row.tableKey) patch.tableKey = wanted.tableKey;
        if (Object.keys(patch).length > 0) await this.repo.update(tx, row.id, patch);
        return;
      }
    }
  }

  private placement(rule: ObligationRule, p: PlannedObligation, dossier: ObligationDossierRow) {
    return {
      ownerId: rule.owner.role === 'casusregisseur' ? dossier.casusregisseurId : null,
      ownerRole: rule.owner.role,
      tableKey: obligationTableKey(rule, p),
      itemType: rule.agendering?.itemType ?? null,
      sessionKey: p.session?.key ?? null,
    };
  }

  private fulfilmentPatch(p: PlannedObligation): ObligationPatch {
    const f = p.fulfilment;
    if (!f) return {};
    return {
      fulfilledAt: new Date(f.atMs),
      fulfilmentKind: f.kind,
      ...(f.kind === 'agenda-item' && { fulfilledByAgendaItemId: f.agendaItemId }),
    };
  }

  /**
   * The reminders and the first escalation. Later escalations are added by the sweep one at a
   * time as the previous one goes out, so an obligation holds a handful of rows, not a year of
   * weekly ones.
   */
  private initialSteps(id: string, dueAtMs: number, rule: ObligationRule): NewStepRow[] {
    return reminderSteps({ key: id, dueAtMs, status: 'open' }, rule, this.region.timeZone)
      .filter((s) => s.kind === 'reminder' || s.repeat === 1)
      .map((s) => ({ stepKey: s.stepKey, sendAt: new Date(s.sendAtMs) }));
  }
}
