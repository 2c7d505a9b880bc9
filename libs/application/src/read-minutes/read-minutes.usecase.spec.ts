import type { InvitationAnswer } from '../list-session-answers/session-answers.service';
import { minutesWorld, people, refusalOf, SESSION } from '../minutes/minutes-world.test-util';
import { ReadMinutesUseCase } from './read-minutes.usecase';

async function setup(closed: boolean, answers: InvitationAnswer[] = [], written = true) {
  const w = minutesWorld();
  const asked: [string, readonly string[] | undefined][] = [];
  const sessionAnswers = {
    of: async (sessionId: string, itemIds?: readonly string[]) => {
      asked.push([sessionId, itemIds]);
      return answers;
    },
  };
  if (written)
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
  return { ...w, asked, read: new ReadMinutesUseCase(w.access, w.minutes, sessionAnswers) };
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
    expect(view.items[0]!.guests).toEqual([
      { id: 'guest-a', kind: 'aanmelder', name: 'Eva', present: true, answer: null, proposed: false },
    ]);
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

  describe('the calendar answers beside the attendance (issue #16)', () => {
    const answer = (
      who: string,
      organisationKind: string | null,
      partstat: InvitationAnswer['partstat'],
      extra: Partial<InvitationAnswer> = {},
    ): InvitationAnswer => ({
      email: `${who.toLowerCase()}@example.org`,
      personId: who.toLowerCase(),
      who,
      organisationKind,
      agendaItemId: null,
      dossierCode: null,
      partstat,
      answer: ({ ACCEPTED: 'aanvaard', TENTATIVE: 'voorlopig', DECLINED: 'afgemeld' } as const)[
        partstat ?? 'ACCEPTED'
      ],
      beforeChange: false,
      ...(partstat === null ? { answer: 'geen antwoord' as const } : {}),
      ...extra,
    });
    const answers = [
      answer('Pieter', 'politie', 'ACCEPTED'),
      answer('Petra', 'parket', 'DECLINED'),
      answer('Vera', 'vk', 'ACCEPTED', { beforeChange: true }),
      answer('Carla', 'caw', 'TENTATIVE'),
      answer('Stijn', 'stad', null),
      // Eva's answer to her own slot's invitation (item A), by her address.
      answer('Eva', null, 'ACCEPTED', { agendaItemId: 'item-a', dossierCode: 'CO3-2026-0101' }),
    ];

    it('proposes what the answers say while nothing is recorded, and shows both', async () => {
      const { read, asked } = await setup(false, answers, false);
      const view = await read.minutesView(SESSION, people.jonas, route);
      expect(asked).toEqual([[SESSION, ['item-a', 'item-b']]]);
      const row = (p: string) => view.attendance!.find((a) => a.participant === p)!;
      expect(
        ['politie', 'parket', 'vk', 'caw', 'stad'].map((p) => [
          p,
          row(p).status,
          row(p).proposed,
          row(p).answers!.map((a) => a.answer),
        ]),
      ).toEqual([
        ['politie', null, 'aanwezig', ['aanvaard']],
        ['parket', null, 'verontschuldigd', ['afgemeld']],
        // An acceptance of the earlier time proposes nothing; it is shown as such.
        ['vk', null, null, ['aanvaard']],
        ['caw', null, null, ['voorlopig']],
        ['stad', null, null, ['geen antwoord']],
      ]);
      expect(row('vk').answers![0]!.beforeChange).toBe(true);
      expect(view.items[0]!.guests).toEqual([
        { id: 'guest-a', kind: 'aanmelder', name: 'Eva', present: false, answer: 'aanvaard', proposed: true },
      ]);
      expect(view.invitations!.map((i) => [i.who, i.organisation, i.slot, i.answer])).toEqual([
        ['Pieter', 'Politie', null, 'aanvaard'],
        ['Petra', 'Parket', null, 'afgemeld'],
        ['Vera', expect.any(String), null, 'aanvaard'],
        ['Carla', expect.any(String), null, 'voorlopig'],
        ['Stijn', expect.any(String), null, 'geen antwoord'],
        ['Eva', null, 'CO3-2026-0101', 'aanvaard'],
      ]);
    });

    it('proposes nothing where attendance is recorded: what happened stands, the answer beside it', async () => {
      const { read } = await setup(false, answers);
      const view = await read.minutesView(SESSION, people.jonas, route);
      const politie = view.attendance!.find((a) => a.participant === 'politie')!;
      expect([politie.status, politie.proposed, politie.answers!.map((a) => a.answer)]).toEqual([
        'aanwezig',
        null,
        ['aanvaard'],
      ]);
      // Attendance was saved: the guests' boxes are what was recorded, not proposals.
      expect(view.items[0]!.guests![0]).toMatchObject({ present: true, answer: 'aanvaard', proposed: false });
    });

    it('shows the answers to the verslag’s writers only', async () => {
      const { read, asked } = await setup(true, answers);
      const wim = await read.minutesView(SESSION, people.wim, route);
      expect(wim.invitations).toBeNull();
      expect(wim.attendance!.every((a) => a.answers === undefined && a.proposed === undefined)).toBe(true);
      expect(asked).toEqual([]);
    });
  });
});
