import { SubmittedOnce } from '../submissions/submitted-once';
import { FakeSubmissionLedger } from '@overlegtafels/testing';
import type { AppConfig } from '@overlegtafels/config';
import {
  ControlledClock,
  FakeAuditLog,
  FakeDossierRecord,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeRiskPictureRepository,
  FakeUnitOfWork,
  principalWith,
} from '@overlegtafels/testing';
import { AgendaRefusal, InputError } from '../errors';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';
import { InterimEvaluationPicture } from './interim-evaluation-picture';
import { RecordRiskPictureUseCase } from './record-risk-picture.usecase';
import type { RiskPictureUpdateInput } from './record-risk-picture.command';
import { RiskPictureRecorder } from './risk-picture-recorder';
import { RiskPictureQuery } from './risk-picture.query';

const config = { regions: ['co3-antwerpen'] } as AppConfig;
const MOEDER = '0b7e4c1a-2d3f-4a5b-8c9d-1e2f3a4b5c6d';
const VADER = '1c8f5d2b-3e4a-4b6c-9d0e-2f3a4b5c6d7e';
const casusregisseur: CasusregisseurActor = {
  personId: 'cr-1',
  regionId: 'region-1',
  route: 'POST /dossiers/:code/risicotaxatie',
  coordinator: false,
};

function setup(dossier: Partial<FakeDossierRecord> = {}, region = config) {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({
      id: 'd1',
      code: 'CO3-2026-0007',
      phase: 'casusregie',
      casusregisseurId: 'cr-1',
      aanmelderId: 'am-1',
      casusregieStartDate: '2026-01-09',
      ...dossier,
    }),
  ]);
  const pictures = new FakeRiskPictureRepository(
    {
      d1: [
        { id: MOEDER, label: 'moeder', role: 'slachtoffer' },
        { id: VADER, label: 'vader', role: 'pleger' },
      ],
    },
    { 'cr-1': 'Chris Regisseur' },
  );
  const audit = new FakeAuditLog();
  const uow = new FakeUnitOfWork(dossiers, audit, pictures);
  const clock = new ControlledClock('2026-01-09T11:00:00Z');
  const recorder = new RiskPictureRecorder(pictures, audit, region);
  const useCase = new RecordRiskPictureUseCase(
    uow,
    dossiers,
    audit,
    recorder,
    clock,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  const query = new RiskPictureQuery(dossiers, pictures, recorder, audit, clock);
  const interim = new InterimEvaluationPicture(pictures, recorder, region);
  return { dossiers, pictures, audit, uow, clock, useCase, query, interim };
}

const START: RiskPictureUpdateInput = {
  occasion: 'update',
  factors: [
    {
      factorKey: 'geweld-angst',
      mark: 'aanwezig',
      motivation: 'vreest voor haar leven',
      clientIds: [MOEDER],
    },
    {
      factorKey: 'individu-middelen',
      mark: 'aanwezig',
      motivation: 'alcohol bij de feiten',
      clientIds: [VADER],
    },
    { factorKey: 'sociaal-geen-steun', mark: 'niet-gekend', motivation: undefined, clientIds: [] },
  ],
};
const LATER: RiskPictureUpdateInput = {
  occasion: 'afronding',
  factors: [
    { factorKey: 'geweld-angst', mark: 'niet-gekend', motivation: undefined, clientIds: [MOEDER] },
    { factorKey: 'sociaal-geen-steun', mark: 'niet-gekend', motivation: undefined, clientIds: [] },
    {
      factorKey: 'geweld-veiligheidsplan',
      mark: 'aanwezig',
      motivation: 'werkt sinds mei',
      clientIds: [MOEDER, VADER],
    },
  ],
};

async function failure<T>(work: Promise<unknown>): Promise<T> {
  return (await work.then(
    () => undefined,
    (e: unknown) => e,
  )) as T;
}

