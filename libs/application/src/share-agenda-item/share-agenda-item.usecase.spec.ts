import { AgendaRefusal } from '../errors';
import {
  agendaItemRecord,
  coordinator,
  coordinatorWorld,
  sessionRecord,
} from '../coordinator/coordinator-world.test-util';
import { ShareAgendaItemUseCase } from './share-agenda-item.usecase';

function setup() {
  const world = coordinatorWorld(
    [sessionRecord({ id: 's1', startsAt: new Date('2026-11-27T08:30:00Z') })],
    [agendaItemRecord({ id: 'i1', sessionId: 's1', dossierId: 'd1' })],
  );
  const useCase = new ShareAgendaItemUseCase(world.change, world.itemRepo);
  return { world, useCase };
}

describe('sharing an agenda item with the session', () => {
  it.each([
    [true, 'agenda-item.share'],
    [false, 'agenda-item.unshare'],
  ])(
    'sets shared to %p under the table’s lock and audits %s on the dossier, in the change’s transaction',
    async (shared, action) => {
      const { world, useCase } = setup();
      await useCase.execute({ actor: coordinator, itemId: 'i1', shared: !shared });

      await useCase.execute({ actor: coordinator, itemId: 'i1', shared });

      expect(world.itemRepo.rows.get('i1')?.sharedWithSession).toBe(shared);
      expect(world.locks).toEqual(['ico', 'ico']);
      const write = world.itemRepo.writes.at(-1)!;
      expect(write).toMatchObject({ method: 'setShared', id: 'i1' });
      expect(write.tx).toBeDefined();
      expect(world.audit[1]).toEqual({
        event: {
          actorPersonId: 'coordinator-1',
          action,
          entityType: 'agenda_item',
          entityId: 'i1',
          dossierId: 'd1',
          outcome: 'allowed',
          route: 'POST /test',
          details: { itemId: 'i1', shared, tableKey: 'ico', moved: 0 },
        },
        tx: write.tx,
      });
    },
  );

  it('shares once per key: a repeat — also after the sharing was undone — changes and audits nothing', async () => {
    const { world, useCase } = setup();
    const share = { actor: coordinator, itemId: 'i1', shared: true, submissionKey: 'delen-i1-0001' };
    expect(await useCase.execute(share)).toEqual({ repeated: false });
    await useCase.execute({ ...share, shared: false, submissionKey: 'delen-i1-0002' });
    expect(await useCase.execute(share)).toEqual({ repeated: true });
    expect(world.itemRepo.rows.get('i1')?.sharedWithSession).toBe(false);
    expect(world.audit.map((a) => a.event.action)).toEqual(['agenda-item.share', 'agenda-item.unshare']);
    const reused = await useCase
      .execute({ ...share, shared: false })
      .catch((e: unknown) => e as AgendaRefusal);
    expect([(reused as AgendaRefusal).code, (reused as AgendaRefusal).kind]).toEqual([
      'SUBMISSION_KEY_REUSED',
      'conflict',
    ]);
    expect(world.audit).toHaveLength(2);
  });

  it.each([
    ['an unknown item', 'nope', coordinator],
    [
      'an item of a table the actor does not coordinate',
      'i1',
      { ...coordinator, coordinatorTables: ['weegploeg'] },
    ],
    // A coordinator of the same table key in another region: the write is fenced by region too.
    ['an item of another region', 'i1', { ...coordinator, regionId: 'region-2' }],
  ])('does not find %s and changes nothing', async (_, itemId, actor) => {
    const { world, useCase } = setup();

    const error = await useCase.execute({ actor, itemId, shared: true }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AgendaRefusal);
    expect([(error as AgendaRefusal).code, (error as AgendaRefusal).kind]).toEqual([
      'ITEM_NOT_FOUND',
      'not_found',
    ]);
    expect(world.itemRepo.rows.get('i1')?.sharedWithSession).toBe(false);
    expect(world.audit.filter((a) => a.event.outcome === 'allowed')).toEqual([]);
    expect(world.locks).toEqual([]);
  });
});
