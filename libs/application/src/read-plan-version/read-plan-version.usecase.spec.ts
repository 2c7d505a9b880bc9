import type { AppConfig } from '@overlegtafels/config';
import type { PlanRow } from '@overlegtafels/domain';
import {
  ControlledClock,
  FakeAuditLog,
  FakeOrganisationDirectory,
  FakePlanVanAanpakRepository,
} from '@overlegtafels/testing';
import type { Viewer } from '../agenda/agenda-queries';
import { AgendaRefusal } from '../errors';
import { ReadPlanVersionUseCase } from './read-plan-version.usecase';

const config = { regions: ['co3-antwerpen'] } as AppConfig;
const tx = {} as never;
const at = new Date('2026-03-01T10:00:00Z');
const row = (id: string, over: Partial<PlanRow> = {}): PlanRow => ({
  id,
  domainKey: 'geweld',
  factorKey: 'geweld-escalatie',
  bijWie: ['m1'],
  noden: '',
  aanpakOpMaat: '',
  actie: 'Veiligheidsplan',
  begeleiding: { text: 'Adviespunt verslaving' },
  standVanZaken: 'Gestart',
  ...over,
});
const viewer = (over: Partial<Viewer> = {}): Viewer => ({
  personId: 'lid-1',
  regionId: 'region-1',
  route: 'GET /agendapunten/:id/plan-van-aanpak',
  coordinatorTables: [],
  memberTables: ['weegploeg'],
  ...over,
});

async function setup(shared: boolean) {
  const plans = new FakePlanVanAanpakRepository({ d1: [{ id: 'm1', label: 'moeder', role: 'slachtoffer' }] });
  for (const [id, startsAt] of [
    ['item-1', '2026-03-10T12:00:00Z'],
    ['item-2', '2026-04-07T11:00:00Z'],
  ] as const) {
    plans.items.set(id, {
      id,
      tableKey: 'weegploeg',
      itemType: 'plan-van-aanpak',
      sharedWithSession: shared,
      question: 'Feedback op het plan',
      sessionStartsAt: new Date(startsAt),
      dossier: { id: 'd1', code: 'CO3-2026-0003', regionId: 'region-1', casusregisseurId: 'cr-1' },
    });
  }
  const base = { dossierId: 'd1', tableKey: 'weegploeg', frozenAt: at, frozenById: 'cr-1' };
  await plans.freezeVersion(tx, {
    ...base,
    number: 1,
    agendaItemId: 'item-1',
    profiles: ['opvoedstress'],
    rows: [row('r1'), row('r2')],
  });
  await plans.freezeVersion(tx, {
    ...base,
    number: 2,
    agendaItemId: 'item-2',
    profiles: ['opvoedstress', 'vechtscheiding'],
    rows: [
      row('r1', { standVanZaken: 'Afgerond' }),
      row('r3', { domainKey: 'kind', factorKey: 'kind-slachtoffer-getuige' }),
    ],
  });
  await plans.saveBrief(tx, 'item-2', {
    kind: 'bespreking',
    whyNow: 'Het plan werd fundamenteel gewijzigd.',
    domains: ['kind'],
    safetyAgreements: 'Afspraken blijven.',
    childrenOver12Heard: 'geen-kinderen',
  });
  const audit = new FakeAuditLog();
  const useCase = new ReadPlanVersionUseCase(
    plans,
    new FakeOrganisationDirectory([]),
    audit,
    new ControlledClock('2026-04-01T08:00:00Z'),
    config,
  );
  return { audit, useCase };
}

describe('ReadPlanVersionUseCase', () => {
  it('shows the version of the item and what changed since the version this table saw last', async () => {
    const { useCase, audit } = await setup(true);
    const view = await useCase.execute({ viewer: viewer(), agendaItemId: 'item-2' });
    expect(view.version?.number).toBe(2);
    expect(view.changes).toMatchObject({
      first: false,
      previous: { number: 1 },
      profilesAdded: ['Vechtscheiding'],
      profilesRemoved: [],
    });
    expect(view.changes!.rowsAdded.map((r) => [r.domain, r.bijWie])).toEqual([['Kind', ['moeder']]]);
    expect(view.changes!.rowsRemoved.map((r) => r.id)).toEqual(['r2']);
    expect(
      view.changes!.rowsChanged.map((c) => [
        c.after.id,
        c.fieldLabels,
        c.before.standVanZaken,
        c.after.standVanZaken,
      ]),
    ).toEqual([['r1', ['Stand van zaken'], 'Gestart', 'Afgerond']]);
    expect(view.brief).toEqual([
      { label: 'Waarom nu?', value: 'Het plan werd fundamenteel gewijzigd.' },
      { label: 'Over welk(e) domein(en) gaat het?', value: 'Kind' },
      { label: 'Veiligheidsplan en veiligheidsafspraken', value: 'Afspraken blijven.' },
      {
        label: 'Werden alle kinderen ouder dan 12 jaar gehoord?',
        value: 'Er zijn geen kinderen ouder dan 12 jaar',
      },
    ]);
    expect(audit.of('plan-van-aanpak.version.read').map((e) => [e.outcome, e.details?.['version']])).toEqual([
      ['allowed', 2],
    ]);
  });

  it('the first version is all new to the table', async () => {
    const { useCase } = await setup(true);
    const view = await useCase.execute({ viewer: viewer(), agendaItemId: 'item-1' });
    expect(view.changes).toMatchObject({ first: true, previous: null });
    expect(view.changes!.rowsAdded).toHaveLength(2);
  });

  it.each([
    ['a member before the item is shared', false, viewer()],
    ['a member of another table', true, viewer({ memberTables: ['ronde-tafel'] })],
    ['a coordinator of another region', true, viewer({ regionId: 'region-2', coordinatorTables: 'all' })],
  ])('answers not found to %s, and logs the refusal', async (_, shared, who) => {
    const { useCase, audit } = await setup(shared);
    await expect(useCase.execute({ viewer: who, agendaItemId: 'item-2' })).rejects.toBeInstanceOf(
      AgendaRefusal,
    );
    expect(audit.of('plan-van-aanpak.version.read').map((e) => e.outcome)).toEqual(['denied']);
  });

  it.each([
    ['the casusregisseur', viewer({ personId: 'cr-1', memberTables: [] })],
    [
      'a coordinator of the table',
      viewer({ personId: 'co-1', memberTables: [], coordinatorTables: ['weegploeg'] }),
    ],
  ])('lets %s see it before it is shared', async (_, who) => {
    const { useCase } = await setup(false);
    expect((await useCase.execute({ viewer: who, agendaItemId: 'item-1' })).version?.number).toBe(1);
  });
});
