import type {
  DossierToPlan,
  NewObligation,
  ObligationAgendaItem,
  ObligationDecision,
  ObligationDossier,
  ObligationFulfilmentRecord,
  ObligationPlacement,
  ObligationRecord,
  ObligationReport,
  ObligationRepository,
  ObligationToFulfil,
  ReminderStepPlan,
} from '@overlegtafels/application/testing';
import type { CalendarState } from '@overlegtafels/domain';
import type { Transaction } from '@overlegtafels/application/testing';
import { FakeTable, Rollbackable } from './fake-unit-of-work';

/** A dossier as the fake stores it: the row and what hangs on it. */
export interface FakeDossier {
  id: string;
  dossier: ObligationDossier;
  decisions: ObligationDecision[];
  agendaItems: ObligationAgendaItem[];
  /** When it was reopened, oldest first: its life is one more than their number. */
  reopenedAt?: Date[];
}

/** An obligation row with the columns the re-plan, the sweep and the "done" write. */
export interface FakeObligation extends ObligationRecord {
  dossierId: string;
  cancelledAt: Date | null;
  cancelReason: string | null;
  fulfilledById: string | null;
  lastEscalatedAt: Date | null;
}

/** A reminder step; the id is `<obligationId>|<stepKey>` (one step per key, as in the database). */
export interface FakeStep {
  id: string;
  obligationId: string;
  stepKey: string;
  sendAt: Date;
  enqueuedAt: Date | null;
  superseded: boolean;
}

export const stepId = (obligationId: string, stepKey: string): string => `${obligationId}|${stepKey}`;

/** A dossier row with nothing set; tests override what matters. */
export function fakeDossier(id: string, change: Partial<ObligationDossier> = {}): ObligationDossier {
  return {
    id,
    code: 'CO3-2026-0001',
    regionId: 'region-1',
    casusregisseurId: null,
    casusregiePlannedStartDate: null,
    casusregieStartDate: null,
    afrondingDate: null,
    afsluitingDate: null,
    consentVerifiedAt: null,
    ocjSdjConsulentInvolved: false,
    traject: null,
    consulentInvolvedSince: null,
    consulentConsultedOn: null,
    childrenOver12: 0,
    childrenOver12HeardAt: null,
    ...change,
  };
}

/**
 * In memory, the follow-up obligations with their steps and the dossiers they are planned from.
 * Enlist `stores` in a FakeUnitOfWork so that a failed unit of work leaves them as they were.
 */
export class FakeObligationRepository implements ObligationRepository {
  readonly dossiers = new FakeTable<FakeDossier>();
  readonly obligations = new FakeTable<FakeObligation>();
  readonly steps = new FakeTable<FakeStep>();
  /** The answers of forms, by obligation id. */
  readonly reports = new FakeTable<ObligationReport & { id: string }>();
  /** Calendar decisions per table key; none: the plain series. */
  readonly calendars = new Map<string, CalendarState>();
  /** The dossiers locked for a re-plan, in order, and under which handle. */
  readonly locked: { dossierId: string; tx: Transaction }[] = [];
  /**
   * Whether a person is active, as the database joins it to a dossier's casusregisseur (another
   * fake's people, e.g. the beheer's); unset, the dossier's own `casusregisseurActive` holds.
   */
  personActive?: (personId: string) => boolean | undefined;
  private nextId = 1;

  get stores(): Rollbackable[] {
    return [this.dossiers, this.obligations, this.steps, this.reports];
  }

  addDossier(dossier: ObligationDossier, more: Partial<Omit<FakeDossier, 'id' | 'dossier'>> = {}): this {
    this.dossiers.put({ id: dossier.id, dossier, decisions: [], agendaItems: [], ...more });
    return this;
  }

  changeDossier(id: string, change: Partial<ObligationDossier>): void {
    const d = this.dossiers.get(id);
    if (!d) throw new Error(`fake: no dossier ${id}`);
    this.dossiers.update(id, { dossier: { ...d.dossier, ...change } });
  }

  obligationsOf(dossierId: string): FakeObligation[] {
    return this.obligations
      .where((o) => o.dossierId === dossierId)
      .sort((a, b) => a.life - b.life || a.ruleKey.localeCompare(b.ruleKey) || a.sequence - b.sequence);
  }

