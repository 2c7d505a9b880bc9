import type { Principal, RoleGrant } from '@overlegtafels/auth';
import type { AuditLog } from '../ports/audit-log.port';
import { ControlledClock, FakeObligationReadModel, fakeListRow } from '@overlegtafels/testing';
import { ObligationRules } from '../obligations/obligation-rules';
import { ListMyObligationsUseCase } from './list-my-obligations.usecase';

const who = (personId: string, ...grants: RoleGrant[]): Principal => ({
  personId,
  regionId: 'region-1',
  displayName: personId,
  email: `${personId}@example.org`,
  organisationId: null,
  grants,
  sessionId: 's',
  csrfToken: 'c',
});

function setup() {
  const reads = new FakeObligationReadModel()
    .add(
      fakeListRow('o-late', {
        ownerId: 'sara',
        dueAt: new Date('2026-05-06T10:00:00Z'),
        dossierCode: 'CO3-2026-0002',
      }),
    )
    .add(
      fakeListRow('o-early', {
        ownerId: 'sara',
        dossierId: 'dossier-2',
        ruleKey: 'afstemming-consulent',
        dueAt: new Date('2026-05-01T07:00:00Z'),
      }),
    )
    .add(
      fakeListRow('o-same-moment', {
        ownerId: 'sara',
        dueAt: new Date('2026-05-06T10:00:00Z'),
        dossierCode: 'CO3-2026-0001',
      }),
    )
    .add(fakeListRow('o-done', { ownerId: 'sara', status: 'fulfilled' }))
    .add(fakeListRow('o-tom', { ownerId: 'tom' }))
    .add(
      fakeListRow('o-quality', {
        ownerRole: 'coordinator',
        tableKey: 'ronde-tafel',
        ruleKey: 'kwaliteitscontrole',
        dueAt: new Date('2026-06-01T07:00:00Z'),
      }),
    )
    .add(fakeListRow('o-elsewhere', { ownerId: 'sara' }), 'region-2');
  const events: { route: string; details: unknown }[] = [];
  const audit = { append: async (e: (typeof events)[number]) => void events.push(e) };
  const useCase = new ListMyObligationsUseCase(
    reads,
    new ObligationRules({ regions: ['co3-antwerpen'] }),
    audit as unknown as AuditLog,
    new ControlledClock('2026-05-04T10:00:00Z'),
  );
  return { useCase, events };
}

describe('ListMyObligationsUseCase ("Mijn opvolging")', () => {
  it('lists the casusregisseur’s own open obligations of their region by due moment, then dossier code', async () => {
    const { useCase } = setup();
    const list = await useCase.execute(who('sara', { role: 'casusregisseur', tableKey: null }), {
      route: 'GET /opvolging',
    });
    expect(list.obligations.map((o) => o.id)).toEqual(['o-early', 'o-same-moment', 'o-late']);
    expect(list.total).toBe(3);
    expect(list.next).toBeUndefined();
  });

  it('shows each with the rule’s Dutch texts, Brussels dates, overdue flag and the one-click agendering', async () => {
    const { useCase } = setup();
    const {
      obligations: [early, , late],
    } = await useCase.execute(who('sara', { role: 'casusregisseur', tableKey: null }), {
      route: 'GET /opvolging',
    });
    expect(early).toMatchObject({
      label: 'Afstemming met de consulent van OCJ/SDJ',
      dueAt: '2026-05-01T09:00:00.000+02:00',
      dueDate: '2026-05-01',
      overdue: true,
      manual: true,
      agenderingUrl: null,
    });
    expect(late).toMatchObject({
      label: 'Eerste plan van aanpak op de Weegploeg',
      dueDate: '2026-05-06',
      dueText: 'woensdag 6 mei 2026 om 12:00',
      overdue: false,
      manual: false,
      agenderingUrl: '/agendering/nieuw?dossier=CO3-2026-0002&tafel=weegploeg&type=plan-van-aanpak',
    });
  });

  it('adds what the coordinators of the person’s tables own, and audits the counts and the dossier codes shown', async () => {
    const { useCase, events } = setup();
    const lotte = who('lotte', { role: 'coordinator', tableKey: 'ronde-tafel' });
    expect(
      (await useCase.execute(lotte, { route: 'GET /api/opvolging' })).obligations.map((o) => o.id),
    ).toEqual(['o-quality']);
    const regionWide = who('jan', { role: 'coordinator', tableKey: null });
    expect(
      (await useCase.execute(regionWide, { route: 'GET /opvolging' })).obligations.map((o) => o.id),
    ).toEqual(['o-quality']);
    const weegploeg = who('piet', { role: 'coordinator', tableKey: 'weegploeg' });
    expect(await useCase.execute(weegploeg, { route: 'GET /opvolging' })).toMatchObject({
      obligations: [],
      total: 0,
    });
    expect(events.map((e) => [e.route, e.details])).toEqual([
      ['GET /api/opvolging', { count: 1, total: 1, dossiers: 1, codes: 'CO3-2026-0001' }],
      ['GET /opvolging', { count: 1, total: 1, dossiers: 1, codes: 'CO3-2026-0001' }],
      ['GET /opvolging', { count: 0, total: 0, dossiers: 0, codes: '' }],
    ]);
  });

  it('pages by the cursor without losing or repeating a row, and narrows by code, kind and due period', async () => {
    const { useCase, events } = setup();
    const sara = who('sara', { role: 'casusregisseur', tableKey: null });
    const first = await useCase.execute(sara, { route: 'GET /opvolging', limit: 2 });
    expect(first.obligations.map((o) => o.id)).toEqual(['o-early', 'o-same-moment']);
    expect(first.total).toBe(3);
    const second = await useCase.execute(sara, { route: 'GET /opvolging', limit: 2, after: first.next });
    expect(second.obligations.map((o) => o.id)).toEqual(['o-late']);
    expect(second.next).toBeUndefined();
    expect(events.at(-1)?.details).toEqual(
      expect.objectContaining({ after: first.next, count: 1, total: 3 }),
    );
    const ids = async (fields: Record<string, string>) =>
      (await useCase.execute(sara, { route: 'GET /opvolging', ...fields })).obligations.map((o) => o.id);
    expect(await ids({ code: '0002' })).toEqual(['o-late']);
    expect(await ids({ kind: 'afstemming-consulent' })).toEqual(['o-early']);
    expect(await ids({ due: 'verlopen' })).toEqual(['o-early']);
    expect(await ids({ due: '30-dagen' })).toEqual(['o-same-moment', 'o-late']);
    await expect(useCase.execute(sara, { route: 'GET /opvolging', after: 'x' })).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'after' })],
    });
  });
});
