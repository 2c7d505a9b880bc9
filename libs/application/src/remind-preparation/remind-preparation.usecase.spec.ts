import { AgendaRefusal } from '../errors';
import { CODE, preparationWorld, refusal, who } from '../preparation/preparation-world.test-util';
import { ListSessionPreparationUseCase } from '../list-session-preparation/list-session-preparation.usecase';

async function setup(options: Parameters<typeof preparationWorld>[0] = {}) {
  const world = preparationWorld(options);
  await world.record.execute({
    actor: who.parket,
    itemId: 'item-1',
    preparation: { known: false, visibility: 'coordinatoren' },
  });
  const overview = new ListSessionPreparationUseCase(
    world.sessions,
    world.preparations,
    world.audit,
    world.clock,
    world.config,
  );
  return { ...world, overview };
}

describe('ListSessionPreparationUseCase', () => {
  it('lists per item which partners prepared, for the coordinators of the table only', async () => {
    const { overview, audit } = await setup();
    const view = await overview.execute({ viewer: who.coordinator, sessionId: 'session-1' });
    expect(view.items.map((i) => [i.dossierCode, i.prepared, i.expected])).toEqual([[CODE, 1, 3]]);
    expect(view.items[0]!.partners.map((p) => [p.organisationName, p.prepared])).toEqual([
      ['Parket (fictief)', true],
      ['Politie (fictief)', false],
      ['Stad (fictief)', false],
    ]);
    for (const viewer of [who.chair, who.stad, who.otherRegion]) {
      const e = (await refusal(overview.execute({ viewer, sessionId: 'session-1' }))) as AgendaRefusal;
      expect([e.code, e.kind]).toEqual(['SESSION_NOT_FOUND', 'not_found']);
    }
    expect(audit.of('preparation.status-read')).toEqual([
      expect.objectContaining({
        actorPersonId: 'coord',
        dossierId: 'dossier-1',
        details: { code: CODE, prepared: 1, expected: 3 },
      }),
    ]);
    expect(audit.of('preparation.overview').map((e) => [e.actorPersonId, e.outcome])).toEqual([
      ['coord', 'allowed'],
      ['chair', 'denied'],
      ['stad', 'denied'],
      ['coord', 'denied'],
    ]);
  });
});

describe('RemindPreparationUseCase', () => {
  it('mails each member of the partners that have not prepared, with the session and the code only', async () => {
    const { remind, outbox, audit, uow } = await setup();
    expect(await remind.execute({ actor: who.coordinator, itemId: 'item-1' })).toEqual({
      sessionId: 'session-1',
      dossierCode: CODE,
      reminded: [
        { organisationId: 'org-politie', organisationName: 'Politie (fictief)', recipients: 2 },
        { organisationId: 'org-stad', organisationName: 'Stad (fictief)', recipients: 1 },
      ],
    });
    const mails = outbox.written();
    expect(mails.map((m) => [m.entry.recipientEmail, m.entry.key, m.tx === uow.tx])).toEqual([
      ['wouter.politie@example.be', 'preparation-reminder|item-1|pol|2026-12-01', true],
      ['ilse.politie@example.be', 'preparation-reminder|item-1|pol2|2026-12-01', true],
      ['stad.lid@example.be', 'preparation-reminder|item-1|stad|2026-12-01', true],
    ]);
    expect(new Set(mails.map((m) => m.mail.subject))).toEqual(
      new Set([
        'Voorbereiding: CO3-2026-0007 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
      ]),
    );
    expect(mails[0]!.mail.text).toContain('https://overleg.example.be/voorbereiding/item-1');
    expect(outbox.enqueued.map((q) => q.key)).toEqual(mails.map((m) => m.entry.key));
    expect(audit.of('preparation.remind')).toEqual([
      expect.objectContaining({
        actorPersonId: 'coord',
        outcome: 'allowed',
        dossierId: 'dossier-1',
        details: { code: CODE, organisations: 2, recipients: 3 },
      }),
    ]);
  });

  it('reminds only the organisations asked for, refuses one not at the table, and is for coordinators', async () => {
    const { remind, outbox } = await setup();
    await remind.execute({ actor: who.coordinator, itemId: 'item-1', organisationIds: ['org-stad'] });
    expect(outbox.written().map((m) => m.entry.recipientEmail)).toEqual(['stad.lid@example.be']);
    const stranger = (await refusal(
      remind.execute({ actor: who.coordinator, itemId: 'item-1', organisationIds: ['org-cgg'] }),
    )) as AgendaRefusal;
    expect([stranger.code, stranger.field]).toEqual(['NOT_A_PARTNER', 'organisationIds']);
    for (const actor of [who.chair, who.stad, who.otherRegion]) {
      const e = (await refusal(remind.execute({ actor, itemId: 'item-1' }))) as AgendaRefusal;
      expect(e.kind).toBe('not_found');
    }
    expect(outbox.written()).toHaveLength(1);
  });

  it('does not remind once the session is held', async () => {
    const world = preparationWorld({ session: { status: 'held' } });
    const { remind } = world;
    const e = (await refusal(remind.execute({ actor: who.coordinator, itemId: 'item-1' }))) as AgendaRefusal;
    expect([e.code, e.kind]).toEqual(['SESSION_HELD', 'conflict']);
    expect(world.outbox.written()).toEqual([]);
  });
});