describe('RecordRiskPictureUseCase', () => {
  it('records each update as the next version with its occasion, author and moment, audited by counts', async () => {
    const { pictures, audit, clock, useCase } = setup();
    expect(await useCase.execute({ actor: casusregisseur, dossierId: 'd1', picture: START })).toEqual({
      id: expect.any(String),
      version: 1,
    });
    clock.set('2026-10-01T09:00:00Z');
    const coordinator = { ...casusregisseur, personId: 'coord-1', coordinator: true };
    expect(await useCase.execute({ actor: coordinator, dossierId: 'd1', picture: LATER })).toMatchObject({
      version: 2,
    });
    const stored = await pictures.picturesOf(undefined, 'd1');
    expect(stored.map((p) => [p.version, p.occasion, p.recordedById, p.recordedAt.toISOString()])).toEqual([
      [1, 'update', 'cr-1', '2026-01-09T11:00:00.000Z'],
      [2, 'afronding', 'coord-1', '2026-10-01T09:00:00.000Z'],
    ]);
    expect(stored[1]!.factors[2]).toEqual({
      factorKey: 'geweld-veiligheidsplan',
      mark: 'aanwezig',
      motivation: 'werkt sinds mei',
      clientIds: [MOEDER, VADER],
    });
    expect(audit.of('risk-picture.record').map((e) => [e.actorPersonId, e.outcome, e.details])).toEqual([
      ['cr-1', 'allowed', { code: 'CO3-2026-0007', version: 1, occasion: 'update', factors: 3, present: 2 }],
      [
        'coord-1',
        'allowed',
        { code: 'CO3-2026-0007', version: 2, occasion: 'afronding', factors: 3, present: 1 },
      ],
    ]);
  });

  it('refuses an unknown factor, a stranger and an unmotivated present factor per field, and stores nothing', async () => {
    const { pictures, uow, useCase } = setup();
    const error = await failure<InputError>(
      useCase.execute({
        actor: casusregisseur,
        dossierId: 'd1',
        picture: {
          occasion: 'update',
          factors: [
            { factorKey: 'geweld-wapen', mark: 'aanwezig', motivation: 'x', clientIds: [] },
            {
              factorKey: 'geweld-angst',
              mark: 'niet-gekend',
              motivation: undefined,
              clientIds: ['9e9e9e9e-0000-4000-8000-000000000000'],
            },
            { factorKey: 'kind-zwangerschap', mark: 'aanwezig', motivation: undefined, clientIds: [] },
          ],
        },
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.errors.map((e) => [e.field, e.code])).toEqual([
      ['factors.0.factorKey', 'UNKNOWN_FACTOR'],
      ['factors.1.clientIds.0', 'UNKNOWN_CLIENT'],
      ['factors.2.motivation', 'MOTIVATION_REQUIRED'],
    ]);
    expect(await pictures.picturesOf(undefined, 'd1')).toEqual([]);
    expect(uow.rollbacks).toBe(1);
  });

  it('is for the dossier’s casusregisseur or a coordinator of its region, during casusregie', async () => {
    const { audit, useCase } = setup();
    const other = await failure<AgendaRefusal>(
      useCase.execute({ actor: { ...casusregisseur, personId: 'cr-2' }, dossierId: 'd1', picture: START }),
    );
    expect([other.code, other.kind]).toEqual(['NOT_CASUSREGISSEUR', 'forbidden']);
    expect(audit.of('risk-picture.record').map((e) => e.outcome)).toEqual(['denied']);
    const elsewhere = await failure<AgendaRefusal>(
      useCase.execute({
        actor: { ...casusregisseur, regionId: 'region-2', coordinator: true },
        dossierId: 'd1',
        picture: START,
      }),
    );
    expect([elsewhere.code, elsewhere.kind]).toEqual(['DOSSIER_NOT_FOUND', 'not_found']);
    const closed = setup({ phase: 'afgerond', afrondingDate: '2026-10-06' });
    const late = await failure<AgendaRefusal>(
      closed.useCase.execute({ actor: casusregisseur, dossierId: 'd1', picture: START }),
    );
    expect([late.code, late.kind]).toEqual(['ILLEGAL_TRANSITION', 'conflict']);
  });

  it('records nothing in a region without an instrument', async () => {
    const { useCase } = setup({}, { regions: ['vlaams-brabant'] } as AppConfig);
    const error = await failure<AgendaRefusal>(
      useCase.execute({ actor: casusregisseur, dossierId: 'd1', picture: START }),
    );
    expect([error.code, error.kind]).toEqual(['NO_RISK_INSTRUMENT', 'conflict']);
  });
});

describe('RiskPictureQuery', () => {
  it('shows the current version per domain with its family members, and the start beside it', async () => {
    const { useCase, query, clock, audit } = setup();
    await useCase.execute({ actor: casusregisseur, dossierId: 'd1', picture: START });
    clock.set('2026-10-01T09:00:00Z');
    await useCase.execute({ actor: casusregisseur, dossierId: 'd1', picture: LATER });
    const view = (await query.forDossier(
      principalWith('cr-1', [{ role: 'casusregisseur', tableKey: null }]),
      'd1',
      'GET /dossiers/:code',
    ))!;
    expect(view.versions.map((v) => [v.version, v.occasionLabel, v.recordedByName])).toEqual([
      [1, 'bijgewerkt door de casusregisseur', 'Chris Regisseur'],
      [2, 'bij de afronding', 'Chris Regisseur'],
    ]);
    expect(
      view.current!.domains.map((d) => [
        d.key,
        d.factors.map((f) => [f.key, f.mark, f.clients.map((c) => c.label)]),
      ]),
    ).toEqual([
      [
        'geweld',
        [
          ['geweld-angst', 'niet-gekend', ['moeder']],
          ['geweld-veiligheidsplan', 'aanwezig', ['moeder', 'vader']],
        ],
      ],
      ['sociale-ondersteuning', [['sociaal-geen-steun', 'niet-gekend', []]]],
    ]);
    expect(
      view.comparison!.domains.map((d) => [
        d.key,
        d.rows.map((r) => [r.factorKey, r.start, r.now, r.change]),
      ]),
    ).toEqual([
      [
        'geweld',
        [
          ['geweld-angst', 'aanwezig', 'niet-gekend', 'gewijzigd'],
          ['geweld-veiligheidsplan', null, 'aanwezig', 'nieuw'],
        ],
      ],
      ['individu', [['individu-middelen', 'aanwezig', null, 'weg']]],
      ['sociale-ondersteuning', [['sociaal-geen-steun', 'niet-gekend', 'niet-gekend', 'ongewijzigd']]],
    ]);
    expect(audit.of('risk-picture.read').map((e) => e.details)).toEqual([
      { code: 'CO3-2026-0007', versions: 2, via: 'dossier' },
    ]);
  });

  it('is not for the aanmelder, another casusregisseur or another region; on the agenda only when shared', async () => {
    const { useCase, query, audit } = setup();
    await useCase.execute({ actor: casusregisseur, dossierId: 'd1', picture: START });
    const route = 'GET /dossiers/:code';
    expect(
      await query.forDossier(principalWith('am-1', [{ role: 'aanmelder', tableKey: null }]), 'd1', route),
    ).toBeUndefined();
    expect(
      await query.forDossier(
        principalWith('cr-2', [{ role: 'casusregisseur', tableKey: null }]),
        'd1',
        route,
      ),
    ).toBeUndefined();
    expect(
      await query.forDossier(
        principalWith('coord-9', [{ role: 'coordinator', tableKey: null }], 'region-2'),
        'd1',
        route,
      ),
    ).toBeUndefined();
    expect(
      await query.forDossier(
        principalWith('coord-1', [{ role: 'coordinator', tableKey: null }]),
        'd1',
        route,
      ),
    ).toBeDefined();
    const member = {
      personId: 'lid-1',
      regionId: 'region-1',
      route: 'GET /agenda/:id',
      coordinatorTables: [],
      memberTables: ['weegploeg'],
    };
    const item = { dossierCode: 'CO3-2026-0007', tableKey: 'weegploeg', itemId: 'item-9' };
    expect(await query.forAgendaItem(member, { ...item, shared: false })).toBeUndefined();
    expect((await query.forAgendaItem(member, { ...item, shared: true }))!.current!.version).toBe(1);
    expect(
      await query.forAgendaItem({ ...member, memberTables: ['ico'] }, { ...item, shared: true }),
    ).toBeUndefined();
    expect(audit.of('risk-picture.read').map((e) => [e.actorPersonId, e.details?.via])).toEqual([
      ['coord-1', 'dossier'],
      ['lid-1', 'item-9'],
    ]);
  });
});

describe('InterimEvaluationPicture', () => {
  it('refuses the interim evaluation until a picture newer than the ICO’s is recent, naming the field', async () => {
    const { useCase, interim, clock, uow } = setup();
    const evaluation = () => interim.require(uow.tx, 'd1', 'tussentijdse-evaluatie', clock.now());
    const missing = await failure<AgendaRefusal>(evaluation());
    expect([missing.code, missing.field, missing.kind]).toEqual([
      'RISK_PICTURE_MISSING',
      'itemType',
      'unprocessable',
    ]);
    await useCase.execute({ actor: casusregisseur, dossierId: 'd1', picture: START });
    clock.set('2026-05-04T09:00:00Z');
    await useCase.execute({
      actor: casusregisseur,
      dossierId: 'd1',
      picture: { ...START, occasion: 'update' },
    });
    clock.set('2026-11-02T09:00:00Z');
    expect((await failure<AgendaRefusal>(evaluation())).code).toBe('RISK_PICTURE_TOO_OLD');
    await useCase.execute({
      actor: casusregisseur,
      dossierId: 'd1',
      picture: { ...START, occasion: 'tussentijdse-evaluatie' },
    });
    await expect(evaluation()).resolves.toBeUndefined();
    // Other item types ask nothing.
    const fresh = setup();
    await expect(
      fresh.interim.require(fresh.uow.tx, 'd1', 'opvolging', fresh.clock.now()),
    ).resolves.toBeUndefined();
  });
});
