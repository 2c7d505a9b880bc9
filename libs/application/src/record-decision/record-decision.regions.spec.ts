import type { AppConfig } from '@overlegtafels/config';
import { MailComposer, mailIdentity } from '@overlegtafels/mail';
import { getRegion } from '@overlegtafels/regions';
import {
  ControlledClock,
  FakeAuditLog,
  FakeDecisionAgenda,
  FakeDossierChanged,
  FakeDossierRecord,
  FakeDossierRepository,
  fakeDossier,
  fakeDossierRecord,
  FakeItemToDecide,
  FakeMailOutbox,
  FakeObligationRepository,
  FakePersonDirectory,
  FakeRiskPictureRepository,
  FakeSubmissionLedger,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AgendaRefusal } from '../errors';
import { ObligationRules } from '../obligations/obligation-rules';
import { RiskPictureRecorder } from '../record-risk-picture/risk-picture-recorder';
import { SubmittedOnce } from '../submissions/submitted-once';
import { DecisionLetters } from './decision-letters';
import { DecisionActor, DecisionFormInput } from './record-decision.command';
import { RecordDecisionUseCase } from './record-decision.usecase';

/**
 * The decision use case of every region takes its rules from the region's dossier life: a
 * decision on Vlaams-Brabant's triage overleg (once refused as an unknown table, the rules being
 * CO3's) is accepted and makes the transition its configuration gives. Fictitious people only.
 */

const coordinator: DecisionActor = {
  personId: 'coord-1',
  regionId: 'region-1',
  route: 'POST /api/agenda-items/:id/decision',
  coordinatorTables: 'all',
};
// The triage overleg of Wednesday 25 November 2026, 10:00 in Brussels; recorded at noon.
const TRIAGE_START = new Date('2026-11-25T09:00:00Z');
const NOW = '2026-11-25T11:00:00Z';
const CR = '6f0c2a8e-4b7d-4c1e-9a3f-2d5e8b1c7a90';

function setup(
  regionKey: string,
  item: Partial<FakeItemToDecide>,
  dossier: Partial<FakeDossierRecord> = {},
  now = NOW,
) {
  const config = { regions: [regionKey], publicUrl: 'https://overlegtafels.example.be' } as AppConfig;
  const composer = new MailComposer(mailIdentity('overlegtafels@vh.example.be', 'Veilig Huis'));
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({
      id: 'd1',
      code: 'VHVB-2026-0007',
      aanmelderId: 'am-1',
      aanmelderOrganisationKind: 'politie',
      ...dossier,
    }),
  ]);
  const agenda = new FakeDecisionAgenda([
    {
      id: 'item-1',
      dossierId: 'd1',
      tableKey: 'triage-overleg',
      itemType: 'aanmelding',
      status: 'placed',
      session: { id: 'triage-s1', status: 'sent', startsAt: TRIAGE_START },
      ...item,
    },
  ]);
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
  const pictures = new FakeRiskPictureRepository({ d1: [] });
  const ledger = new FakeSubmissionLedger();
  const uow = new FakeUnitOfWork(dossiers, agenda, audit, outbox, pictures, ledger, ...obligations.stores);
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
    new FakeDossierChanged(),
    new ControlledClock(now),
    config,
    new RiskPictureRecorder(pictures, audit, config),
    new SubmittedOnce(ledger),
  );
  const decide = (decision: DecisionFormInput) =>
    useCase.execute({ actor: coordinator, itemId: 'item-1', decision });
  return { dossiers, agenda, audit, decide };
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
  startDate: '2026-11-30',
  consentVerified: true,
  consentVerifiedOn: undefined,
  casusregisseurAbsent: false,
};

