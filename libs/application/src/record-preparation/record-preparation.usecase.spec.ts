import { AgendaRefusal, InputError } from '../errors';
import { parseInput } from '../input/parse-input';
import { CODE, ORG, preparationWorld, refusal, who } from '../preparation/preparation-world.test-util';
import { PreparationSchema } from './record-preparation.command';

function setup(options: Parameters<typeof preparationWorld>[0] = {}) {
  const world = preparationWorld(options);
  const useCase = world.record;
  const record = (
    actor = who.politie,
    preparation = { known: true, summary: 'Twee pv’s in 2026.', visibility: 'coordinatoren' as const },
  ) => useCase.execute({ actor, itemId: 'item-1', preparation });
  return { ...world, useCase, record };
}

describe('RecordPreparationUseCase', () => {
  it('records one entry per organisation, changed in place by a colleague, audited without the text', async () => {
    const { record, preparations, audit, uow, clock } = setup();
    expect(await record()).toEqual({
      itemId: 'item-1',
      dossierCode: CODE,
      organisationId: ORG.politie.organisationId,
      created: true,
    });
    clock.set('2026-12-02T08:00:00Z');
    expect(
      await record(who.politie2, {
        known: true,
        summary: 'Drie pv’s.',
        riskSignals: 'Wapenbezit',
        visibility: 'coordinatoren',
      } as never),
    ).toMatchObject({ created: false });
    expect(preparations.entries.all()).toEqual([
      expect.objectContaining({
        organisationId: 'org-politie',
        known: true,
        summary: 'Drie pv’s.',
        riskSignals: 'Wapenbezit',
        visibility: 'coordinatoren',
        recordedById: 'pol2',
        updatedAt: new Date('2026-12-02T08:00:00Z'),
      }),
    ]);
    expect(audit.of('preparation.record')).toEqual([
      expect.objectContaining({
        outcome: 'allowed',
        dossierId: 'dossier-1',
        details: {
          code: CODE,
          organisationId: 'org-politie',
          known: true,
          riskSignals: false,
          visibility: 'coordinatoren',
          created: true,
        },
      }),
      expect.objectContaining({ details: expect.objectContaining({ riskSignals: true, created: false }) }),
    ]);
    expect(JSON.stringify(audit.all())).not.toMatch(/pv’s|Wapenbezit/);
    expect(uow.commits).toBe(2);
  });

  it('refuses before the preparation start and once the session is held, with a clear message', async () => {
    const early = setup({ now: '2026-11-26T22:59:00Z' });
    const before = (await refusal(early.record())) as AgendaRefusal;
    expect([before.code, before.kind, before.message]).toEqual([
      'PREPARATION_NOT_STARTED',
      'conflict',
      'De voorbereiding van deze zitting is nog niet gestart.',
    ]);
    expect(early.preparations.entries.all()).toEqual([]);
    expect(early.audit.of('preparation.record').map((e) => e.outcome)).toEqual(['denied']);
    // From Friday 27 November 00:00 in Brussels it opens.
    early.clock.set('2026-11-26T23:00:00Z');
    await expect(early.record()).resolves.toMatchObject({ created: true });

    const held = setup({ session: { status: 'held' }, now: '2026-12-04T09:00:00Z' });
    expect(((await refusal(held.record())) as AgendaRefusal).code).toBe('SESSION_HELD');
    const after = setup({ now: '2026-12-04T11:00:00Z' });
    expect(((await refusal(after.record())) as AgendaRefusal).code).toBe('SESSION_HELD');
    const cancelled = setup({ session: { status: 'cancelled' } });
    expect(((await refusal(cancelled.record())) as AgendaRefusal).code).toBe('SESSION_CANCELLED');
    // During the session, before it is held, a partner can still add what it found.
    await expect(setup({ now: '2026-12-04T09:00:00Z' }).record()).resolves.toMatchObject({ created: true });
  });

  it('is for partners at the table only; another region or a stranger does not find the item', async () => {
    const { record, preparations, audit } = setup();
    const cgg = (await refusal(record(who.cgg))) as AgendaRefusal;
    expect([cgg.code, cgg.kind]).toEqual(['NOT_A_PARTNER', 'forbidden']);
    const coordinator = (await refusal(record(who.coordinator))) as AgendaRefusal;
    // The coordinator sits at the table for the ketenteam, which runs it: no partner entry.
    expect([coordinator.code, coordinator.kind]).toEqual(['NOT_A_PARTNER', 'forbidden']);
    for (const actor of [who.otherRegion, who.outsider, who.aanmelder]) {
      const e = (await refusal(record(actor))) as AgendaRefusal;
      expect([actor.personId, e.code, e.kind]).toEqual([
        actor.personId,
        actor === who.aanmelder ? 'NOT_A_PARTNER' : 'ITEM_NOT_FOUND',
        actor === who.aanmelder ? 'forbidden' : 'not_found',
      ]);
    }
    expect(preparations.entries.all()).toEqual([]);
    expect(audit.of('preparation.record').every((e) => e.outcome === 'denied')).toBe(true);
  });
});

const errorsOf = (body: unknown) => {
  try {
    parseInput(PreparationSchema, body);
    return [];
  } catch (e) {
    return (e as InputError).errors.map((f) => f.field);
  }
};

describe('PreparationSchema', () => {
  it('asks for a summary when the family is known, and for the visibility, next to the field', () => {
    const error = (() => {
      try {
        parseInput(PreparationSchema, { known: 'ja', summary: ' ', riskSignals: '' });
      } catch (e) {
        return e as InputError;
      }
    })()!;
    expect(error.errors.map((e) => [e.field, e.message])).toEqual([
      ['summary', 'Vat kort samen wat uw organisatie over het gezin kent.'],
      ['visibility', 'Kies wie dit mag zien: de tafel of enkel de coördinatoren.'],
    ]);
    expect(errorsOf({ summary: 'x' })).toEqual(['known', 'visibility']);
    expect(parseInput(PreparationSchema, { known: 'nee', visibility: 'tafel', summary: '' })).toEqual({
      known: false,
      visibility: 'tafel',
    });
  });
});
