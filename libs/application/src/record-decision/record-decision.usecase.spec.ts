import type { AppConfig } from '@overlegtafels/config';
import { MailComposer, mailIdentity } from '@overlegtafels/mail';
import {
  ControlledClock,
  FakeItemToDecide,
  FakeAuditLog,
  FakeDecisionAgenda,
  FakeDossierRecord,
  FakeDossierChanged,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeMailOutbox,
  FakePersonDirectory,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AgendaRefusal, DecisionFormInput, InputError } from '../agenda/agenda-input';
import { RecordDecisionUseCase } from './record-decision.usecase';
import { DecisionActor } from './record-decision.command';

const config = { region: 'co3-antwerpen' } as AppConfig;
const composer = new MailComposer(mailIdentity('overlegtafels@co3.example.be', 'CO3 Antwerpen'));
const coordinator: DecisionActor = {
  personId: 'coord-1',
  regionId: 'region-1',
  route: 'POST /api/agenda-items/:id/decision',
  coordinatorTables: 'all',
};
// The ICO of Thursday 26 November 2026, 09:00 in Brussels; the decision is recorded a day later.
const ICO_START = new Date('2026-11-26T08:00:00Z');
const NOW = '2026-11-27T10:00:00Z';
const CR = '6f0c2a8e-4b7d-4c1e-9a3f-2d5e8b1c7a90';

const icoItem = (over: Partial<FakeItemToDecide> = {}): FakeItemToDecide => ({
  id: 'item-1',
  dossierId: 'd1',
  tableKey: 'ico',
  itemType: 'aanmelding',
  status: 'placed',
  session: { id: 'ico-s1', status: 'sent', startsAt: ICO_START },
  ...over,
});

function setup(dossier: Partial<FakeDossierRecord> = {}, item: FakeItemToDecide = icoItem()) {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({ id: 'd1', code: 'CO3-2026-0031', aanmelderId: 'am-1', ...dossier }),
  ]);
  const agenda = new FakeDecisionAgenda([item]);
  const people = new FakePersonDirectory(
    [{ id: 'am-1', email: 'aanmelder@example.org', displayName: 'An Aanmelder' }],
    [{ regionId: 'region-1', personId: CR }],
  );
  const audit = new FakeAuditLog();
  const outbox = new FakeMailOutbox();
  const uow = new FakeUnitOfWork(dossiers, agenda, audit, outbox);
  const changed = new FakeDossierChanged();
  const clock = new ControlledClock(NOW);
  const useCase = new RecordDecisionUseCase(
    uow,
    dossiers,
    agenda,
    people,
    audit,
    composer,
    outbox,
    changed,
    clock,
    config,
  );
  const decide = (decision: DecisionFormInput, actor: DecisionActor = coordinator, itemId = 'item-1') =>
    useCase.execute({ actor, itemId, decision });
  return { dossiers, agenda, audit, outbox, uow, changed, clock, decide };
}

async function refusal(work: Promise<unknown>): Promise<AgendaRefusal> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgendaRefusal);
  return error as AgendaRefusal;
}

const metCasusregie: DecisionFormInput = {
  kind: 'met_casusregie',
  casusregisseurId: CR,
  startDate: '2026-11-26',
  consentVerified: true,
  consentVerifiedOn: undefined,
};