  stepsOf(obligationId: string): FakeStep[] {
    return this.steps
      .where((s) => s.obligationId === obligationId)
      .sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || a.stepKey.localeCompare(b.stepKey));
  }

  async lockDossierToPlan(tx: Transaction, dossierId: string): Promise<DossierToPlan | undefined> {
    const d = this.dossiers.get(dossierId);
    if (!d) return undefined;
    this.locked.push({ dossierId, tx });
    const obligations = this.obligationsOf(dossierId).map((o) => record(o));
    const id = d.dossier.casusregisseurId;
    const active = id ? this.personActive?.(id) : undefined;
    return {
      dossier: {
        ...d.dossier,
        casusregisseurActive: d.dossier.casusregisseurActive !== false && active !== false,
      },
      ...this.lifeOf(d),
      decisions: d.decisions,
      agendaItems: d.agendaItems,
      obligations,
    };
  }

  /** A heropening of the dossier at `at`: its next life begins. */
  reopen(dossierId: string, at: Date): void {
    const d = this.dossiers.get(dossierId);
    if (!d) throw new Error(`fake: no dossier ${dossierId}`);
    this.dossiers.update(dossierId, { reopenedAt: [...(d.reopenedAt ?? []), at] });
  }

  private lifeOf(d: FakeDossier): { life: number; lifeStartedAt: Date | null } {
    const reopened = d.reopenedAt ?? [];
    return { life: 1 + reopened.length, lifeStartedAt: reopened.at(-1) ?? null };
  }

  async calendarOf(_tx: Transaction, _regionKey: string, tableKey: string): Promise<CalendarState> {
    return this.calendars.get(tableKey) ?? {};
  }

  async addObligation(
    _tx: Transaction,
    o: NewObligation,
    steps: readonly ReminderStepPlan[],
  ): Promise<string> {
    const dossier = this.dossiers.get(o.dossierId);
    const life = o.life ?? (dossier ? this.lifeOf(dossier).life : 1);
    const duplicate = this.obligations.where(
      (x) =>
        x.dossierId === o.dossierId &&
        x.life === life &&
        x.ruleKey === o.ruleKey &&
        x.sequence === o.sequence,
    );
    if (duplicate.length > 0) throw new Error(`fake: ${o.ruleKey} #${o.sequence} exists (unique key)`);
    const id = `obligation-${this.nextId++}`;
    this.obligations.put({
      id,
      life,
      dossierId: o.dossierId,
      ruleKey: o.ruleKey,
      sequence: o.sequence,
      ...o.placement,
      dueAt: o.dueAt,
      status: o.status,
      fulfilledAt: o.fulfilment?.at ?? null,
      fulfilmentKind: o.fulfilment?.kind ?? null,
      fulfilmentNote: null,
      fulfilledByAgendaItemId: o.fulfilment?.agendaItemId ?? null,
      cancelledAt: null,
      cancelReason: null,
      fulfilledById: null,
      lastEscalatedAt: null,
    });
    this.addSteps(id, steps);
    return id;
  }

  async reschedule(
    _tx: Transaction,
    obligationId: string,
    change: { placement: ObligationPlacement; dueAt: Date; reopen: boolean },
    steps: readonly ReminderStepPlan[],
  ): Promise<void> {
    this.obligations.update(obligationId, {
      ...change.placement,
      dueAt: change.dueAt,
      ...(change.reopen && { status: 'open' as const, cancelledAt: null, cancelReason: null }),
    });
    this.deleteUnsentSteps(obligationId);
    this.addSteps(obligationId, steps);
  }

  async markFulfilled(
    _tx: Transaction,
    obligationId: string,
    fulfilment: ObligationFulfilmentRecord | null,
  ): Promise<void> {
    this.obligations.update(obligationId, {
      status: 'fulfilled',
      ...(fulfilment && { fulfilledAt: fulfilment.at, fulfilmentKind: fulfilment.kind }),
      ...(fulfilment?.agendaItemId && { fulfilledByAgendaItemId: fulfilment.agendaItemId }),
    });
    this.deleteUnsentSteps(obligationId);
  }

  async cancel(_tx: Transaction, obligationId: string, at: Date, reason: string): Promise<void> {
    this.obligations.update(obligationId, { status: 'cancelled', cancelledAt: at, cancelReason: reason });
    this.deleteUnsentSteps(obligationId);
  }

  async reassign(
    _tx: Transaction,
    obligationId: string,
    change: Partial<Pick<ObligationPlacement, 'ownerId' | 'ownerRole' | 'tableKey' | 'sessionKey'>>,
  ): Promise<void> {
    this.obligations.update(obligationId, change);
  }

  async dossiersHangingOnTable(_tx: Transaction, tableKey: string): Promise<string[]> {
    const open = this.obligations.where(
      (o) => o.status === 'open' && !!o.sessionKey?.startsWith(`${tableKey}:`),
    );
    return [...new Set(open.map((o) => o.dossierId))];
  }

  async dossiersToReconcile(regionId: string, afterId: string | null, limit: number): Promise<string[]> {
    const withObligations = new Set(this.obligations.all().map((o) => o.dossierId));
    return this.dossiers
      .where(
        (d) =>
          d.dossier.regionId === regionId &&
          (afterId === null || d.id > afterId) &&
          (d.dossier.casusregieStartDate !== null ||
            d.dossier.casusregiePlannedStartDate !== null ||
            withObligations.has(d.id)),
      )
      .map((d) => d.id)
      .sort()
      .slice(0, limit);
  }

  async findToFulfil(obligationId: string): Promise<ObligationToFulfil | undefined> {
    const o = this.obligations.get(obligationId);
    const d = o && this.dossiers.get(o.dossierId);
    if (!o || !d) return undefined;
    return {
      id: o.id,
      dossierId: o.dossierId,
      regionId: d.dossier.regionId,
      casusregisseurId: d.dossier.casusregisseurId,
      ruleKey: o.ruleKey,
      status: o.status,
      tableKey: o.tableKey,
      ownerId: o.ownerId,
    };
  }

  async fulfilManually(
    _tx: Transaction,
    obligationId: string,
    byPersonId: string,
    note: string,
    at: Date,
  ): Promise<boolean> {
    if (this.obligations.get(obligationId)?.status !== 'open') return false;
    this.obligations.update(obligationId, {
      status: 'fulfilled',
      fulfilledAt: at,
      fulfilledById: byPersonId,
      fulfilmentKind: 'manual',
      fulfilmentNote: note,
    });
    this.deleteUnsentSteps(obligationId);
    return true;
  }

  async fulfilWithForm(_tx: Transaction, obligationId: string, report: ObligationReport): Promise<boolean> {
    if (this.obligations.get(obligationId)?.status !== 'open') return false;
    this.obligations.update(obligationId, {
      status: 'fulfilled',
      fulfilledAt: report.submittedAt,
      fulfilledById: report.submittedById,
      fulfilmentKind: 'form',
    });
    this.deleteUnsentSteps(obligationId);
    this.reports.put({ ...report, id: obligationId });
    return true;
  }

  async reportOf(obligationId: string): Promise<ObligationReport | undefined> {
    const found = this.reports.get(obligationId);
    if (!found) return undefined;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the fake's key
    const { id, ...report } = found;
    return report as ObligationReport;
  }

  /** Steps not handled yet go; the ones mailed stay. */
  deleteUnsentSteps(obligationId: string): void {
    const keep = this.steps.where((s) => s.obligationId !== obligationId || s.enqueuedAt !== null);
    this.steps.restore(new Map(keep.map((s) => [s.id, s])));
  }

  /** Adds steps; one with the same key (there, or sent before) stays as it is. */
  addSteps(obligationId: string, steps: readonly ReminderStepPlan[]): void {
    for (const s of steps) {
      const id = stepId(obligationId, s.stepKey);
      if (!this.steps.get(id)) {
        this.steps.put({
          id,
          obligationId,
          stepKey: s.stepKey,
          sendAt: s.sendAt,
          enqueuedAt: null,
          superseded: false,
        });
      }
    }
  }
}

function record(o: FakeObligation): ObligationRecord {
  return {
    id: o.id,
    life: o.life,
    ruleKey: o.ruleKey,
    sequence: o.sequence,
    ownerId: o.ownerId,
    ownerRole: o.ownerRole,
    tableKey: o.tableKey,
    itemType: o.itemType,
    dueAt: o.dueAt,
    status: o.status,
    fulfilledAt: o.fulfilledAt,
    fulfilmentKind: o.fulfilmentKind,
    fulfilmentNote: o.fulfilmentNote,
    fulfilledByAgendaItemId: o.fulfilledByAgendaItemId,
    sessionKey: o.sessionKey,
  };
}
