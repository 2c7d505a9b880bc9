import type {
  CasusregisseurChangeRecord,
  ChildHearingRecord,
  ConsulentInvolvement,
  DecisionRecord,
  DossierRecord,
  DossierRepository,
  NewAanmelding,
  NewCasusregisseurChange,
  NewChildHearing,
  NewDecision,
  NewDossierDocument,
} from '@overlegtafels/application/testing';
import type { DossierState, LocalDateString } from '@overlegtafels/domain';
import type { Transaction } from '@overlegtafels/application/testing';
import { FakeTable, Rollbackable } from './fake-unit-of-work';

/** A dossier as the fake keeps it: its facts and what the intent methods wrote. */
export interface FakeDossierRecord extends DossierRecord {
  readonly consulent?: ConsulentInvolvement;
  readonly aanmelding?: NewAanmelding;
  readonly documents?: readonly (NewDossierDocument & { id: string })[];
  readonly childHearings?: readonly NewChildHearing[];
  readonly childrenOver12HeardAt?: Date;
  readonly consulentConsultation?: { consultedOn: LocalDateString; note: string; consultedById: string };
}

export interface FakeCasusregisseurChange extends CasusregisseurChangeRecord {
  readonly dossierId: string;
}

/** A stored decision; a spec may seed one without the snapshots a withdrawal needs. */
export interface FakeDecision
  extends Omit<NewDecision, 'priorState' | 'resultState' | 'followUpItemId'>,
    Partial<Pick<NewDecision, 'priorState' | 'resultState' | 'followUpItemId'>> {
  readonly id: string;
  readonly dossierId: string;
}

/** A stored dossier with defaults for what a test does not care about. */
export function fakeDossierRecord(facts: Partial<FakeDossierRecord> & { id: string }): FakeDossierRecord {
  return {
    code: 'CO3-2026-0001',
    regionId: 'region-1',
    phase: 'aangemeld',
    casusregisseurId: null,
    casusregisseurName: null,
    aanmelderId: null,
    casusregiePlannedStartDate: null,
    aanmelderOrganisationKind: null,
    casusregieStartDate: null,
    afrondingDate: null,
    afsluitingDate: null,
    consentVerifiedAt: null,
    consentVerifiedById: null,
    consentGivenBy: null,
    noConsentReturns: 0,
    consulentInvolved: false,
    consulentConsultedOn: null,
    childrenOver12: 0,
    traject: null,
    ...facts,
  };
}

/** The in-memory DossierRepository of the use-case specs; enlist it in a FakeUnitOfWork. */
export class FakeDossierRepository implements DossierRepository, Rollbackable {
  readonly dossiers: FakeTable<FakeDossierRecord>;
  readonly decisions: FakeTable<FakeDecision>;
  readonly changes: FakeTable<FakeCasusregisseurChange>;
  /** Every transaction handle a write was given, to assert the use case's own was used. */
  readonly writeTxs: Transaction[] = [];
  private counters = new Map<string, number>();
  private ids = 0;

  constructor(
    dossiers: readonly FakeDossierRecord[] = [],
    decisions: readonly FakeDecision[] = [],
    changes: readonly FakeCasusregisseurChange[] = [],
  ) {
    this.dossiers = new FakeTable(dossiers);
    this.decisions = new FakeTable(decisions);
    this.changes = new FakeTable(changes);
  }

  async byId(_tx: Transaction | undefined, id: string): Promise<DossierRecord | undefined> {
    const row = this.dossiers.get(id);
    return row && facts(row);
  }

  async byCode(_tx: Transaction | undefined, code: string): Promise<DossierRecord | undefined> {
    const row = this.dossiers.where((d) => d.code === code)[0];
    return row && facts(row);
  }

