import type { AppConfig } from '@overlegtafels/config';
import { MailComposer, mailIdentity } from '@overlegtafels/mail';
import {
  ControlledClock,
  fakeDossier,
  FakeObligationRepository,
  FakeItemToDecide,
  FakeAuditLog,
  FakeDecisionAgenda,
  FakeDossierRecord,
  FakeDossierChanged,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeMailOutbox,
  FakePersonDirectory,
  FakeRiskPictureRepository,
  FakeSubmissionLedger,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AgendaRefusal, InputError } from '../errors';
import { DecisionActor, DecisionFormInput } from './record-decision.command';
import { RecordDecisionUseCase } from './record-decision.usecase';
import { DecisionLetters } from './decision-letters';
import { ObligationRules } from '../obligations/obligation-rules';
import type { Transaction } from '../ports/unit-of-work.port';
import { RiskPictureRecorder } from '../record-risk-picture/risk-picture-recorder';
import { SubmittedOnce } from '../submissions/submitted-once';

const config = { regions: ['co3-antwerpen'], publicUrl: 'https://overlegtafels.example.be' } as AppConfig;
const composer = new MailComposer(mailIdentity('overlegtafels@co3.example.be', 'CO3 Antwerpen'));
const coordinator: DecisionActor = {
  personId: 'coord-1',
  regionId: 'region-1',
  route: 'POST /api/agenda-items/:id/decision',
  coordinatorTables: 'all',
};
// The ICO of Friday 27 November 2026, 09:30 in Brussels; the decision is recorded at noon.
const ICO_START = new Date('2026-11-27T08:30:00Z');
const NOW = '2026-11-27T11:00:00Z';
const CR = '6f0c2a8e-4b7d-4c1e-9a3f-2d5e8b1c7a90';
const CLIENT = '0b7e4c1a-2d3f-4a5b-8c9d-1e2f3a4b5c6d';

const icoItem = (over: Partial<FakeItemToDecide> = {}): FakeItemToDecide => ({
  id: 'item-1',
  dossierId: 'd1',
  tableKey: 'ico',
  itemType: 'aanmelding',
  status: 'placed',
  session: { id: 'ico-s1', status: 'sent', startsAt: ICO_START },
  ...over,
});

/**
 * What the re-plan does when the decision tells it the dossier changed: it writes the
 * casusregisseur's first obligations, so the appointment letter can be seen to list what the
 * re-plan of the same transaction wrote.
 */
class ReplanningDossierChanged extends FakeDossierChanged {
  constructor(private readonly obligations: FakeObligationRepository) {
    super();
  }

  override async dossierChanged(tx: Transaction, dossierId: string) {
    const replanned = await super.dossierChanged(tx, dossierId);
    const placement = (ownerId: string | null, tableKey: string) => ({
      ownerId,
      ownerRole: 'casusregisseur' as const,
      tableKey,
      itemType: null,
      sessionKey: null,
    });
    const open = { dossierId, sequence: 0, status: 'open' as const, fulfilment: null };
    await this.obligations.addObligation(
      tx,
      {
        ...open,
        ruleKey: 'eerste-plan-van-aanpak',
        placement: placement(CR, 'weegploeg'),
        dueAt: new Date('2027-01-25T11:00:00Z'),
      },
      [],
    );
    await this.obligations.addObligation(
      tx,
      {
        ...open,
        ruleKey: 'bijkomend-casusoverleg',
        placement: placement(CR, 'ico'),
        dueAt: new Date('2026-12-03T16:00:00Z'),
      },
      [],
    );
    // Another dossier's owner and a fulfilled one are not the casusregisseur's to do.
    await this.obligations.addObligation(
      tx,
      {
        ...open,
        ruleKey: 'tussentijdse-evaluatie',
        placement: placement('someone-else', 'ronde-tafel'),
        dueAt: new Date('2027-09-03T10:00:00Z'),
      },
      [],
    );
    await this.obligations.addObligation(
      tx,
      {
        ...open,
        status: 'fulfilled',
        ruleKey: 'instemming-volwassene',
        placement: placement(CR, 'ico'),
        dueAt: new Date('2026-11-27T08:00:00Z'),
        fulfilment: { at: new Date(NOW), kind: 'event', agendaItemId: null },
      },
      [],
    );
    return replanned;
  }
}

