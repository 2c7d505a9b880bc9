import type { AppConfig } from '@overlegtafels/config';
import { emailAddress, MailComposer, mailIdentity } from '@overlegtafels/mail';
import {
  ControlledClock,
  FAKE_SESSION_ID,
  FakeAgendaPlacement,
  FakeAuditLog,
  FakeDossierChanged,
  FakeDossierRepository,
  FakeMailOutbox,
  FakeOrganisationDirectory,
  FakeRegionRepository,
  FakeSubmissionLedger,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AanmeldingInput } from './submit-aanmelding.command';
import { AgendaRefusal, InputError } from '../errors';
import type { Actor } from '../agenda/agenda-views';
import { SubmittedOnce } from '../submissions/submitted-once';
import { SubmitAanmeldingUseCase } from './submit-aanmelding.usecase';

const config = { regions: ['co3-antwerpen'], publicUrl: 'https://overleg.example.be' } as AppConfig;
const composer = new MailComposer(mailIdentity('overlegtafels@co3.example.be', 'CO3 Antwerpen'));
const aanmelder: Actor = { personId: 'am-1', regionId: 'region-1', route: 'POST /aanmelding' };
const ORG = '6f0c2a8e-4b7d-4c1e-9a3f-2d5e8b1c7a90';

const form = (over: Partial<AanmeldingInput> = {}): AanmeldingInput => ({
  organisationId: ORG,
  contactEmail: emailAddress('aanmelder@example.org'),
  contactPhone: undefined,
  whyNow: 'Derde interventie.',
  regionAnswers: {},
  violenceDescription: 'Partnergeweld (fictief).',
  situationAtStart: 'Gezin met een kind.',
  situationNow: 'Tijdelijk apart.',
  mainRisks: 'Herhaling.',
  clients: [
    {
      label: 'Ouder A',
      role: 'slachtoffer',
      age: 35,
      over12: true,
      relation: undefined,
      wishesAndNeeds: undefined,
    },
  ],
  clientRelations: 'Partners.',
  servicesInvolved: 'Politie.',
  safetyPlanExists: false,
  safetyPlanDescription: undefined,
  questionsAndExpectations: 'Een casusregisseur.',
  confidentialityConfirmed: true,
  familyInformed: true,
  familyNotInformedReason: undefined,
  ...over,
});

function setup() {
  const dossiers = new FakeDossierRepository();
  const placement = new FakeAgendaPlacement();
  const organisations = new FakeOrganisationDirectory([
    { id: ORG, regionId: 'region-1', active: true },
    { id: 'org-inactive', regionId: 'region-1', active: false },
    { id: 'org-elsewhere', regionId: 'region-2', active: true },
  ]);
  const audit = new FakeAuditLog();
  const outbox = new FakeMailOutbox();
  const ledger = new FakeSubmissionLedger();
  const uow = new FakeUnitOfWork(dossiers, placement, audit, outbox, ledger);
  const changed = new FakeDossierChanged();
  // 31 December, 23:30 in Brussels is already the new year there.
  const clock = new ControlledClock('2026-12-31T23:30:00Z');
  const useCase = new SubmitAanmeldingUseCase(
    uow,
    dossiers,
    placement,
    organisations,
    new FakeRegionRepository({ 'co3-antwerpen': 'region-1' }),
    audit,
    composer,
    outbox,
    changed,
    clock,
    config,
    new SubmittedOnce(ledger),
  );
  const submit = (over: Partial<AanmeldingInput> = {}, submissionKey?: string) =>
    useCase.execute({ actor: aanmelder, aanmelding: form(over), ...(submissionKey && { submissionKey }) });
  return { dossiers, placement, audit, outbox, uow, changed, submit };
}