  async decisionsOf(_tx: Transaction, id: string): Promise<DecisionRecord[]> {
    return this.decisions
      .where((d) => d.dossierId === id)
      .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || a.id.localeCompare(b.id))
      .map((d) => ({ id: d.id, kind: d.kind, decidedAt: d.decidedAt }));
  }

  async takeNextNumber(tx: Transaction, regionId: string, year: number): Promise<number> {
    this.writeTxs.push(tx);
    const key = `${regionId}|${year}`;
    const next = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, next);
    return next;
  }

  /** The agenda item of each dossier's aanmelding, as the use case's placement made it. */
  readonly aanmeldingItems = new Map<string, string>();

  async openWithAanmelding(
    tx: Transaction,
    aanmelding: NewAanmelding,
  ): Promise<{ dossierId: string; aanmeldingId: string }> {
    this.writeTxs.push(tx);
    const dossierId = `dossier-${++this.ids}`;
    this.dossiers.put(
      fakeDossierRecord({
        id: dossierId,
        code: aanmelding.code,
        regionId: aanmelding.regionId,
        phase: aanmelding.phase,
        aanmelderId: aanmelding.aanmelderId,
        aanmelding,
      }),
    );
    return { dossierId, aanmeldingId: `aanmelding-${this.ids}` };
  }

  async attachDocument(tx: Transaction, id: string, document: NewDossierDocument): Promise<string> {
    this.writeTxs.push(tx);
    const documentId = `document-${++this.ids}`;
    const row = this.dossiers.get(id)!;
    this.dossiers.update(id, { documents: [...(row.documents ?? []), { ...document, id: documentId }] });
    return documentId;
  }

  async recordConsulent(tx: Transaction, id: string, involvement: ConsulentInvolvement): Promise<void> {
    this.writeTxs.push(tx);
    this.dossiers.update(id, { consulent: involvement, consulentInvolved: involvement.involved });
  }

  async correctCasusregieStart(
    tx: Transaction,
    id: string,
    startDecisionId: string | undefined,
    startDate: LocalDateString,
  ): Promise<void> {
    this.writeTxs.push(tx);
    this.dossiers.update(id, { casusregieStartDate: startDate });
    if (startDecisionId) this.decisions.update(startDecisionId, { startDate });
  }

  async changeCasusregisseur(
    tx: Transaction,
    id: string,
    change: NewCasusregisseurChange,
  ): Promise<{ id: string } | undefined> {
    this.writeTxs.push(tx);
    if (this.dossiers.get(id)?.casusregisseurId !== change.fromPersonId) return undefined;
    this.dossiers.update(id, { casusregisseurId: change.toPersonId });
    const stored = this.changes.put({ ...change, id: `change-${++this.ids}`, dossierId: id });
    return { id: stored.id };
  }

  async casusregisseurChangesOf(
    _tx: Transaction | undefined,
    id: string,
  ): Promise<CasusregisseurChangeRecord[]> {
    return (
      this.changes
        .where((c) => c.dossierId === id)
        .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime() || a.id.localeCompare(b.id))
        // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the fake's own key
        .map(({ dossierId, ...change }) => change)
    );
  }

  async recordDecision(
    tx: Transaction,
    id: string,
    next: DossierState,
    consentVerifiedAt: Date | undefined,
    decision: NewDecision,
  ): Promise<{ id: string }> {
    this.writeTxs.push(tx);
    this.dossiers.update(id, {
      phase: next.phase,
      casusregisseurId: next.casusregisseurId ?? null,
      casusregiePlannedStartDate: next.casusregiePlannedStartDate ?? null,
      casusregieStartDate: next.casusregieStartDate ?? null,
      afrondingDate: next.afrondingDate ?? null,
      afsluitingDate: next.afsluitingDate ?? null,
      noConsentReturns: next.noConsentReturns,
      traject: next.traject ?? null,
      ...(consentVerifiedAt &&
        next.consent && {
          consentVerifiedAt,
          consentVerifiedById: next.consent.verifiedById,
          consentGivenBy: next.consent.givenBy ?? null,
        }),
    });
    const stored = this.decisions.put({ ...decision, id: `decision-${++this.ids}`, dossierId: id });
    return { id: stored.id };
  }

  async recordConsent(
    tx: Transaction,
    id: string,
    consent: { verifiedAt: Date; verifiedById: string; givenBy: string },
    startDate: LocalDateString,
  ): Promise<void> {
    this.writeTxs.push(tx);
    this.dossiers.update(id, {
      consentVerifiedAt: consent.verifiedAt,
      consentVerifiedById: consent.verifiedById,
      consentGivenBy: consent.givenBy,
      casusregieStartDate: startDate,
    });
  }

  /** What the last recordNoConsent stored, per dossier id. */
  readonly noConsents = new Map<
    string,
    { establishedOn: LocalDateString; recordedById: string; note: string }
  >();

  async recordNoConsent(
    tx: Transaction,
    id: string,
    next: DossierState,
    noConsent: { establishedOn: LocalDateString; recordedById: string; note: string },
  ): Promise<void> {
    this.writeTxs.push(tx);
    this.dossiers.update(id, {
      phase: next.phase,
      casusregisseurId: next.casusregisseurId ?? null,
      casusregiePlannedStartDate: next.casusregiePlannedStartDate ?? null,
    });
    this.noConsents.set(id, noConsent);
  }

  async childHearingsOf(_tx: Transaction | undefined, id: string): Promise<ChildHearingRecord[]> {
    return (this.dossiers.get(id)?.childHearings ?? []).map(({ label, heardOn, notHeardReason }) => ({
      label,
      heardOn,
      notHeardReason,
    }));
  }

  async recordChildHearing(
    tx: Transaction,
    id: string,
    hearing: NewChildHearing,
    count: { childrenOver12: number; heardAt: Date | null },
  ): Promise<void> {
    this.writeTxs.push(tx);
    const row = this.dossiers.get(id)!;
    const others = (row.childHearings ?? []).filter((h) => h.labelKey !== hearing.labelKey);
    this.dossiers.update(id, {
      childHearings: [...others, hearing],
      childrenOver12: count.childrenOver12,
      ...(count.heardAt && { childrenOver12HeardAt: count.heardAt }),
    });
  }

  async recordConsulentConsultation(
    tx: Transaction,
    id: string,
    consultation: { consultedOn: LocalDateString; note: string; consultedById: string },
  ): Promise<void> {
    this.writeTxs.push(tx);
    this.dossiers.update(id, {
      consulentConsultedOn: consultation.consultedOn,
      consulentConsultation: consultation,
    });
  }

  snapshot(): unknown {
    return [
      this.dossiers.snapshot(),
      this.decisions.snapshot(),
      this.changes.snapshot(),
      new Map(this.counters),
    ];
  }

  restore(snapshot: unknown): void {
    const [dossiers, decisions, changes, counters] = snapshot as [
      unknown,
      unknown,
      unknown,
      Map<string, number>,
    ];
    this.dossiers.restore(dossiers);
    this.decisions.restore(decisions);
    this.changes.restore(changes);
    this.counters = counters;
  }
}

/** What the fake keeps beside the facts; the port's reads do not return it. */
const FAKE_ONLY = [
  'consulent',
  'aanmelding',
  'documents',
  'childHearings',
  'childrenOver12HeardAt',
  'consulentConsultation',
] as const satisfies readonly (keyof FakeDossierRecord)[];

function facts(row: FakeDossierRecord): DossierRecord {
  const record: Record<string, unknown> = { ...row };
  for (const own of FAKE_ONLY) delete record[own];
  return record as unknown as DossierRecord;
}