function setup(dossier: Partial<FakeDossierRecord> = {}, item: FakeItemToDecide = icoItem()) {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({
      id: 'd1',
      code: 'CO3-2026-0031',
      aanmelderId: 'am-1',
      aanmelderOrganisationKind: 'politie',
      ...dossier,
    }),
  ]);
  const agenda = new FakeDecisionAgenda([item]);
  agenda.nextIco = {
    id: 'ico-s2',
    startsAt: new Date('2026-12-11T08:30:00Z'),
    agendaSendAt: new Date('2026-12-10T12:00:00Z'),
  };
  const people = new FakePersonDirectory(
    [
      { id: 'am-1', email: 'aanmelder@example.org', displayName: 'Anke Aanmelder' },
      { id: CR, email: 'regisseur@example.org', displayName: 'Chris Regisseur' },
    ],
    [{ regionId: 'region-1', personId: CR }],
  );
  const audit = new FakeAuditLog();
  const outbox = new FakeMailOutbox();
  const obligations = new FakeObligationRepository().addDossier(fakeDossier('d1'));
  const pictures = new FakeRiskPictureRepository({
    d1: [{ id: CLIENT, label: 'moeder', role: 'slachtoffer' }],
  });
  const ledger = new FakeSubmissionLedger();
  const uow = new FakeUnitOfWork(dossiers, agenda, audit, outbox, pictures, ledger, ...obligations.stores);
  const changed = new ReplanningDossierChanged(obligations);
  const clock = new ControlledClock(NOW);
  const letters = new DecisionLetters(
    composer,
    outbox,
    people,
    obligations,
    new ObligationRules(config),
    config,
  );
  const useCase = new RecordDecisionUseCase(
    uow,
    dossiers,
    agenda,
    people,
    audit,
    letters,
    outbox,
    changed,
    clock,
    config,
    new RiskPictureRecorder(pictures, audit, config),
    new SubmittedOnce(ledger),
  );
  const decide = (
    decision: DecisionFormInput,
    actor: DecisionActor = coordinator,
    itemId = 'item-1',
    submissionKey?: string,
  ) => useCase.execute({ actor, itemId, decision, ...(submissionKey && { submissionKey }) });
  return { dossiers, agenda, audit, outbox, uow, changed, clock, decide, obligations, pictures };
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
  startDate: '2026-11-27',
  consentVerified: true,
  consentVerifiedOn: undefined,
  casusregisseurAbsent: false,
};

