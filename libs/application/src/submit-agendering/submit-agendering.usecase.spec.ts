import type { AppConfig } from '@overlegtafels/config';
import { placeOnOrAfter, SessionTooEarly } from '@overlegtafels/domain';
import { CO3_ANTWERPEN } from '@overlegtafels/regions';
import { emailAddress, MailComposer, mailIdentity } from '@overlegtafels/mail';
import {
  ControlledClock,
  FAKE_SESSION_ID,
  FakeAgendaPlacement,
  fakeItemId,
  FakeAuditLog,
  FakeDossierRecord,
  FakeDossierChanged,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeMailOutbox,
  FakePersonDirectory,
  FakeRiskPictureRepository,
  FakePlanVanAanpakRepository,
  FakeSubmissionLedger,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AgendaRefusal, InputError } from '../errors';
import { AgenderingActor, AgenderingInput, UploadedFile } from './submit-agendering.command';
import { DocumentRejected, DocumentStore, StoredDocument } from '../documents/document-store';
import { SubmitAgenderingUseCase } from './submit-agendering.usecase';
import { InterimEvaluationPicture } from '../record-risk-picture/interim-evaluation-picture';
import { RiskPictureRecorder } from '../record-risk-picture/risk-picture-recorder';
import { SubmittedOnce } from '../submissions/submitted-once';

const config = {
  regions: ['co3-antwerpen'],
  publicUrl: 'https://overleg.example.be',
  dataDir: '/nowhere',
} as AppConfig;
const composer = new MailComposer(mailIdentity('overlegtafels@co3.example.be', 'CO3 Antwerpen'));
const CODE = 'CO3-2026-0042';
const casusregisseur: AgenderingActor = {
  personId: 'cr-1',
  regionId: 'region-1',
  route: 'POST /agendering',
  isCoordinator: false,
};

/** Keeps "stored" documents in memory; only bytes starting with %PDF pass, as the real check would. */
class MemoryDocumentStore extends DocumentStore {
  readonly saved: Buffer[] = [];
  readonly discarded: string[] = [];
  override async discard(storageKey: string): Promise<void> {
    this.discarded.push(storageKey);
  }
  override async save(bytes: Buffer): Promise<StoredDocument> {
    if (!bytes.subarray(0, 4).equals(Buffer.from('%PDF')))
      throw new DocumentRejected('UNSUPPORTED_TYPE', 'Enkel PDF-, DOCX- of ODT-bestanden zijn toegelaten.');
    this.saved.push(bytes);
    return {
      storageKey: 'ab/key',
      kind: 'pdf',
      mimeType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: 'f00',
    };
  }
}

/** The answers a Weegploeg plan van aanpak needs (annex G, step 1). */
const BRIEF = {
  whyNow: 'Het eerste plan na twee maanden casusregie.',
  domains: ['geweld', 'kind'],
  safetyAgreements: 'Veiligheidsplan met de moeder; de vader komt niet naar de woning.',
  childrenOver12Heard: 'ja' as const,
};

/** A written draft of one row, as the casusregisseur left it. */
const DRAFT = {
  profiles: ['situationeel-geweld'],
  rows: [
    {
      id: 'row-1',
      domainKey: 'geweld',
      factorKey: 'geweld-escalatie',
      bijWie: ['client-1'],
      noden: 'Rust',
      aanpakOpMaat: 'Korte gesprekken',
      actie: 'Veiligheidsplan',
      begeleiding: { text: 'CAW' },
      standVanZaken: 'Gestart',
    },
  ],
};

const PDF: UploadedFile = { originalName: 'C:\\temp\\Plan.PDF', bytes: Buffer.from('%PDF-1.4 plan') };

