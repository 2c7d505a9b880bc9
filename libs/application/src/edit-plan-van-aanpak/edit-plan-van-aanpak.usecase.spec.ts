import { FakeSubmissionLedger } from '@overlegtafels/testing';
import { SubmittedOnce } from '../submissions/submitted-once';
import type { AppConfig } from '@overlegtafels/config';
import {
  ControlledClock,
  FakeAuditLog,
  FakeDossierRecord,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeOrganisationDirectory,
  FakePlanVanAanpakRepository,
  FakeRiskPictureRepository,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AgendaRefusal, InputError } from '../errors';
import { parseInput } from '../input/parse-input';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';
import { ReadPlanVanAanpakUseCase } from '../read-plan-van-aanpak/read-plan-van-aanpak.usecase';
import { PlanEdit, PlanRowSchema, PlanSchema } from './edit-plan-van-aanpak.command';
import { EditPlanVanAanpakUseCase } from './edit-plan-van-aanpak.usecase';

const config = { regions: ['co3-antwerpen'] } as AppConfig;
const CODE = 'CO3-2026-0007';
const MOEDER = '11111111-1111-4111-8111-111111111111';
const VADER = '22222222-2222-4222-8222-222222222222';
const CAW = '33333333-3333-4333-8333-333333333333';
const casusregisseur: CasusregisseurActor = {
  personId: 'cr-1',
  regionId: 'region-1',
  route: 'POST /dossiers/:code/plan-van-aanpak/rijen',
  coordinator: false,
};

const row = (over: Record<string, unknown> = {}) =>
  parseInput(PlanRowSchema, {
    domainKey: 'geweld',
    factorKey: 'geweld-escalatie',
    bijWie: [MOEDER],
    noden: 'Rust in huis',
    actie: 'Veiligheidsplan',
    begeleidingOrganisationId: CAW,
    ...over,
  });

function setup(facts: Partial<FakeDossierRecord> = {}) {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({ id: 'd1', code: CODE, phase: 'casusregie', casusregisseurId: 'cr-1', ...facts }),
  ]);
  const plans = new FakePlanVanAanpakRepository({
    d1: [
      { id: MOEDER, label: 'moeder', role: 'slachtoffer' },
      { id: VADER, label: 'vader', role: 'pleger' },
    ],
  });
  const organisations = new FakeOrganisationDirectory([
    { id: CAW, regionId: 'region-1', active: true, name: 'CAW Antwerpen' },
  ]);
  const audit = new FakeAuditLog();
  const uow = new FakeUnitOfWork(plans, audit);
  const clock = new ControlledClock('2026-03-04T10:00:00Z');
  const useCase = new EditPlanVanAanpakUseCase(
    uow,
    dossiers,
    plans,
    organisations,
    audit,
    clock,
    config,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  const pictures = new FakeRiskPictureRepository();
  const reader = new ReadPlanVanAanpakUseCase(dossiers, plans, organisations, pictures, audit, clock, config);
  const edit = (e: PlanEdit, actor = casusregisseur) =>
    useCase.execute({ actor, dossierCode: CODE, edit: e });
  return { plans, pictures, audit, uow, edit, reader };
}

async function fieldsOf(work: Promise<unknown>): Promise<string[]> {
  const error = await work.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).errors.map((e) => e.field);
}

