import type { OutboxMail } from '@overlegtafels/application/testing';
import type { MailingItem, MailingPerson } from '@overlegtafels/application/testing';
import { FakeAgendaMailing } from './agenda-mailing.fake';
import { FakeUnitOfWork } from './fake-unit-of-work';

const person: MailingPerson = {
  id: 'p1',
  email: 'an.proef@stad.example.be',
  displayName: 'An Proef',
  active: true,
  organisationName: null,
};

function item(id: string, fields: Partial<MailingItem> = {}): MailingItem {
  return {
    id,
    sessionId: 's1',
    originalSessionId: null,
    itemType: 'aanmelding',
    durationMinutes: 30,
    position: 1,
    slotStart: null,
    slotEnd: null,
    status: 'placed',
    icsSequence: 0,
    dossierId: 'd1',
    dossierCode: 'CO3-2026-0001',
    casusregisseur: null,
    submittedBy: person,
    guests: [],
    ...fields,
  };
}

function mail(key: string, fields: Partial<OutboxMail> = {}): OutboxMail {
  return {
    idempotencyKey: key,
    purpose: 'slot-invitation',
    templateKey: 'slot-invitation',
    recipientEmail: 'expert@vk.example.org',
    sessionId: 's1',
    agendaItemId: 'i1',
    sequence: 0,
    messageId: `<${key}@example.org>`,
    fromAddress: 'overlegtafels@example.org',
    subject: 'Uitnodiging',
    textBody: 'tekst',
    icsMethod: 'REQUEST',
    ...fields,
  };
}

describe('the in-memory agenda mailing', () => {
  it('gives the agenda of a session in order, without withdrawn items, and what rolled out of it', async () => {
    const mailing = new FakeAgendaMailing([
      item('i2', { position: 2 }),
      item('i1', { position: 1 }),
      item('i3', { status: 'withdrawn' }),
      item('i4', { sessionId: 's2', originalSessionId: 's1', status: 'rolled_over' }),
    ]);
    const tx = new FakeUnitOfWork().tx;
    expect((await mailing.itemsOn(tx, 's1')).map((i) => i.id)).toEqual(['i1', 'i2']);
    expect((await mailing.rolledOutOf(tx, 's1')).map((i) => i.id)).toEqual(['i4']);
  });

  it('holds an entry by the latest invitation per address: a later CANCEL ends it', async () => {
    const mailing = new FakeAgendaMailing();
    const tx = new FakeUnitOfWork().tx;
    await mailing.addOutbox(tx, [
      mail('a'),
      mail('b', { recipientEmail: 'Expert@VK.example.org', sequence: 1, icsMethod: 'CANCEL' }),
      mail('c', { recipientEmail: 'jan@caw.example.org', recipientPersonId: 'p2' }),
      mail('d', { recipientEmail: 'tom@politie.example.be', agendaItemId: null }),
      mail('e', { recipientEmail: 'vera@example.org', icsMethod: null }),
    ]);
    expect(await mailing.entryHolders(tx, { agendaItemId: 'i1' })).toEqual([
      { email: 'jan@caw.example.org', personId: 'p2' },
    ]);
    expect(await mailing.entryHolders(tx, { sessionId: 's1' })).toEqual([
      { email: 'tom@politie.example.be', personId: null },
    ]);
    const query = { agendaItemId: 'i1', sessionId: 's1', purposes: ['slot-invitation'] };
    expect(await mailing.hasMailAbout(tx, { ...query, email: 'VERA@example.org' })).toBe(true);
    expect(await mailing.hasMailAbout(tx, { ...query, email: 'niemand@example.org' })).toBe(false);
  });

  it('writes a key once and returns only the rows still to be sent', async () => {
    const mailing = new FakeAgendaMailing();
    const tx = new FakeUnitOfWork().tx;
    const [first] = await mailing.addOutbox(tx, [mail('a')]);
    mailing.outbox.rows.update(first!.id, { status: 'sent' });
    const again = await mailing.addOutbox(tx, [mail('a'), mail('b')]);
    expect(again.map((r) => r.idempotencyKey)).toEqual(['b']);
    expect(mailing.outbox.rows.all()).toHaveLength(2);
  });

  it('raises an item SEQUENCE and lets the unit of work roll it back', async () => {
    const mailing = new FakeAgendaMailing([item('i1', { icsSequence: 4 })]);
    const uow = new FakeUnitOfWork(mailing.items);
    await expect(
      uow.run(async (tx) => {
        expect(await mailing.bumpItemSequence(tx, 'i1')).toBe(5);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(mailing.items.get('i1')?.icsSequence).toBe(4);
    expect(await mailing.standingMembers(uow.tx, 'r1', 'ico')).toEqual([]);
  });
});