function setup(facts: Partial<FakeDossierRecord> = {}, options: { written?: boolean } = {}) {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({
      id: 'd1',
      code: CODE,
      phase: 'casusregie',
      casusregisseurId: 'cr-1',
      casusregieStartDate: '2026-10-01',
      ...facts,
    }),
  ]);
  const placement = new FakeAgendaPlacement();
  const people = new FakePersonDirectory([
    { id: 'cr-1', email: 'cr@example.org', displayName: 'Casus Regisseur' },
  ]);
  const audit = new FakeAuditLog();
  const outbox = new FakeMailOutbox();
  const pictures = new FakeRiskPictureRepository();
  const plans = new FakePlanVanAanpakRepository();
  if (options.written !== false) {
    void plans.saveDraft({} as never, 'd1', DRAFT, {
      personId: 'cr-1',
      at: new Date('2026-11-20T10:00:00Z'),
    });
  }
  const ledger = new FakeSubmissionLedger();
  const uow = new FakeUnitOfWork(dossiers, placement, audit, outbox, pictures, plans, ledger);
  const changed = new FakeDossierChanged();
  const documents = new MemoryDocumentStore(config);
  const useCase = new SubmitAgenderingUseCase(
    uow,
    dossiers,
    placement,
    people,
    audit,
    documents,
    composer,
    outbox,
    changed,
    new ControlledClock('2026-12-01T10:00:00Z'),
    config,
    new InterimEvaluationPicture(pictures, new RiskPictureRecorder(pictures, audit, config), config),
    plans,
    new SubmittedOnce(ledger),
  );
  const submit = (
    agendering: Partial<Omit<AgenderingInput, 'brief'>> & { readonly brief?: object } = {},
    document?: UploadedFile,
    actor = casusregisseur,
    submissionKey?: string,
  ) =>
    useCase.execute({
      actor,
      agendering: {
        dossierCode: CODE,
        tableKey: 'ronde-tafel',
        itemType: 'vraag',
        questions: 'Wat weet de school?',
        guests: [],
        brief: BRIEF,
        ...agendering,
      } as AgenderingInput,
      ...(document && { document }),
      ...(submissionKey && { submissionKey }),
    });
  return { dossiers, placement, audit, outbox, uow, changed, documents, plans, ledger, submit };
}

async function refusal(work: Promise<unknown>): Promise<AgendaRefusal> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgendaRefusal);
  return error as AgendaRefusal;
}

async function inputError(work: Promise<unknown>): Promise<[string, string][]> {
  const error = await work.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).errors.map((e) => [e.field, e.code]);
}