describe('a decision on a table of Vlaams-Brabant, through the record-decision use case', () => {
  it('the triage overleg takes up a dossier: casusregie with its casusregisseur, as its dossier life says', async () => {
    const life = getRegion('vlaams-brabant')!.dossierLife;
    expect(life.transitions.met_casusregie).toEqual({
      from: ['aangemeld', 'herbespreking'],
      to: 'casusregie',
    });
    const { dossiers, agenda, audit, decide } = setup('vlaams-brabant', {});
    const result = await decide({ ...metCasusregie, traject: 'spoor-3' });
    expect(result).toEqual({
      decisionId: expect.any(String),
      dossierCode: 'VHVB-2026-0007',
      phase: 'casusregie',
    });
    expect(dossiers.dossiers.get('d1')).toMatchObject({
      phase: 'casusregie',
      casusregisseurId: CR,
      casusregieStartDate: '2026-11-30',
      traject: 'spoor-3',
    });
    expect(dossiers.decisions.get(result.decisionId)).toMatchObject({
      kind: 'met_casusregie',
      agendaItemId: 'item-1',
      priorState: expect.objectContaining({ traject: null }),
      resultState: expect.objectContaining({ traject: 'spoor-3' }),
    });
    expect(agenda.items.get('item-1')!.status).toBe('discussed');
    expect(audit.of('decision.record')).toHaveLength(1);
    expect(audit.of('decision.record')[0]!.details).toMatchObject({
      kind: 'met_casusregie',
      traject: 'spoor-3',
    });
  });

  it('the triage overleg must choose a traject when it takes a dossier up, naming the field, and writes nothing', async () => {
    const { dossiers, audit, decide } = setup('vlaams-brabant', {});
    const missing = await refusal(decide(metCasusregie));
    expect([missing.code, missing.field, missing.message]).toEqual([
      'FIELD_REQUIRED',
      'traject',
      'Traject: kies spoor 2 (casusondersteuning, 4 tot 6 maanden) of spoor 3 (intensieve casusregie, ongeveer een jaar).',
    ]);
    const unknown = await refusal(decide({ ...metCasusregie, traject: 'spoor-1' }));
    expect([unknown.code, unknown.field]).toEqual(['FIELD_INVALID', 'traject']);
    expect(unknown.message).toMatch(/^Traject: "spoor-1" is geen traject; kies spoor 2/);
    expect(dossiers.dossiers.get('d1')).toMatchObject({ phase: 'aangemeld', traject: null });
    expect(audit.of('decision.record')).toHaveLength(0);
  });

  it('a decision that records no traject refuses one', async () => {
    const { dossiers, decide } = setup('vlaams-brabant', {});
    const refused = await refusal(
      decide({ kind: 'herbespreking', missingInformation: 'De risicotaxatie.', traject: 'spoor-2' }),
    );
    expect([refused.code, refused.field, refused.message]).toEqual([
      'FIELD_INVALID',
      'traject',
      'Deze beslissing legt geen traject vast.',
    ]);
    expect(dossiers.dossiers.get('d1')!.phase).toBe('aangemeld');
  });

  it('"geen actief aanbod": geen ketenaanpak, the dossier ends', async () => {
    const { dossiers, decide } = setup('vlaams-brabant', {});
    const result = await decide({
      kind: 'geen_ketenaanpak',
      adviceText: 'Neem contact op met het CAW.',
      safetyPlanAdvice: 'Maak een veiligheidsplan.',
      parketmeldingAdvies: false,
    });
    expect(result.phase).toBe('geen_ketenaanpak');
    expect(dossiers.dossiers.get('d1')!.phase).toBe('geen_ketenaanpak');
  });

  it('refuses what the triage overleg does not decide, naming the decisions it does, and writes nothing', async () => {
    const { dossiers, audit, decide } = setup('vlaams-brabant', {});
    const refused = await refusal(decide({ kind: 'zonder_casusregisseur' } as DecisionFormInput));
    expect(refused.code).toBe('DECISION_NOT_FOR_ITEM');
    expect(refused.message).toBe(
      'De beslissing "ketenaanpak zonder casusregisseur" hoort niet bij een agendapunt aanmelding op het ' +
        'triage-overleg. Mogelijk zijn: "geen ketenaanpak", "ketenaanpak met casusregie" of "herbespreking".',
    );
    expect(dossiers.dossiers.get('d1')!.phase).toBe('aangemeld');
    expect(audit.of('decision.record')).toHaveLength(0);
  });

  it('the casusoverleg spoor 3 rounds off casusregie at an evaluation (afgerond)', async () => {
    const { dossiers, decide } = setup(
      'vlaams-brabant',
      {
        tableKey: 'casusoverleg-spoor-3',
        itemType: 'evaluatie',
        session: { id: 'spoor3-s1', status: 'sent', startsAt: new Date('2027-05-13T12:30:00Z') },
      },
      {
        phase: 'casusregie',
        casusregisseurId: CR,
        casusregieStartDate: '2026-11-30',
        consentVerifiedById: CR,
        consentVerifiedAt: new Date('2026-11-29T23:00:00Z'),
      },
      '2027-05-13T15:00:00Z',
    );
    const result = await decide({ kind: 'afronding_goedgekeurd' } as DecisionFormInput);
    expect(result.phase).toBe('afgerond');
    expect(dossiers.dossiers.get('d1')).toMatchObject({ phase: 'afgerond', afrondingDate: '2027-05-13' });
  });
});

describe('the other regions decide on their own tables', () => {
  it("West-Vlaanderen's overlegtafel sends an aanmelding with missing information back for the weging", async () => {
    const { dossiers, agenda, decide } = setup('west-vlaanderen', { tableKey: 'overlegtafel' });
    const result = await decide({ kind: 'herbespreking', missingInformation: 'De informatie van het CLB.' });
    expect(result.phase).toBe('herbespreking');
    expect(dossiers.dossiers.get('d1')!.phase).toBe('herbespreking');
    expect(result.followUpItemId).toBeDefined();
    expect(agenda.items.get(result.followUpItemId!)).toMatchObject({ dossierId: 'd1' });
  });

  it("Oost-Vlaanderen's team regie knows no zonder casusregisseur", async () => {
    const { dossiers, decide } = setup('oost-vlaanderen', { tableKey: 'team-regie' });
    expect((await refusal(decide({ kind: 'zonder_casusregisseur' } as DecisionFormInput))).code).toBe(
      'DECISION_NOT_FOR_ITEM',
    );
    expect(dossiers.dossiers.get('d1')!.phase).toBe('aangemeld');
  });
});
