import { minutesWorld, people, refusalOf, SESSION } from '../minutes/minutes-world.test-util';
import { ReadMinutesUseCase } from './read-minutes.usecase';

async function setup(closed: boolean) {
  const w = minutesWorld();
  await w.uow.run(async (tx) => {
    await w.minutes.lockMinutes(tx, SESSION);
    await w.minutes.saveItemMinutes(
      tx,
      'item-a',
      { text: 'Verslag A.', guestsPresent: ['guest-a'] },
      'jonas',
      new Date(),
    );
    await w.minutes.saveItemMinutes(
      tx,
      'item-b',
      { text: 'Verslag B.', guestsPresent: [] },
      'jonas',
      new Date(),
    );
    await w.minutes.saveAttendance(
      tx,
      SESSION,
      [{ participant: 'politie', status: 'aanwezig' }],
      'jonas',
      new Date(),
    );
    if (closed) await w.minutes.close(tx, SESSION, 'lotte', new Date());
  });
  return { ...w, read: new ReadMinutesUseCase(w.access, w.minutes) };
}
const route = 'GET /api/zittingen/:sessionId/verslag';

describe('ReadMinutesUseCase', () => {
  it('gives the writers everything, also while it is written, with what they may do', async () => {
    const { read } = await setup(false);
    const view = await read.minutesView(SESSION, people.jonas, route);
    expect(view.items.map((i) => [i.dossierCode, i.scope, i.text])).toEqual([
      ['CO3-2026-0101', 'all', 'Verslag A.'],
      ['CO3-2026-0102', 'all', 'Verslag B.'],
    ]);
    expect(view.items[0]!.guests).toEqual([{ id: 'guest-a', kind: 'aanmelder', name: 'Eva', present: true }]);
    expect([view.canWrite, view.canClose, view.canReopen, view.closed]).toEqual([true, false, false, false]);
    expect(view.actionOwners!.organisations.map((o) => o.name)).toEqual(['Huisarts', 'Parket', 'Politie']);
    expect(view.attendance!.find((a) => a.participant === 'politie')).toMatchObject({
      status: 'aanwezig',
      label: 'Politie',
    });
    const lotte = await read.minutesView(SESSION, people.lotte, route);
    expect([lotte.canWrite, lotte.canClose]).toEqual([true, true]);
  });

  it('answers "not found" to anyone else before it is closed, and to another region always', async () => {
    const { read, audit } = await setup(false);
    for (const who of [people.wim, people.eva, people.sara, people.elders]) {
      expect((await refusalOf(read.minutesView(SESSION, who, route))).kind).toBe('not_found');
    }
    expect(audit.of('minutes.read').every((e) => e.outcome === 'denied')).toBe(true);
    const closed = await setup(true);
    expect((await refusalOf(closed.read.minutesView(SESSION, people.elders, route))).code).toBe(
      'SESSION_NOT_FOUND',
    );
  });

  it('once closed: a member the shared item, the casusregisseur their own, the aanmelder their outcome only', async () => {
    const { read, audit } = await setup(true);
    const wim = await read.minutesView(SESSION, people.wim, route);
    expect(wim.items.map((i) => [i.dossierCode, i.scope, i.text, i.decision?.kind ?? null])).toEqual([
      ['CO3-2026-0101', 'none', null, null],
      ['CO3-2026-0102', 'shared', 'Verslag B.', 'geen_ketenaanpak'],
    ]);
    expect([wim.canWrite, wim.actionOwners, wim.attendance === null]).toEqual([false, null, false]);
    const sara = await read.minutesView(SESSION, people.sara, route);
    expect(sara.items.map((i) => [i.dossierCode, i.scope, i.text])).toEqual([
      ['CO3-2026-0102', 'all', 'Verslag B.'],
    ]);
    const eva = await read.minutesView(SESSION, people.eva, route);
    expect(eva.attendance).toBeNull();
    expect(eva.items.map((i) => [i.dossierCode, i.scope, i.text, i.guests, i.actionPoints])).toEqual([
      ['CO3-2026-0101', 'outcome', null, null, []],
    ]);
    // Each item read with content is audited with its dossier; the one by code only is not.
    expect(
      audit.of('minutes.item-read').map((e) => [e.actorPersonId, e.dossierId, e.details?.scope]),
    ).toEqual([
      ['wim', 'dossier-b', 'shared'],
      ['sara', 'dossier-b', 'all'],
      ['eva', 'dossier-a', 'outcome'],
    ]);
  });

  it('shows the owner of an action point on an item they may not read that action point, nothing more', async () => {
    const { read, minutes, uow } = await setup(true);
    await uow.run((tx) =>
      minutes.addActionPoint(tx, {
        id: 'ap-1',
        agendaItemId: 'item-a',
        what: 'Contact opnemen met de huisarts.',
        ownerPersonId: 'wim',
        ownerOrganisationId: null,
        dueDate: new Date('2026-12-18T00:00:00Z'),
        obligationId: 'o-1',
        createdById: 'jonas',
        createdAt: new Date(),
      }),
    );
    const wim = await read.minutesView(SESSION, people.wim, route);
    const a = wim.items.find((i) => i.id === 'item-a')!;
    expect([a.scope, a.text, a.decision, a.guests]).toEqual(['none', null, null, null]);
    expect(a.actionPoints!.map((p) => [p.what, p.dueDate])).toEqual([
      ['Contact opnemen met de huisarts.', '2026-12-18'],
    ]);
    // Another member sees the item by its code only.
    minutes.functions.set('ico|griet', 'lid');
    const griet = await read.minutesView(SESSION, { ...people.wim, personId: 'griet' }, route);
    expect(griet.items.find((i) => i.id === 'item-a')!.actionPoints).toBeNull();
    expect(await read.locateActionPoint('o-1')).toBe(`/verslag/${SESSION}#punt-item-a`);
    expect((await refusalOf(read.locateActionPoint('o-2'))).code).toBe('ACTION_POINT_NOT_FOUND');
  });
});