describe('SubmitAgenderingUseCase', () => {
  it('with a submission key used before makes nothing and answers the first result (issue #15)', async () => {
    const { placement, outbox, ledger, documents, submit } = setup();
    const pdf = { originalName: 'plan.pdf', bytes: Buffer.from('%PDF-1.4 x') };
    const first = await submit({}, pdf, casusregisseur, 'key-0001-abcd');
    const again = await submit({}, pdf, casusregisseur, 'key-0001-abcd');
    expect(again).toEqual({ ...first, repeated: true });
    expect(placement.requests()).toHaveLength(1);
    expect(outbox.written()).toHaveLength(1);
    expect(ledger.rows).toHaveLength(1);
    // The repeat's copy of the file is not kept.
    expect(documents.discarded).toEqual(['ab/key']);
    expect(ledger.rows[0]).toMatchObject({
      ref: { actorPersonId: 'cr-1', scope: 'agendering', key: 'key-0001-abcd' },
      resultId: first.agendaItemId,
    });
  });

  it('refuses a submission key sent again with other content (409), making nothing', async () => {
    const { placement, outbox, submit } = setup();
    await submit({}, undefined, casusregisseur, 'key-0002-abcd');
    const error = await refusal(
      submit({ questions: 'Iets anders?' }, undefined, casusregisseur, 'key-0002-abcd'),
    );
    expect([error.code, error.kind]).toEqual(['SUBMISSION_KEY_REUSED', 'conflict']);
    expect(error.message).toMatch(/al verstuurd, met andere gegevens/);
    expect(placement.requests()).toHaveLength(1);
    expect(outbox.written()).toHaveLength(1);
  });

  it('leaves a key free when the submission was refused, so the corrected one goes through', async () => {
    const { placement, ledger, submit } = setup();
    await refusal(submit({ dossierCode: 'CO3-2026-0999' }, undefined, casusregisseur, 'key-0003-abcd'));
    expect(ledger.rows).toEqual([]);
    await submit({}, undefined, casusregisseur, 'key-0003-abcd');
    expect(placement.requests()).toHaveLength(1);
  });

  it('places the agendapunt with its guests, re-plans the obligations, audits and mails the casusregisseur', async () => {
    const { placement, audit, outbox, uow, changed, submit } = setup();
    const result = await submit({
      guests: [{ kind: 'consulent', email: emailAddress('Nadia@example.be'), name: undefined }],
    });
    expect(result).toMatchObject({
      agendaItemId: fakeItemId(1),
      dossierCode: CODE,
      slot: { sessionId: FAKE_SESSION_ID },
    });
    expect(placement.requests()).toEqual([
      {
        itemId: fakeItemId(1),
        tx: uow.tx,
        request: {
          tableKey: 'ronde-tafel',
          itemType: 'vraag',
          dossierId: 'd1',
          submittedAt: new Date('2026-12-01T10:00:00Z'),
          submittedById: 'cr-1',
          question: 'Wat weet de school?',
          documentId: null,
          guests: [{ kind: 'consulent', email: 'Nadia@example.be', name: null }],
        },
      },
    ]);
    expect(changed.dossiers).toEqual([{ dossierId: 'd1', tx: uow.tx }]);
    expect(audit.of('agendering.create')).toEqual([
      {
        actorPersonId: 'cr-1',
        action: 'agendering.create',
        entityType: 'agenda_item',
        entityId: fakeItemId(1),
        dossierId: 'd1',
        outcome: 'allowed',
        route: 'POST /agendering',
        details: {
          code: CODE,
          tableKey: 'ronde-tafel',
          itemType: 'vraag',
          planVersion: 1,
          sessionId: FAKE_SESSION_ID,
          documentId: null,
        },
      },
    ]);
    const [mail] = outbox.written();
    expect(mail!.entry).toEqual({
      key: `agendering-received|${fakeItemId(1)}|cr-1`,
      purpose: 'agendering-received',
      recipientEmail: 'cr@example.org',
      recipientPersonId: 'cr-1',
      sessionId: FAKE_SESSION_ID,
      agendaItemId: fakeItemId(1),
      dossierId: 'd1',
    });
    expect(mail!.mail.subject).not.toContain('school');
    expect(outbox.enqueued.map((m) => m.id)).toEqual([mail!.id]);
  });

  it('a Weegploeg plan van aanpak stores its document with a clean name and links it to the item', async () => {
    const { dossiers, placement, documents, submit } = setup();
    await submit({ tableKey: 'weegploeg', itemType: 'plan-van-aanpak' }, PDF);
    expect(documents.saved).toHaveLength(1);
    const [doc] = dossiers.dossiers.get('d1')!.documents!;
    expect(doc).toMatchObject({
      fileName: 'Plan.pdf',
      sha256: 'f00',
      uploadedById: 'cr-1',
      storageKey: 'ab/key',
    });
    expect(placement.requests()[0]!.request.documentId).toBe(doc!.id);
  });

  it('the aanmelder may bring a dossier without casusregisseur back to the ICO', async () => {
    const { placement, submit } = setup({
      phase: 'herbespreking',
      casusregisseurId: null,
      casusregieStartDate: null,
      aanmelderId: 'am-1',
    });
    await submit({ tableKey: 'ico', itemType: 'herbespreking' }, undefined, {
      ...casusregisseur,
      personId: 'am-1',
    });
    expect(placement.requests()[0]!.request).toMatchObject({
      tableKey: 'ico',
      itemType: 'herbespreking',
      submittedById: 'am-1',
    });
  });

  it.each([
    ['an unknown table', { tableKey: 'bestaat-niet' }, undefined, [['tableKey', 'UNKNOWN']]],
    ['an item type of another table', { itemType: 'plan-van-aanpak' }, undefined, [['itemType', 'UNKNOWN']]],
    [
      'a Weegploeg plan without the answers of annex G',
      { tableKey: 'weegploeg', itemType: 'plan-van-aanpak', brief: { domains: ['geweld'] } },
      undefined,
      [
        ['brief.whyNow', 'INVALID_TYPE'],
        ['brief.safetyAgreements', 'INVALID_TYPE'],
        ['brief.childrenOver12Heard', 'INVALID_VALUE'],
      ],
    ],
    [
      'a domain the instrument does not have',
      { tableKey: 'weegploeg', itemType: 'plan-van-aanpak', brief: { ...BRIEF, domains: ['weer'] } },
      undefined,
      [['brief.domains', 'UNKNOWN']],
    ],
    [
      'children not all heard without saying how they will be',
      { brief: { childrenOver12Heard: 'nee' as const } },
      undefined,
      [['brief.childrenNotHeardPlan', 'INVALID']],
    ],
    [
      'an afronding without the goals reached and the three goals of CO3',
      { tableKey: 'weegploeg', itemType: 'afronding' },
      undefined,
      [
        ['brief.goalsReached', 'INVALID_TYPE'],
        ['brief.violenceStopped', 'INVALID_TYPE'],
        ['brief.recurrencePrevented', 'INVALID_TYPE'],
        ['brief.riskFactorsReduced', 'INVALID_TYPE'],
      ],
    ],
    [
      'a document that is not a PDF, DOCX or ODT',
      { tableKey: 'weegploeg', itemType: 'plan-van-aanpak' },
      { originalName: 'x.exe', bytes: Buffer.from('MZ') },
      [['document', 'UNSUPPORTED_TYPE']],
    ],
  ] as const)(
    'refuses %s per field, before the dossier is even looked at',
    async (_, agendering, document, fields) => {
      const { audit, uow, submit } = setup();
      expect(await inputError(submit(agendering, document))).toEqual(fields);
      expect([audit.all(), uow.commits + uow.rollbacks]).toEqual([[], 0]);
    },
  );

  it.each([
    ['someone else’s dossier', {}, { ...casusregisseur, personId: 'cr-2' }, CODE],
    ['a dossier of another region', { regionId: 'region-2' }, casusregisseur, CODE],
    ['a dossier that does not exist', {}, casusregisseur, 'CO3-2026-0999'],
  ] as const)('answers not found for %s, and keeps the denial in the log', async (_, facts, actor, code) => {
    const { placement, changed, audit, submit } = setup(facts);
    const error = await refusal(submit({ dossierCode: code }, undefined, actor));
    expect([error.code, error.kind, error.field]).toEqual(['DOSSIER_NOT_FOUND', 'not_found', 'dossierCode']);
    expect([placement.requests(), changed.dossiers]).toEqual([[], []]);
    // Another region's dossier: the region fence's event (it names the dossier), then the "not found".
    expect(audit.of('agendering.create').map((e) => [e.actorPersonId, e.outcome, e.details?.reason])).toEqual(
      [
        ...('regionId' in facts ? [[actor.personId, 'denied', 'OTHER_REGION']] : []),
        [actor.personId, 'denied', undefined],
      ],
    );
  });

  it('audits the denial outside the transaction, so it survives the rollback', async () => {
    const { audit, uow, submit } = setup();
    await refusal(submit({}, undefined, { ...casusregisseur, personId: 'cr-2' }));
    expect(audit.of('agendering.create')).toEqual([
      {
        actorPersonId: 'cr-2',
        action: 'agendering.create',
        entityType: 'dossier',
        entityId: 'd1',
        outcome: 'denied',
        route: 'POST /agendering',
        details: { code: CODE },
      },
    ]);
    expect(audit.all()[0]!.tx).toBeUndefined();
    expect(uow.rollbacks).toBe(1);
  });

  it('a coordinator may agenderen any dossier of the region', async () => {
    const { placement, submit } = setup();
    await submit({}, undefined, { ...casusregisseur, personId: 'coord-1', isCoordinator: true });
    expect(placement.requests()).toHaveLength(1);
  });

  it('refuses what the dossier phase does not allow, and stores no document row', async () => {
    const { dossiers, placement, audit, submit } = setup({ phase: 'aangemeld', casusregieStartDate: null });
    const error = await refusal(submit({ tableKey: 'weegploeg', itemType: 'plan-van-aanpak' }, PDF));
    expect([error.code, error.kind]).toEqual(['AGENDERING_NOT_ALLOWED', 'unprocessable']);
    expect(dossiers.dossiers.get('d1')!.documents).toBeUndefined();
    expect([placement.requests(), audit.all()]).toEqual([[], []]);
  });

  it.each([
    ['no_session', 'NO_SESSION_IN_RANGE'],
    ['full', 'SESSION_FULL'],
  ] as const)('refuses when placement answers %s, and rolls the document row back', async (reason, code) => {
    const { dossiers, placement, audit, outbox, changed, submit } = setup();
    placement.refuse = reason;
    const error = await refusal(submit({ tableKey: 'weegploeg', itemType: 'plan-van-aanpak' }, PDF));
    expect([error.code, error.kind]).toEqual([code, 'unprocessable']);
    expect(dossiers.dossiers.get('d1')!.documents).toBeUndefined();
    expect([audit.all(), outbox.written(), outbox.enqueued, changed.dossiers]).toEqual([[], [], [], []]);
  });

  describe('an afsluiting', () => {
    const afgerond = { phase: 'afgerond', afrondingDate: '2026-09-08' } as const;

    it('asks placement for a Ronde Tafel on or after afronding + 6 months', async () => {
      const { placement, submit } = setup(afgerond);
      await submit({ itemType: 'afsluiting' });
      expect(placement.asked.map((r) => [r.itemType, r.notBeforeDate])).toEqual([
        ['afsluiting', '2027-03-08'],
      ]);
      expect(placement.requests()).toHaveLength(1);
    });

    it('puts no date on another agendapunt of an afgerond dossier', async () => {
      const { placement, submit } = setup(afgerond);
      await submit({ itemType: 'opvolging' });
      expect(placement.asked.map((r) => r.notBeforeDate)).toEqual([undefined]);
    });

    it('refuses a too-early Ronde Tafel in Dutch, saying when and where it can go, and writes nothing', async () => {
      const { placement, audit, outbox, changed, submit } = setup(afgerond);
      const rondeTafel = CO3_ANTWERPEN.tables.find((t) => t.key === 'ronde-tafel')!;
      // On Monday 22 February 2027 the next Ronde Tafel is that of 4 March: before 8 March.
      placement.tooEarly = placeOnOrAfter(
        rondeTafel,
        Date.parse('2027-02-22T09:00:00+01:00'),
        '2027-03-08',
      ) as SessionTooEarly;
      const error = await refusal(submit({ itemType: 'afsluiting' }));
      expect([error.code, error.field, error.kind, error.message]).toEqual([
        'TOO_EARLY_FOR_AFSLUITING',
        'itemType',
        'unprocessable',
        'Een afsluiting komt op een Ronde Tafel die ten vroegste 6 maanden na de afronding ' +
          '(8 september 2026) plaatsvindt: op of na 8 maart 2027. Wie nu agendeert, komt op de Ronde ' +
          'Tafel van 4 maart 2027, en die is te vroeg. Agendeer de afsluiting vanaf 26 februari 2027 om ' +
          '12:00; dan komt ze op de Ronde Tafel van 11 maart 2027 (deadline 5 maart 2027 om 12:00).',
      ]);
      expect([placement.requests(), audit.all(), outbox.written(), changed.dossiers]).toEqual([
        [],
        [],
        [],
        [],
      ]);
    });
  });
});

