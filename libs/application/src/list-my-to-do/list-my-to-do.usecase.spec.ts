import type { Principal, RoleGrant } from '@overlegtafels/auth';
import { ControlledClock, FakeObligationReadModel, fakeListRow } from '@overlegtafels/testing';
import { ObligationRules } from '../obligations/obligation-rules';
import type { AuditLog } from '../ports/audit-log.port';
import type { AwaitingDecisionRow, ToDoReadModel } from '../ports/to-do-read-model.port';
import { ListMyToDoUseCase } from './list-my-to-do.usecase';

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

const NOW = '2026-05-04T10:00:00Z';

function setup(undecided: number) {
  const obligations = new FakeObligationReadModel()
    .add(
      fakeListRow('o-overdue', {
        ownerId: 'lotte',
        dueAt: new Date('2026-05-01T07:00:00Z'),
        dossierCode: 'CO3-2026-0001',
      }),
    )
    .add(
      fakeListRow('o-soon', {
        ownerId: 'lotte',
        dueAt: new Date('2026-05-15T07:00:00Z'),
        dossierCode: 'CO3-2026-0002',
      }),
    )
    .add(
      fakeListRow('o-later', {
        ownerId: 'lotte',
        dueAt: new Date('2026-06-30T07:00:00Z'),
        dossierCode: 'CO3-2026-0003',
      }),
    );
  const decisions: AwaitingDecisionRow[] = Array.from({ length: undecided }, (_, i) => ({
    itemId: `item-${i}`,
    itemType: 'aanmelding',
    sessionId: 'session-1',
    tableKey: 'ico',
    startsAt: new Date('2026-05-01T07:30:00Z'),
    dossierCode: `CO3-2026-${String(100 + i).padStart(4, '0')}`,
  }));
  const asked: string[][] = [];
  const reads: ToDoReadModel = {
    preparationCandidates: async () => [],
    closedMinutes: async () => [],
    awaitingDecision: async (_region, tables) => {
      asked.push([...tables]);
      return tables.includes('ico') ? decisions : [];
    },
  };
  const events: { action: string; details: Record<string, unknown> }[] = [];
  const audit = { append: async (e: (typeof events)[number]) => void events.push(e) };
  const useCase = new ListMyToDoUseCase(
    obligations,
    reads,
    new ObligationRules({ regions: ['co3-antwerpen'] }),
    { mayOpen: async () => true },
    audit as unknown as AuditLog,
    new ControlledClock(NOW),
  );
  return { useCase, events, asked };
}

const lotte = who('lotte', { role: 'coordinator', tableKey: 'ico' });

describe('ListMyToDoUseCase ("Voor mij te doen")', () => {
  it('lists the obligations due within two weeks or overdue, then the items waiting for a decision', async () => {
    const { useCase, asked } = setup(2);
    const list = await useCase.execute(lotte, { route: 'GET /te-doen' });
    expect(
      list.entries.map((e) =>
        e.kind === 'obligation' ? e.obligation.id : e.kind === 'decision' ? e.itemId : e.kind,
      ),
    ).toEqual(['o-overdue', 'o-soon', 'item-0', 'item-1']);
    expect(list.entries[0]).toMatchObject({ kind: 'obligation', obligation: { overdue: true } });
    expect(list.entries[2]).toMatchObject({
      kind: 'decision',
      tableName: 'Verkennend casusoverleg (ICO)',
      itemTypeLabel: 'Aanmelding',
      url: '/agenda/session-1#punt-item-0',
      sessionStartsAt: '2026-05-01T09:30:00.000+02:00',
    });
    // Only the tables the coordinator coordinates are asked for.
    expect(asked).toEqual([['ico']]);
    expect(list.counts).toEqual({ obligation: 2, preparation: 0, decision: 2, verslag: 0 });
  });

  it('gives fifty a page with the total, and audits the codes of the page shown', async () => {
    const { useCase, events } = setup(60);
    const first = await useCase.execute(lotte, { route: 'GET /te-doen' });
    expect([first.total, first.pages, first.page, first.entries.length]).toEqual([62, 2, 1, 50]);
    const second = await useCase.execute(lotte, { route: 'GET /te-doen', page: 2 });
    expect(second.entries.length).toBe(12);
    expect(second.entries[0]).toMatchObject({ kind: 'decision', itemId: 'item-48' });
    expect(events.map((e) => [e.action, e.details.shown, e.details.total])).toEqual([
      ['todo.list', 50, 62],
      ['todo.list', 12, 62],
    ]);
    expect(String(events[1]!.details.codes).split(',')).toEqual(
      Array.from({ length: 12 }, (_, i) => `CO3-2026-${String(148 + i).padStart(4, '0')}`),
    );
    expect(await useCase.count(lotte, 'GET /')).toBe(62);
    expect(events).toHaveLength(2);
  });

  it('asks for no decisions of someone who coordinates no table', async () => {
    const { useCase, asked } = setup(3);
    const list = await useCase.execute(who('wim', { role: 'member', tableKey: 'ico' }), {
      route: 'GET /te-doen',
    });
    expect(list.total).toBe(0);
    expect(asked).toEqual([[]]);
  });
});
