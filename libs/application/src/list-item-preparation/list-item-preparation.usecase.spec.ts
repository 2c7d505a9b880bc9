import type { Viewer } from '../agenda/agenda-queries';
import { AgendaRefusal } from '../errors';
import {
  CODE,
  DURING_PREPARATION,
  IN_SESSION,
  PREPARATION_START,
  preparationWorld,
  refusal,
  who,
} from '../preparation/preparation-world.test-util';

/** Politie shares for coordinators only, parket and stad with the table. */
async function setup(options: Parameters<typeof preparationWorld>[0] = {}) {
  // Recorded while the session is planned; the session's state the test asks for comes after.
  const world = preparationWorld({ ...options, session: undefined });
  const { record } = world;
  const now = world.clock.now();
  world.clock.set(DURING_PREPARATION);
  await record.execute({
    actor: who.politie,
    itemId: 'item-1',
    preparation: { known: true, summary: 'Lopend pv.', visibility: 'coordinatoren' },
  });
  await record.execute({
    actor: who.parket,
    itemId: 'item-1',
    preparation: { known: false, visibility: 'tafel' },
  });
  if (!options.aanmelderSeat) {
    await record.execute({
      actor: who.stad,
      itemId: 'item-1',
      preparation: { known: true, summary: 'Leefloon sinds 2025.', visibility: 'tafel' },
    });
  }
  world.clock.set(now);
  const item = world.preparations.items[0]!;
  world.preparations.items[0] = { ...item, session: { ...item.session, ...options.session } };
  const read = (viewer: Viewer) => world.list.execute({ viewer, itemId: 'item-1' });
  const orgs = async (viewer: Viewer) => (await read(viewer)).entries.map((e) => e.organisationName);
  return { ...world, read, orgs };
}

describe('ListItemPreparationUseCase', () => {
  it('shows the coordinators and the chair every entry, and which partners prepared', async () => {
    const { read, orgs, audit } = await setup();
    const view = await read(who.coordinator);
    expect(view).toMatchObject({
      dossierCode: CODE,
      tableName: 'Verkennend casusoverleg (ICO)',
      itemTypeLabel: 'Aanmelding',
      preparationStart: PREPARATION_START,
      audience: 'full',
      coordinator: true,
      open: true,
      canRecord: false,
      tafelOpen: false,
    });
    expect(view.entries.map((e) => [e.organisationName, e.visibility])).toEqual([
      ['Parket (fictief)', 'tafel'],
      ['Politie (fictief)', 'coordinatoren'],
      ['Stad (fictief)', 'tafel'],
    ]);
    // CGG sits at the table but is no ICO partner; the ketenteam runs the table.
    expect(view.partners!.map((p) => [p.organisationName, p.prepared])).toEqual([
      ['Parket (fictief)', true],
      ['Politie (fictief)', true],
      ['Stad (fictief)', true],
    ]);
    expect(await orgs(who.chair)).toEqual(['Parket (fictief)', 'Politie (fictief)', 'Stad (fictief)']);
    expect((await read(who.chair)).partners).toBeNull();
    expect(audit.of('preparation.read').at(-1)).toEqual(
      expect.objectContaining({
        actorPersonId: 'chair',
        outcome: 'allowed',
        dossierId: 'dossier-1',
        details: { code: CODE, audience: 'full', shown: 3, of: 3 },
      }),
    );
  });

  it('shows a partner its own entry before the session, and the others’ tafel entries once it is in progress', async () => {
    const before = await setup();
    const stad = await before.read(who.stad);
    expect([stad.audience, stad.canRecord, stad.organisationName, stad.own?.summary]).toEqual([
      'member',
      true,
      'Stad (fictief)',
      'Leefloon sinds 2025.',
    ]);
    expect(stad.entries.map((e) => e.organisationName)).toEqual(['Stad (fictief)']);
    expect(stad.partners).toBeNull();

    const during = await setup({ now: IN_SESSION });
    expect(await during.orgs(who.stad)).toEqual(['Parket (fictief)', 'Stad (fictief)']);
    // Politie sees its own coordinators-only entry; CGG, no partner, only the tafel entries.
    expect(await during.orgs(who.politie)).toEqual([
      'Parket (fictief)',
      'Politie (fictief)',
      'Stad (fictief)',
    ]);
    expect(await during.orgs(who.cgg)).toEqual(['Parket (fictief)', 'Stad (fictief)']);
    const held = await setup({ session: { status: 'held' }, now: '2026-12-05T09:00:00Z' });
    const view = await held.read(who.stad);
    expect([view.open, view.canRecord, view.closedReason]).toEqual([
      false,
      false,
      'De zitting is gehouden: de voorbereiding kan niet meer gewijzigd worden.',
    ]);
    expect(view.entries.map((e) => e.organisationName)).toEqual(['Parket (fictief)', 'Stad (fictief)']);
  });

  it('never shows the aanmelder another partner’s input, not even in session and at the table', async () => {
    const outside = await setup({ now: IN_SESSION });
    const view = await outside.read(who.aanmelder);
    expect([view.audience, view.entries, view.partners, view.canRecord]).toEqual([
      'aanmelder',
      [],
      null,
      false,
    ]);

    const seated = await setup({ now: IN_SESSION, aanmelderSeat: true });
    const own = await seated.read(who.aanmelder);
    expect(own.entries.map((e) => e.organisationName)).toEqual(['Politie (fictief)']);
  });

  it('answers "not found" to another region and to someone not at the table, and audits it', async () => {
    const { read, audit } = await setup({ now: IN_SESSION });
    for (const viewer of [who.otherRegion, who.outsider]) {
      const e = (await refusal(read(viewer))) as AgendaRefusal;
      expect([e.code, e.kind]).toEqual(['ITEM_NOT_FOUND', 'not_found']);
    }
    // The region fence names the dossier of another region's attempt in the log (issue #17).
    expect(audit.of('preparation.read').map((e) => [e.actorPersonId, e.outcome, e.dossierId])).toEqual([
      ['coord', 'denied', 'dossier-1'],
      ['nobody', 'denied', 'dossier-1'],
    ]);
  });
});
