import type { AuditEntry } from '../ports/audit-log.port';
import { AgendaRefusal } from '../errors';
import {
  agendaItemRecord,
  coordinator,
  coordinatorWorld,
  NOW,
  sessionRecord,
} from '../coordinator/coordinator-world.test-util';
import { ShareAgendaItemUseCase } from './share-agenda-item.usecase';

function setup() {
  const world = coordinatorWorld(
    [sessionRecord({ id: 's1', startsAt: new Date('2026-11-27T08:30:00Z') })],
    [agendaItemRecord({ id: 'i1', sessionId: 's1', dossierId: 'd1' })],
  );
  const audit: { event: AuditEntry; at: Date }[] = [];
  const useCase = new ShareAgendaItemUseCase(
    world.change,
    world.itemRepo,
    {
      append: async (event, at) => void audit.push({ event, at }),
      appendMany: async (events, at) => void audit.push(...events.map((event) => ({ event, at }))),
    },
    world.clock,
  );
  return { world, useCase, audit };
}

describe('sharing an agenda item with the session', () => {
  it.each([
    [true, 'agenda-item.share'],
    [false, 'agenda-item.unshare'],
  ])('sets shared to %p and audits %s on the dossier', async (shared, action) => {
    const { world, useCase, audit } = setup();
    await useCase.execute({ actor: coordinator, itemId: 'i1', shared: !shared });

    await useCase.execute({ actor: coordinator, itemId: 'i1', shared });

    expect(world.itemRepo.rows.get('i1')?.sharedWithSession).toBe(shared);
    expect(audit[1]).toEqual({
      event: {
        actorPersonId: 'coordinator-1',
        action,
        entityType: 'agenda_item',
        entityId: 'i1',
        dossierId: 'd1',
        outcome: 'allowed',
        route: 'POST /test',
      },
      at: NOW,
    });
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
    const { world, useCase, audit } = setup();

    const error = await useCase.execute({ actor, itemId, shared: true }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AgendaRefusal);
    expect([(error as AgendaRefusal).code, (error as AgendaRefusal).kind]).toEqual([
      'ITEM_NOT_FOUND',
      'not_found',
    ]);
    expect(world.itemRepo.rows.get('i1')?.sharedWithSession).toBe(false);
    expect(audit).toEqual([]);
  });
});