describe('RecordDecisionUseCase', () => {
  it('with a submission key used before records nothing again and answers the first decision (issue #15)', async () => {
    const { outbox, audit, decide } = setup();
    const first = await decide(metCasusregie, coordinator, 'item-1', 'beslissing-0001');
    const mailsAfterFirst = outbox.written().length;
    expect(mailsAfterFirst).toBeGreaterThan(0);
    const again = await decide(metCasusregie, coordinator, 'item-1', 'beslissing-0001');
    expect(again).toEqual(first);
    expect(outbox.written()).toHaveLength(mailsAfterFirst);
    expect(audit.of('decision.record')).toHaveLength(1);
    // The same key with another decision: refused, nothing recorded.
    const other = await refusal(
      decide({ kind: 'geen_ketenaanpak' } as DecisionFormInput, coordinator, 'item-1', 'beslissing-0001'),
    );
    expect([other.code, other.kind]).toEqual(['SUBMISSION_KEY_REUSED', 'conflict']);
    // Without a key, a second decision is the rule's 409.
    expect((await refusal(decide(metCasusregie))).code).toBe('ALREADY_DECIDED');
  });

  it('records the risk picture at instroom with the decision, as version 1 of the dossier', async () => {
    const { pictures, audit, decide } = setup();
    const riskPicture = {
      factors: [
        {
          factorKey: 'geweld-angst',
          mark: 'aanwezig' as const,
          motivation: 'vreest voor haar leven',
          clientIds: [CLIENT],
        },
        {
          factorKey: 'sociaal-steunfiguur',
          mark: 'niet-gekend' as const,
          motivation: undefined,
          clientIds: [],
        },
      ],
    };
    const result = await decide({ ...metCasusregie, riskPicture });
    expect(await pictures.picturesOf(undefined, 'd1')).toMatchObject([
      {
        version: 1,
        occasion: 'ico',
        instrumentKey: 'kijkschema-ifg',
        decisionId: result.decisionId,
        recordedById: 'coord-1',
        recordedAt: new Date(NOW),
        factors: [
          {
            factorKey: 'geweld-angst',
            mark: 'aanwezig',
            motivation: 'vreest voor haar leven',
            clientIds: [CLIENT],
          },
          { factorKey: 'sociaal-steunfiguur', mark: 'niet-gekend', motivation: null, clientIds: [] },
        ],
      },
    ]);
    expect(audit.of('risk-picture.record').map((e) => e.details)).toEqual([
      { code: 'CO3-2026-0031', version: 1, occasion: 'ico', factors: 2, present: 1 },
    ]);
  });

  it('refuses a picture with a factor the instrument does not know, naming the field, and keeps no decision', async () => {
    const { pictures, dossiers, uow, decide } = setup();
    const error = (await decide({
      ...metCasusregie,
      riskPicture: {
        factors: [
          { factorKey: 'geweld-onbekend', mark: 'niet-gekend', motivation: undefined, clientIds: [] },
        ],
      },
    }).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.errors.map((e) => [e.field, e.code])).toEqual([
      ['riskPicture.factors.0.factorKey', 'UNKNOWN_FACTOR'],
    ]);
    expect(await pictures.picturesOf(undefined, 'd1')).toEqual([]);
    expect(dossiers.dossiers.get('d1')!.phase).toBe('aangemeld');
    expect(uow.rollbacks).toBe(1);
  });

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
      casusregieStartDate: '2026-11-27',
      consentVerifiedById: 'coord-1',
      // The consent's day in Brussels (midnight there is 23:00 UTC the day before).
      consentVerifiedAt: new Date('2026-11-26T23:00:00Z'),
    });
    expect(dossiers.decisions.get(result.decisionId)).toMatchObject({
      dossierId: 'd1',
      agendaItemId: 'item-1',
      tableKey: 'ico',
      kind: 'met_casusregie',
      casusregisseurId: CR,
      startDate: '2026-11-27',
      terugkomdatum: null,
      vervolgoverlegDate: null,
      casusregisseurAbsent: false,
      bijkomendCasusoverlegDate: null,
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
    expect(outbox.written().map((r) => r.entry.recipientEmail)).toEqual([
      'aanmelder@example.org',
      'regisseur@example.org',
    ]);
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
    expect(row!.mail.subject).toBe(
      'Beslissing: CO3-2026-0031 – Verkennend casusoverleg (ICO) 27 november 2026 – CO3 Antwerpen',
    );
    // The advice as typed is case content: behind login, on the dossier's page.
    expect(row!.mail.text).not.toMatch(/CAW|Maak een veiligheidsplan/);
    expect(row!.mail.text).toContain('– advies voor het opmaken van een veiligheidsplan');
    expect(row!.mail.text).toContain('– het advies om het parket in te lichten (een parketmelding).');
    expect(row!.mail.text).toContain('https://overlegtafels.example.be/dossiers/CO3-2026-0031#beslissingen');
    expect(outbox.enqueued).toEqual([{ id: row!.id, key: row!.entry.key }]);
  });

  it('herbespreking: the dossier comes back on the ICO as the aanmelder’s agendapunt, with the aanmelder as guest', async () => {
    const { agenda, dossiers, decide } = setup();
    const result = await decide({ kind: 'herbespreking', missingInformation: 'De visie van de school.' });
    expect(result).toMatchObject({ phase: 'herbespreking', followUpItemId: 'ico-return-1' });
    expect(agenda.items.get('ico-return-1')).toMatchObject({
      dossierId: 'd1',
      tableKey: 'ico',
      itemType: 'herbespreking',
      // Theirs, as on the first ICO: the slot's mails go to them, not to the deciding coordinator.
      submittedById: 'am-1',
      guests: [{ kind: 'aanmelder', personId: 'am-1', email: 'aanmelder@example.org' }],
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
    // Only the attempt on another region's dossier is logged here (the region fence, outside the rollback).
    expect(audit.all().map((e) => [e.outcome, e.dossierId, e.details?.reason, e.tx])).toEqual(
      'regionId' in facts ? [['denied', 'd1', 'OTHER_REGION', undefined]] : [],
    );
  });

  it.each([
    ['ALREADY_DECIDED', icoItem({ status: 'discussed' })],
    ['ITEM_WITHDRAWN', icoItem({ status: 'withdrawn' })],
    ['SESSION_CANCELLED', icoItem({ session: { id: 'ico-s1', status: 'cancelled', startsAt: ICO_START } })],
    [
      'SESSION_NOT_HELD',
      icoItem({ session: { id: 'ico-s1', status: 'sent', startsAt: new Date('2026-11-27T11:00:00.001Z') } }),
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

  describe('tells whoever must hear of an ICO outcome, in the decision’s transaction', () => {
    const SUBJECT = 'Verkennend casusoverleg (ICO) 27 november 2026 – CO3 Antwerpen';
    const mailsOf = (outbox: FakeMailOutbox) =>
      outbox.written().map((r) => ({
        key: r.entry.key,
        purpose: r.entry.purpose,
        to: r.entry.recipientEmail,
        subject: r.mail.subject,
      }));

    it('met casusregie: the aanmelder, and the casusregisseur with the dossier link and the first obligations', async () => {
      const { outbox, uow, decide } = setup();
      const { decisionId } = await decide({
        ...metCasusregie,
        vervolgoverlegDate: '2027-01-12',
        casusregisseurAbsent: true,
        bijkomendCasusoverlegDate: '2026-12-03',
      });
      expect(mailsOf(outbox)).toEqual([
        {
          key: `instroom-letter|${decisionId}|am-1`,
          purpose: 'instroom-letter',
          to: 'aanmelder@example.org',
          subject: `Beslissing: CO3-2026-0031 – ${SUBJECT}`,
        },
        {
          key: `casusregie-appointed|${decisionId}|${CR}`,
          purpose: 'casusregie-appointed',
          to: 'regisseur@example.org',
          subject: `Casusregie: CO3-2026-0031 – ${SUBJECT}`,
        },
      ]);
      const [aanmelder, regisseur] = outbox.written();
      expect(aanmelder!.mail.text).toContain('met casusregie vanaf vrijdag 27 november 2026.');
      expect(aanmelder!.mail.text).toContain(
        'Het eerste vervolgoverleg is vastgelegd op dinsdag 12 januari 2027.',
      );
      expect(aanmelder!.mail.text).not.toContain('Chris Regisseur');
      expect(regisseur!.mail.text).toContain('Beste Chris Regisseur,');
      expect(regisseur!.mail.text).toContain('Op donderdag 3 december 2026 volgt een bijkomend casusoverleg');
      expect(regisseur!.mail.text).toContain(
        'Uw eerste opvolging:\n' +
          '– Bijkomend casusoverleg met de casusregisseur: uiterlijk donderdag 3 december 2026 om 17:00\n' +
          '– Eerste plan van aanpak op de Weegploeg: uiterlijk maandag 25 januari 2027 om 12:00\n',
      );
      expect(regisseur!.mail.text).toContain(
        'https://overlegtafels.example.be/dossiers/CO3-2026-0031#beslissingen',
      );
      expect(regisseur!.mail.text).toContain('https://overlegtafels.example.be/opvolging');
      expect(outbox.written().every((r) => r.tx === uow.tx)).toBe(true);
      expect(outbox.enqueued.map((m) => m.key)).toEqual(mailsOf(outbox).map((m) => m.key));
    });

    it('an aanmelder who takes on casusregie gets the casusregisseur’s letter only', async () => {
      const { outbox, decide } = setup({ aanmelderId: CR });
      await decide(metCasusregie);
      expect(mailsOf(outbox).map((m) => [m.purpose, m.to])).toEqual([
        ['casusregie-appointed', 'regisseur@example.org'],
      ]);
    });

    it('zonder casusregisseur: the aanmelder with the criminologists’ address, and the criminologists with the aanmelder’s', async () => {
      const { outbox, decide } = setup();
      const { decisionId } = await decide({ kind: 'zonder_casusregisseur' });
      expect(mailsOf(outbox)).toEqual([
        {
          key: `zonder-casusregisseur-letter|${decisionId}|am-1`,
          purpose: 'zonder-casusregisseur-letter',
          to: 'aanmelder@example.org',
          subject: `Beslissing: CO3-2026-0031 – ${SUBJECT}`,
        },
        {
          key: `criminologen-referral|${decisionId}|criminologen@co3.example.be`,
          purpose: 'criminologen-referral',
          to: 'criminologen@co3.example.be',
          subject: `Beslissing: CO3-2026-0031 – ${SUBJECT}`,
        },
      ]);
      const [aanmelder, criminologen] = outbox.written();
      expect(aanmelder!.mail.text).toContain('U bereikt hen op criminologen@co3.example.be.');
      expect(criminologen!.mail.text).toContain('Anke Aanmelder\naanmelder@example.org');
      expect(criminologen!.entry.recipientPersonId).toBeNull();
    });

    it('refuses zonder casusregisseur for an aanmelder I.I does not name, naming the field, and mails nobody', async () => {
      const { outbox, dossiers, decide } = setup({ aanmelderOrganisationKind: 'cgg' });
      const error = await refusal(decide({ kind: 'zonder_casusregisseur' }));
      expect([error.code, error.kind, error.field]).toEqual([
        'AANMELDER_NOT_ELIGIBLE',
        'unprocessable',
        'kind',
      ]);
      expect(error.message).toContain('deze aanmelder is van CGG');
      expect([outbox.written(), outbox.enqueued, dossiers.decisions.all()]).toEqual([[], [], []]);
    });

    it('geen instemming: the advice (behind login) and the returns left to the aanmelder', async () => {
      const { outbox, decide } = setup();
      await decide({ kind: 'geen_instemming', adviceText: 'Bespreek veiligheidsafspraken met de moeder.' });
      const [row] = outbox.written();
      expect([row!.entry.purpose, row!.entry.recipientEmail, row!.mail.subject]).toEqual([
        'no-consent-letter',
        'aanmelder@example.org',
        `Beslissing: CO3-2026-0031 – ${SUBJECT}`,
      ]);
      expect(row!.mail.text).not.toContain('moeder');
      expect(row!.mail.text).toContain('De partners geven u advies om intussen de veiligheid te verhogen.');
      expect(row!.mail.text).toContain('U kunt nog 2 keer terugkomen naar het verkennend casusoverleg');
    });

    it('herbespreking: the aanmelder is told of the next ICO and when its invitation comes', async () => {
      const { outbox, decide } = setup();
      await decide({ kind: 'herbespreking', missingInformation: 'De visie van de school.' });
      const [row] = outbox.written();
      expect([row!.entry.purpose, row!.entry.recipientEmail]).toEqual([
        'herbespreking-letter',
        'aanmelder@example.org',
      ]);
      expect(row!.mail.text).toContain(
        'Het dossier komt daarom terug op de zitting Verkennend casusoverleg (ICO) van vrijdag 11 december 2026',
      );
      expect(row!.mail.text).toContain('wanneer de agenda vertrekt, op donderdag 10 december 2026 om 13:00.');
      expect(row!.mail.text).not.toContain('school');
    });

    it('refuses a bijkomend casusoverleg without its date, naming the field', async () => {
      const { outbox, decide } = setup();
      const error = await refusal(decide({ ...metCasusregie, casusregisseurAbsent: true }));
      expect([error.code, error.field]).toEqual(['FIELD_REQUIRED', 'bijkomendCasusoverlegDate']);
      expect(outbox.written()).toEqual([]);
    });

    it('stores what the ICO planned with the decision', async () => {
      const { dossiers, decide } = setup();
      const { decisionId } = await decide({
        ...metCasusregie,
        vervolgoverlegDate: '2027-01-12',
        casusregisseurAbsent: true,
        bijkomendCasusoverlegDate: '2026-12-03',
      });
      expect(dossiers.decisions.get(decisionId)).toMatchObject({
        vervolgoverlegDate: '2027-01-12',
        casusregisseurAbsent: true,
        bijkomendCasusoverlegDate: '2026-12-03',
      });
    });
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
      casusregiePlannedStartDate: '2026-11-27',
      casusregieStartDate: null,
      consentVerifiedAt: null,
      consentVerifiedById: null,
    });
    expect(dossiers.decisions.get(result.decisionId)).toMatchObject({ startDate: '2026-11-27' });
  });

  it('keeps who gave the consent when the ICO records it', async () => {
    const { dossiers, decide } = setup();
    await decide({ ...metCasusregie, consentVerifiedOn: '2026-11-25', consentGivenBy: 'grootmoeder' });
    expect(dossiers.dossiers.get('d1')).toMatchObject({
      casusregieStartDate: '2026-11-27',
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
    expect(consulted.dossiers.dossiers.get('d1')!.afrondingDate).toBe('2026-11-27');
  });
});