describe('SubmitAgenderingUseCase and the plan van aanpak', () => {
  it('a Weegploeg plan needs a written plan, not an upload, and says so on its own field', async () => {
    const { placement, submit } = setup({}, { written: false });
    expect(await inputError(submit({ tableKey: 'weegploeg', itemType: 'plan-van-aanpak' }, PDF))).toEqual([
      ['planVanAanpak', 'REQUIRED'],
    ]);
    expect(placement.requests()).toEqual([]);
  });

  it('freezes the draft as version 1, then 2, each linked to its item, with the answers of annex G', async () => {
    const { plans, placement, submit } = setup();
    const first = await submit({ tableKey: 'weegploeg', itemType: 'plan-van-aanpak' });
    expect(first.planVersion).toBe(1);
    expect(placement.requests()[0]!.request.documentId).toBeNull();
    await plans.saveDraft(
      {} as never,
      'd1',
      { ...DRAFT, profiles: ['opvoedstress'] },
      {
        personId: 'cr-1',
        at: new Date('2026-12-02T10:00:00Z'),
      },
    );
    const second = await submit({ tableKey: 'weegploeg', itemType: 'gewijzigd-plan-van-aanpak' });
    expect(second.planVersion).toBe(2);
    expect(plans.versions.map((v) => [v.number, v.agendaItemId, v.tableKey, v.profiles])).toEqual([
      [1, first.agendaItemId, 'weegploeg', ['situationeel-geweld']],
      [2, second.agendaItemId, 'weegploeg', ['opvoedstress']],
    ]);
    expect(plans.versions[0]!.rows).toEqual(DRAFT.rows);
    expect(plans.brief(first.agendaItemId)).toEqual({ kind: 'bespreking', ...BRIEF });
  });

  it('an afronding keeps the goals and the three goals of CO3; its plan goes along when written', async () => {
    const { plans, submit } = setup();
    const goals = {
      goalsReached: 'De veiligheidsafspraken lopen.',
      violenceStopped: 'Geen nieuwe pv’s sinds maart.',
      recurrencePrevented: 'Agressieregulatie gevolgd.',
      riskFactorsReduced: 'Escalatie niet meer aanwezig.',
    };
    const result = await submit({
      tableKey: 'weegploeg',
      itemType: 'afronding',
      brief: { ...BRIEF, ...goals },
    });
    expect(plans.brief(result.agendaItemId)).toEqual({ kind: 'afronding', ...BRIEF, ...goals });
    expect(result.planVersion).toBe(1);
  });

  it('a Ronde Tafel question goes without a plan and without answers, keeping what was answered', async () => {
    const { plans, submit } = setup({}, { written: false });
    const result = await submit({ brief: { whyNow: 'Nieuwe melding.' } });
    expect(result.planVersion).toBeUndefined();
    expect(plans.brief(result.agendaItemId)).toEqual({
      kind: 'toelichting',
      whyNow: 'Nieuwe melding.',
      domains: [],
    });
  });

  it('a refused placement freezes no version and keeps no answers', async () => {
    const { plans, placement, submit } = setup();
    placement.refuse = 'full';
    await refusal(submit({ tableKey: 'weegploeg', itemType: 'plan-van-aanpak' }));
    expect(plans.versions).toEqual([]);
  });
});