describe('SubmitAanmeldingUseCase', () => {
  it('files nothing new for a submission key it has seen from the same aanmelder, and answers the first result', async () => {
    const { dossiers, placement, outbox, submit } = setup();
    const first = await submit({}, 'formulier-0001');
    const again = await submit({}, 'formulier-0001');
    expect(again).toEqual({ ...first, repeated: true });
    expect(dossiers.dossiers.all()).toHaveLength(1);
    expect(placement.requests()).toHaveLength(1);
    expect(outbox.written()).toHaveLength(1);
    // The same key with other answers: refused (409), nothing filed.
    const changed = await submit({ whyNow: 'Nog eens verstuurd, anders.' }, 'formulier-0001').catch(
      (e: unknown) => e,
    );
    expect(changed).toBeInstanceOf(AgendaRefusal);
    expect([(changed as AgendaRefusal).code, (changed as AgendaRefusal).kind]).toEqual([
      'SUBMISSION_KEY_REUSED',
      'conflict',
    ]);
    expect(dossiers.dossiers.all()).toHaveLength(1);
    const other = await submit({}, 'formulier-0002');
    expect([other.repeated, other.dossierCode]).toEqual([undefined, 'CO3-2027-0002']);
  });

  it('opens a dossier with the next code of the Brussels year and places its aanmelding on the ICO', async () => {
    const { dossiers, placement, uow, changed, submit } = setup();
    const first = await submit();
    const second = await submit();
    expect([first.dossierCode, second.dossierCode]).toEqual(['CO3-2027-0001', 'CO3-2027-0002']);
    const stored = dossiers.dossiers.get(first.dossierId)!;
    expect(stored).toMatchObject({
      phase: 'aangemeld',
      regionId: 'region-1',
      aanmelderId: 'am-1',
      code: 'CO3-2027-0001',
    });
    expect(stored.aanmelding).toMatchObject({
      whyNow: 'Derde interventie.',
      submittedAt: new Date('2026-12-31T23:30:00Z'),
    });
    expect(placement.requests()[0]).toEqual({
      itemId: first.agendaItemId,
      tx: uow.tx,
      request: {
        tableKey: 'ico',
        itemType: 'aanmelding',
        dossierId: first.dossierId,
        submittedAt: new Date('2026-12-31T23:30:00Z'),
        submittedById: 'am-1',
        aanmeldingId: expect.any(String),
        guests: [{ kind: 'aanmelder', personId: 'am-1', email: 'aanmelder@example.org' }],
      },
    });
    expect(changed.dossiers.map((c) => [c.dossierId, c.tx])).toEqual([
      [first.dossierId, uow.tx],
      [second.dossierId, uow.tx],
    ]);
  });

  it('audits with codes and ids only, and mails the confirmation with its invitation through the outbox', async () => {
    const { audit, outbox, uow, submit } = setup();
    const result = await submit();
    expect(audit.of('aanmelding.create')).toEqual([
      {
        actorPersonId: 'am-1',
        action: 'aanmelding.create',
        entityType: 'dossier',
        entityId: result.dossierId,
        dossierId: result.dossierId,
        outcome: 'allowed',
        route: 'POST /aanmelding',
        details: { code: result.dossierCode, agendaItemId: result.agendaItemId, sessionId: FAKE_SESSION_ID },
      },
    ]);
    const [row] = outbox.written();
    expect(row!.entry).toEqual({
      key: `aanmelding-received|${result.agendaItemId}|am-1|0`,
      purpose: 'aanmelding-received',
      recipientEmail: 'aanmelder@example.org',
      recipientPersonId: 'am-1',
      sessionId: FAKE_SESSION_ID,
      agendaItemId: result.agendaItemId,
      dossierId: result.dossierId,
      sequence: 0,
    });
    expect(row!.tx).toBe(uow.tx);
    expect(row!.mail.ics).toBeDefined();
    expect(row!.mail.subject).not.toContain('Partnergeweld');
    expect(outbox.enqueued.map((m) => m.id)).toEqual([row!.id]);
  });

  it.each([
    ['an unknown organisation', 'org-unknown'],
    ['an inactive organisation', 'org-inactive'],
    ['an organisation of another region', 'org-elsewhere'],
  ])('refuses %s per field, before anything is written', async (_, organisationId) => {
    const { dossiers, uow, submit } = setup();
    const error = await submit({ organisationId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors.map((e) => [e.field, e.code])).toEqual([
      ['organisationId', 'UNKNOWN'],
    ]);
    expect([dossiers.dossiers.all(), uow.commits + uow.rollbacks]).toEqual([[], 0]);
  });

  it.each([
    ['no_session', 'NO_SESSION_IN_RANGE'],
    ['full', 'SESSION_FULL'],
  ] as const)(
    'refuses when the ICO answers %s: no dossier, no number, no mail, no audit',
    async (reason, code) => {
      const { dossiers, placement, audit, outbox, changed, submit } = setup();
      placement.refuse = reason;
      const error = await submit().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AgendaRefusal);
      expect([(error as AgendaRefusal).code, (error as AgendaRefusal).kind]).toEqual([code, 'unprocessable']);
      expect([
        dossiers.dossiers.all(),
        audit.all(),
        outbox.written(),
        outbox.enqueued,
        changed.dossiers,
      ]).toEqual([[], [], [], [], []]);
      // The number was given back with the rollback: the next aanmelding gets the first code.
      placement.refuse = undefined;
      await expect(submit()).resolves.toMatchObject({ dossierCode: 'CO3-2027-0001' });
    },
  );
});