describe('EditPlanVanAanpakUseCase', () => {
  it('adds, changes and removes rows and sets the profiles; every change audited without content', async () => {
    const { plans, audit, edit } = setup();
    const added = await edit({ kind: 'add-row', row: row() });
    const second = await edit({
      kind: 'add-row',
      row: row({ domainKey: 'kind', factorKey: 'kind-slachtoffer-getuige', bijWie: [MOEDER, VADER] }),
    });
    await edit({ kind: 'edit-row', rowId: added.rowId!, row: row({ standVanZaken: 'Gestart' }) });
    await edit({ kind: 'profiles', profiles: ['situationeel-geweld', 'opvoedstress'] });
    await edit({ kind: 'remove-row', rowId: second.rowId! });
    const draft = await plans.draftOf(undefined, 'd1');
    expect(draft).toMatchObject({
      profiles: ['situationeel-geweld', 'opvoedstress'],
      rows: [
        {
          id: added.rowId,
          domainKey: 'geweld',
          factorKey: 'geweld-escalatie',
          bijWie: [MOEDER],
          noden: 'Rust in huis',
          aanpakOpMaat: '',
          actie: 'Veiligheidsplan',
          begeleiding: { organisationId: CAW },
          standVanZaken: 'Gestart',
        },
      ],
      updatedById: 'cr-1',
    });
    const entries = audit.of('plan-van-aanpak.edit');
    expect(entries.map((e) => e.details!['change'])).toEqual([
      'add-row',
      'add-row',
      'edit-row',
      'profiles',
      'remove-row',
    ]);
    expect(JSON.stringify(entries)).not.toContain('Rust in huis');
  });

  it('refuses what the instrument, the family or the region does not have, on the row’s fields', async () => {
    const { plans, uow, edit } = setup();
    expect(
      await fieldsOf(
        edit({
          kind: 'add-row',
          row: row({
            factorKey: 'kind-getuige',
            bijWie: ['44444444-4444-4444-8444-444444444444'],
            begeleidingOrganisationId: '55555555-5555-4555-8555-555555555555',
          }),
        }),
      ),
    ).toEqual(['factorKey', 'bijWie', 'begeleiding']);
    expect(await fieldsOf(edit({ kind: 'profiles', profiles: ['boos'] }))).toEqual(['profiles']);
    expect(await plans.draftOf(undefined, 'd1')).toBeUndefined();
    expect(uow.rollbacks).toBe(2);
  });

  it('the row schema names its fields: factor, bij wie, and a begeleiding given twice', () => {
    const result = PlanRowSchema.safeParse({
      domainKey: 'geweld',
      factorKey: '',
      bijWie: 'moeder',
      begeleidingOrganisationId: CAW,
      begeleidingText: 'Adviespunt verslaving',
    });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual([
      'factorKey',
      'bijWie.0',
      'begeleidingText',
    ]);
  });

  it('replaces the whole plan by the API, keeping known row ids and checking rows by their number', async () => {
    const { plans, edit } = setup();
    const { rowId } = await edit({ kind: 'add-row', row: row() });
    const plan = parseInput(PlanSchema, {
      profiles: ['vechtscheiding'],
      rows: [
        { id: rowId, domainKey: 'geweld', factorKey: 'geweld-escalatie', bijWie: [MOEDER], actie: 'Nieuw' },
        {
          id: '66666666-6666-4666-8666-666666666666',
          domainKey: 'individu',
          factorKey: 'individu-middelen',
          bijWie: [VADER],
        },
      ],
    });
    const result = await edit({ kind: 'replace', plan });
    expect(result.rows.map((r) => [r.id === rowId, r.actie])).toEqual([
      [true, 'Nieuw'],
      [false, ''],
    ]);
    expect(result.rows[1]!.id).not.toBe('66666666-6666-4666-8666-666666666666');
    const bad = parseInput(PlanSchema, {
      profiles: [],
      rows: [
        {
          domainKey: 'geweld',
          factorKey: 'geweld-escalatie',
          bijWie: [VADER, '77777777-7777-4777-8777-777777777777'],
        },
      ],
    });
    expect(await fieldsOf(edit({ kind: 'replace', plan: bad }))).toEqual(['rows.0.bijWie']);
    expect((await plans.draftOf(undefined, 'd1'))!.profiles).toEqual(['vechtscheiding']);
  });

  it('the whole-plan schema names a bad row’s field by its number', () => {
    const result = PlanSchema.safeParse({ profiles: [], rows: [{ domainKey: 'geweld', bijWie: [MOEDER] }] });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual([
      'rows.0.factorKey',
    ]);
  });

  it.each([
    ['another casusregisseur', { ...casusregisseur, personId: 'cr-2' }, {}, 'NOT_CASUSREGISSEUR'],
    ['someone of another region', { ...casusregisseur, regionId: 'region-2' }, {}, 'DOSSIER_NOT_FOUND'],
    [
      'a dossier no longer in casusregie',
      casusregisseur,
      { phase: 'afgerond' as const },
      'PLAN_NOT_EDITABLE',
    ],
  ])('refuses %s and writes nothing', async (_, actor, facts, code) => {
    const { plans, audit, edit } = setup(facts);
    const error = await edit({ kind: 'add-row', row: row() }, actor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgendaRefusal);
    expect((error as AgendaRefusal).code).toBe(code);
    expect(await plans.draftOf(undefined, 'd1')).toBeUndefined();
    expect(audit.of('plan-van-aanpak.edit').filter((e) => e.outcome === 'allowed')).toEqual([]);
  });

  it('a coordinator may write it for the casusregisseur', async () => {
    const { edit } = setup();
    const result = await edit(
      { kind: 'add-row', row: row() },
      { ...casusregisseur, personId: 'co-1', coordinator: true },
    );
    expect(result.rows).toHaveLength(1);
  });

  it('the editor shows the draft with labels, the family and the organisations; the read is audited', async () => {
    const { edit, reader, audit } = setup();
    await edit({ kind: 'add-row', row: row() });
    const view = await reader.execute({ actor: casusregisseur, dossierCode: CODE });
    expect(
      view.draft.domains.map((d) => [d.label, d.rows.map((r) => [r.factor, r.bijWie, r.begeleiding])]),
    ).toEqual([
      [
        'Geweld',
        [
          [
            'Escalatie van het geweld (aard, verscheidenheid, frequentie of ernst nam toe, of een eerder ernstig feit)',
            ['moeder'],
            'CAW Antwerpen',
          ],
        ],
      ],
    ]);
    expect(view.familyMembers.map((m) => m.label)).toEqual(['moeder', 'vader']);
    expect(audit.of('plan-van-aanpak.read').map((e) => e.outcome)).toEqual(['allowed']);
    await expect(
      reader.execute({ actor: { ...casusregisseur, personId: 'cr-2' }, dossierCode: CODE }),
    ).rejects.toThrow(AgendaRefusal);
    expect(audit.of('plan-van-aanpak.read').map((e) => e.outcome)).toEqual(['allowed', 'denied']);
  });
  it('offers the factors of the current risk picture first, marked, and names that picture', async () => {
    const { reader, pictures } = setup();
    const empty = await reader.execute({ actor: casusregisseur, dossierCode: CODE });
    expect(empty.riskPicture).toBeNull();
    expect(empty.factorChoices.flatMap((d) => d.factors).every((f) => f.mark === null)).toBe(true);
    for (const [mark, at] of [
      ['niet-gekend', '2026-01-16T09:00:00Z'],
      ['aanwezig', '2026-02-10T09:00:00Z'],
    ] as const) {
      await pictures.record(undefined as never, 'd1', {
        occasion: mark === 'aanwezig' ? 'update' : 'ico',
        instrumentKey: 'kijkschema-ifg',
        decisionId: null,
        recordedById: 'cr-1',
        recordedAt: new Date(at),
        factors: [
          { factorKey: 'geweld-angst', mark, motivation: null, clientIds: [MOEDER] },
          { factorKey: 'kind-slachtoffer-getuige', mark: 'niet-gekend', motivation: null, clientIds: [] },
        ],
      });
    }
    const view = await reader.execute({ actor: casusregisseur, dossierCode: CODE });
    // The latest version counts.
    expect(view.riskPicture).toEqual({
      version: 2,
      recordedAt: new Date('2026-02-10T09:00:00Z'),
      marks: { 'geweld-angst': 'aanwezig', 'kind-slachtoffer-getuige': 'niet-gekend' },
    });
    const geweld = view.factorChoices.find((d) => d.key === 'geweld')!;
    expect([geweld.factors[0]!.key, geweld.factors[0]!.mark]).toEqual(['geweld-angst', 'aanwezig']);
    expect(geweld.factors.slice(1).every((f) => f.mark === null)).toBe(true);
    const kind = view.factorChoices.find((d) => d.key === 'kind')!;
    expect([kind.factors[0]!.key, kind.factors[0]!.mark]).toEqual([
      'kind-slachtoffer-getuige',
      'niet-gekend',
    ]);
    expect(view.factorChoices.map((d) => d.key)).toEqual(view.instrument.domains.map((d) => d.key));
  });
});