describe('RecordDecisionUseCase', () => {
  it('starts casusregie: the dossier, the decision, the item discussed, the session held, obligations, audit', async () => {
    const { dossiers, agenda, audit, uow, changed, outbox, decide } = setup();
    const result = await decide(metCasusregie);
    expect(result).toEqual({
      decisionId: expect.any(String),
      dossierCode: 'CO3-2026-0031',
      phase: 'casusregie',
    });
    expect(dossiers.dossiers.get('d1')).toMatchObject({
      phase: 'casusregie',
      casusregisseurId: CR,
      casusregieStartDate: '2026-11-26',
      consentVerifiedById: 'coord-1',
      // The consent's day in Brussels (midnight there is 23:00 UTC the day before).
      consentVerifiedAt: new Date('2026-11-25T23:00:00Z'),
    });
    expect(dossiers.decisions.get(result.decisionId)).toMatchObject({
      dossierId: 'd1',
      agendaItemId: 'item-1',
      tableKey: 'ico',
      kind: 'met_casusregie',
      casusregisseurId: CR,
      startDate: '2026-11-26',
      terugkomdatum: null,
      decidedAt: new Date(NOW),
      decidedById: 'coord-1',
    });
    expect(agenda.items.get('item-1')!.status).toBe('discussed');
    expect(agenda.heldAt('ico-s1')).toEqual(new Date(NOW));
    expect(changed.dossiers).toEqual([{ dossierId: 'd1', tx: uow.tx }]);
    expect(dossiers.writeTxs).toEqual([uow.tx]);
    expect(audit.of('decision.record')).toEqual([
      {
        actorPersonId: 'coord-1',
        action: 'decision.record',
        entityType: 'decision',
        entityId: result.decisionId,
        dossierId: 'd1',
        outcome: 'allowed',
        route: 'POST /api/agenda-items/:id/decision',
        details: {
          code: 'CO3-2026-0031',
          kind: 'met_casusregie',
          agendaItemId: 'item-1',
          phase: 'casusregie',
        },
      },
    ]);
    expect(outbox.written()).toEqual([]);
  });

  it('geen ketenaanpak: the advice letter to the aanmelder goes into the outbox and is queued after the commit', async () => {
    const { dossiers, outbox, uow, decide } = setup();
    const result = await decide({
      kind: 'geen_ketenaanpak',
      adviceText: 'Zoek hulp bij het CAW.',
      safetyPlanAdvice: 'Maak een veiligheidsplan.',
      parketmeldingAdvies: true,
    });
    expect(result.phase).toBe('geen_ketenaanpak');
    expect(dossiers.decisions.get(result.decisionId)).toMatchObject({
      adviceText: 'Zoek hulp bij het CAW.',
      safetyPlanAdvice: 'Maak een veiligheidsplan.',
      parketmeldingAdvies: true,
    });
    const [row] = outbox.written();
    expect(row!.entry).toEqual({
      key: `advice-letter|${result.decisionId}|am-1`,
      purpose: 'advice-letter',
      recipientEmail: 'aanmelder@example.org',
      recipientPersonId: 'am-1',
      sessionId: 'ico-s1',
      agendaItemId: 'item-1',
      dossierId: 'd1',
    });
    expect(row!.tx).toBe(uow.tx);
    expect(row!.mail.subject).not.toContain('CAW');
    expect(outbox.enqueued).toEqual([{ id: row!.id, key: row!.entry.key }]);
  });

  it('herbespreking: the dossier comes back on the ICO as a new agendapunt', async () => {
    const { agenda, dossiers, decide } = setup();
    const result = await decide({ kind: 'herbespreking', missingInformation: 'De visie van de school.' });
    expect(result).toMatchObject({ phase: 'herbespreking', followUpItemId: 'ico-return-1' });
    expect(agenda.items.get('ico-return-1')).toMatchObject({
      dossierId: 'd1',
      tableKey: 'ico',
      itemType: 'herbespreking',
      submittedById: 'coord-1',
    });
    expect(dossiers.decisions.get(result.decisionId)!.missingInformation).toBe('De visie van de school.');
  });

  it('refuses a return to the ICO when none is planned, and rolls the decision back', async () => {
    const { agenda, dossiers, audit, changed, decide } = setup();
    agenda.noIcoPlanned = true;
    const error = await refusal(decide({ kind: 'herbespreking', missingInformation: 'x' }));
    expect(error.code).toBe('NO_SESSION_IN_RANGE');
    expect(dossiers.dossiers.get('d1')!.phase).toBe('aangemeld');
    expect(dossiers.decisions.all()).toEqual([]);
    expect(agenda.items.get('item-1')!.status).toBe('placed');
    expect(agenda.heldAt('ico-s1')).toBeUndefined();
    expect([audit.all(), changed.dossiers]).toEqual([[], []]);
  });

  it('a session already held is not marked held again', async () => {
    const { agenda, decide } = setup(
      {},
      icoItem({ session: { id: 'ico-s1', status: 'held', startsAt: ICO_START } }),
    );
    await decide(metCasusregie);
    expect(agenda.heldAt('ico-s1')).toBeUndefined();
    expect(agenda.items.get('item-1')!.status).toBe('discussed');
  });

  it.each([
    ['an item that does not exist', {}, icoItem(), coordinator, 'nope'],
    [
      'an item of a table the actor does not coordinate',
      {},
      icoItem(),
      { ...coordinator, coordinatorTables: ['weegploeg'] },
      'item-1',
    ],
    ['an item of a dossier of another region', { regionId: 'region-2' }, icoItem(), coordinator, 'item-1'],
  ] as const)('answers not found for %s', async (_, facts, item, actor, itemId) => {
    const { audit, decide } = setup(facts, item);
    const error = await refusal(decide(metCasusregie, actor, itemId));
    expect([error.code, error.kind]).toEqual(['ITEM_NOT_FOUND', 'not_found']);
    expect(audit.all()).toEqual([]);
  });

  it.each([
    ['ALREADY_DECIDED', icoItem({ status: 'discussed' })],
    ['ITEM_WITHDRAWN', icoItem({ status: 'withdrawn' })],
    ['SESSION_CANCELLED', icoItem({ session: { id: 'ico-s1', status: 'cancelled', startsAt: ICO_START } })],
    [
      'SESSION_NOT_HELD',
      icoItem({ session: { id: 'ico-s1', status: 'sent', startsAt: new Date('2026-11-27T10:00:01Z') } }),
    ],
  ] as const)('refuses %s as a conflict and leaves the dossier as it was', async (code, item) => {
    const { dossiers, changed, decide } = setup({}, item);
    const error = await refusal(decide(metCasusregie));
    expect([error.code, error.kind]).toEqual([code, 'conflict']);
    expect(dossiers.dossiers.get('d1')!.phase).toBe('aangemeld');
    expect(changed.dossiers).toEqual([]);
  });

  it('refuses a casusregisseur who is not one of the region, per field', async () => {
    const { dossiers, decide } = setup();
    const error = await decide({
      ...metCasusregie,
      casusregisseurId: '0b9e4d2c-8a71-4f3e-b6c5-1a2d3e4f5a6b',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors.map((e) => [e.field, e.code])).toEqual([
      ['casusregisseurId', 'UNKNOWN'],
    ]);
    expect(dossiers.decisions.all()).toEqual([]);
  });

  it('refuses a decision the dossier phase does not allow as unprocessable, and writes nothing', async () => {
    // A plan van aanpak of a dossier that never started casusregie.
    const weegploeg = icoItem({ tableKey: 'weegploeg', itemType: 'plan-van-aanpak' });
    const { dossiers, agenda, audit, outbox, uow, decide } = setup({ phase: 'herbespreking' }, weegploeg);
    const error = await refusal(decide({ kind: 'pva_besproken', terugkomdatum: '2027-02-01' }));
    expect([error.code, error.kind]).toEqual(['ILLEGAL_TRANSITION', 'unprocessable']);
    expect(dossiers.dossiers.get('d1')!.phase).toBe('herbespreking');
    expect(agenda.items.get('item-1')!.status).toBe('placed');
    expect([dossiers.decisions.all(), audit.all(), outbox.written(), uow.rollbacks]).toEqual([[], [], [], 1]);
  });

  it('refuses a decision that does not belong to the agendapunt', async () => {
    const { decide } = setup();
    const error = await refusal(decide({ kind: 'afronding_goedgekeurd' }));
    expect([error.code, error.kind, error.field]).toEqual(['DECISION_NOT_FOR_ITEM', 'unprocessable', 'kind']);
  });
});

describe('RecordDecisionUseCase: consent and the consulent (guide III.B, annex B)', () => {
  it('appoints the casusregisseur without consent: casusregie awaits it, without a start', async () => {
    const { dossiers, decide } = setup();
    const result = await decide({ ...metCasusregie, consentVerified: false });
    expect(result.phase).toBe('casusregie');
    expect(dossiers.dossiers.get('d1')).toMatchObject({
      phase: 'casusregie',
      casusregisseurId: CR,
      casusregiePlannedStartDate: '2026-11-26',
      casusregieStartDate: null,
      consentVerifiedAt: null,
      consentVerifiedById: null,
    });
    expect(dossiers.decisions.get(result.decisionId)).toMatchObject({ startDate: '2026-11-26' });
  });

  it('keeps who gave the consent when the ICO records it', async () => {
    const { dossiers, decide } = setup();
    await decide({ ...metCasusregie, consentVerifiedOn: '2026-11-25', consentGivenBy: 'grootmoeder' });
    expect(dossiers.dossiers.get('d1')).toMatchObject({
      casusregieStartDate: '2026-11-26',
      consentGivenBy: 'grootmoeder',
      consentVerifiedAt: new Date('2026-11-24T23:00:00Z'),
    });
  });

  it('refuses to approve an afronding while a consulent is involved and not consulted, naming the field', async () => {
    const afronding = icoItem({ tableKey: 'weegploeg', itemType: 'afronding' });
    const inCasusregie = {
      phase: 'casusregie' as const,
      casusregisseurId: CR,
      casusregieStartDate: '2026-02-06',
      consulentInvolved: true,
    };
    const { dossiers, agenda, audit, uow, decide } = setup(inCasusregie, afronding);
    const error = await refusal(decide({ kind: 'afronding_goedgekeurd' }));
    expect([error.code, error.kind, error.field]).toEqual([
      'CONSULENT_NOT_CONSULTED',
      'unprocessable',
      'consulentGeconsulteerd',
    ]);
    expect(error.message).toContain('Consulent geconsulteerd over de afronding');
    expect(dossiers.dossiers.get('d1')!.phase).toBe('casusregie');
    expect(agenda.items.get('item-1')!.status).toBe('placed');
    expect([dossiers.decisions.all(), audit.all(), uow.rollbacks]).toEqual([[], [], 1]);

    const consulted = setup({ ...inCasusregie, consulentConsultedOn: '2026-11-20' }, afronding);
    expect((await consulted.decide({ kind: 'afronding_goedgekeurd' })).phase).toBe('afgerond');
    expect(consulted.dossiers.dossiers.get('d1')!.afrondingDate).toBe('2026-11-26');
  });
});
