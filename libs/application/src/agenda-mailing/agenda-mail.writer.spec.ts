import { Logger } from '@nestjs/common';
import { loadConfig } from '@overlegtafels/config';
import { TableDefinition } from '@overlegtafels/domain';
import { MailComposer, MailTemplates, mailIdentity, messageIdFor } from '@overlegtafels/mail';
import type { MailingItem, MailingPerson } from '../ports/agenda-mailing.port';
import type { SessionRecord } from '../ports/agenda-session.repository.port';
import type { Transaction } from '../ports/unit-of-work.port';
import { CO3_ANTWERPEN } from '@overlegtafels/regions';
import { AGENDA_MAIL, agendaMailKey, messageLocalPart } from './agenda-mail-keys';
import { AgendaMailWriter, AgendaRecipient, OutboxBatch } from './agenda-mail.writer';
import { zdt } from '@overlegtafels/domain/testing';
import { FakeCalendarReminders } from '@overlegtafels/testing';

const brussels = (local: string) => new Date(zdt(local.replace('T', ' ')));

// Fictitious people and addresses only (example.org / example.be).
const identity = mailIdentity('CO3 Antwerpen <overlegtafels@co3.example.be>', 'CO3 Antwerpen');
const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://overlegtafels.example.be' }, '/tmp');
const NOW = brussels('2027-01-21T12:00');
const clock = { now: () => NOW };
const weegploeg: TableDefinition = CO3_ANTWERPEN.tables.find((t) => t.key === 'weegploeg')!;

/** The change's transaction the batch is written in. */
const tx = { change: 'the move' } as unknown as Transaction;

const SESSION_ID = '3d6f1c2a-5b8e-4f7a-9c1d-2e3f4a5b6c7d';
const session: SessionRecord = {
  id: SESSION_ID,
  regionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  tableKey: 'weegploeg',
  scheduledStart: brussels('2027-01-26T13:00'),
  startsAt: brussels('2027-01-26T13:00'),
  endsAt: brussels('2027-01-26T16:00'),
  status: 'sent',
  frozenAt: NOW,
  sentAt: NOW,
  heldAt: null,
  cancelReason: null,
  movedFromStartsAt: null,
  moveReason: null,
  capacityMinutes: null,
  icsSequence: 0,
};

const regisseur: MailingPerson = {
  id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  email: 'ilse.voorbeeldt@caw.example.org',
  displayName: 'Ilse Voorbeeldt',
  active: true,
  organisationName: 'CAW Regio Noord',
};
const item: MailingItem = {
  id: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
  sessionId: SESSION_ID,
  originalSessionId: null,
  itemType: 'plan-van-aanpak',
  durationMinutes: 30,
  position: 1,
  slotStart: brussels('2027-01-26T13:00'),
  slotEnd: brussels('2027-01-26T13:30'),
  status: 'placed',
  icsSequence: 0,
  dossierId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  dossierCode: 'CO3-2026-0042',
  casusregisseur: regisseur,
  submittedBy: regisseur,
  guests: [],
};

const members: AgendaRecipient[] = [
  {
    personId: 'f0e1d2c3-b4a5-4968-8776-655443322110',
    email: 'tom.testmans@politie.example.be',
    name: 'Tom Testmans',
  },
  // Unusable: skipped, the others still get theirs.
  { personId: null, email: 'geen adres@example.org', name: 'Vera Fictief' },
  { personId: 'a0b1c2d3-e4f5-4a6b-8c7d-8e9fa0b1c2d3', email: ' An.Proef@stad.example.be ', name: 'An Proef' },
  { personId: null, email: 'secretariaat@vk.example.org' },
];

function unfolded(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

describe('AgendaMailWriter.agendaToMembers', () => {
  let composer: MailComposer;
  let writer: AgendaMailWriter;
  let reminders: FakeCalendarReminders;
  let warn: jest.SpyInstance;

  beforeEach(() => {
    composer = new MailComposer(identity, new MailTemplates());
    reminders = new FakeCalendarReminders();
    writer = new AgendaMailWriter(composer, identity, config, clock, reminders);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('renders the agenda once and gives every usable recipient a row with the shared body', async () => {
    const render = jest.spyOn(composer, 'agendaBody');
    const batch = new OutboxBatch(tx);
    await writer.agendaToMembers(batch, session, weegploeg, [item], members, 0, false);

    expect(render).toHaveBeenCalledTimes(1);
    const usable = [members[0]!, members[2]!, members[3]!];
    expect(batch.messages.map((m) => m.recipientEmail)).toEqual([
      'tom.testmans@politie.example.be',
      'An.Proef@stad.example.be',
      'secretariaat@vk.example.org',
    ]);
    const [first] = batch.messages;
    expect(first!.textBody).toContain('\nBeste deelnemers,\n');
    expect(first!.htmlBody).toContain('>Beste deelnemers,<');
    expect(first!.textBody).toContain(
      '13:00–13:30  CO3-2026-0042  Plan van aanpak  (brengt in: casusregisseur, CAW Regio Noord)',
    );
    for (const name of ['Tom', 'Testmans', 'Proef', 'Vera', 'secretariaat', 'Beste collega']) {
      expect(`${first!.textBody}${first!.htmlBody}`).not.toContain(name);
    }

    for (const [i, message] of batch.messages.entries()) {
      const to = usable[i]!;
      // One rendering: every row holds the body the first one holds.
      expect(message.textBody).toBe(first!.textBody);
      expect(message.htmlBody).toBe(first!.htmlBody);
      const idempotencyKey = agendaMailKey(AGENDA_MAIL.agenda, { sessionId: SESSION_ID }, to, 0);
      expect(message).toEqual({
        idempotencyKey,
        purpose: 'agenda',
        templateKey: 'agenda',
        recipientEmail: to.email.trim(),
        recipientPersonId: to.personId,
        sessionId: SESSION_ID,
        agendaItemId: null,
        dossierId: null,
        sequence: 0,
        messageId: messageIdFor(identity.uidHost, messageLocalPart(idempotencyKey)),
        fromAddress: '"CO3 Antwerpen" <overlegtafels@co3.example.be>',
        subject: 'Weegploeg 26 januari 2027 – CO3 Antwerpen',
        textBody: first!.textBody,
        htmlBody: first!.htmlBody,
        icsMethod: 'REQUEST',
        icsContent: expect.any(String),
        payload: { sessionId: SESSION_ID, agendaItemId: null },
      });
      // The invitation is the one per-recipient part: that recipient alone is its attendee.
      const ics = unfolded(message.icsContent!);
      const attendees = ics.split('\r\n').filter((l) => l.startsWith('ATTENDEE'));
      expect(attendees).toHaveLength(1);
      expect(attendees[0]!.toLowerCase()).toMatch(new RegExp(`:mailto:${to.email.trim().toLowerCase()}$`));
      expect(ics).toContain(`\r\nUID:session-${SESSION_ID}@co3.example.be\r\n`);
      expect(ics).toContain('\r\nSEQUENCE:0\r\n');
      expect(ics).toContain('\r\nDTSTAMP:20270121T110000Z\r\n');
    }
    expect(new Set(batch.messages.map((m) => m.icsContent)).size).toBe(3);

    // The skipped address is told by ids and code only.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(
      `agenda for session ${SESSION_ID} skipped for one recipient: INVALID_EMAIL_ADDRESS`,
    );
  });

  it('sends a changed agenda as an update with the given sequence', async () => {
    const batch = new OutboxBatch(tx);
    await writer.agendaToMembers(batch, session, weegploeg, [], [members[0]!, members[3]!], 4, true);

    expect(batch.messages.map((m) => [m.purpose, m.idempotencyKey, m.sequence, m.subject])).toEqual(
      [members[0]!, members[3]!].map((to) => [
        'agenda-update',
        agendaMailKey(AGENDA_MAIL.agendaUpdate, { sessionId: SESSION_ID }, to, 4),
        4,
        'Gewijzigd: Weegploeg 26 januari 2027 – CO3 Antwerpen',
      ]),
    );
    expect(batch.messages[1]!.textBody).toBe(batch.messages[0]!.textBody);
    expect(batch.messages[0]!.textBody).toContain('Deze agenda is gewijzigd.');
    expect(batch.messages[0]!.textBody).toContain('Er staan (nog) geen punten op deze agenda.');
    expect(unfolded(batch.messages[0]!.icsContent!)).toContain('\r\nSEQUENCE:4\r\n');
    expect(warn).not.toHaveBeenCalled();
  });

  it('gives each member’s invitation the reminder that member chose, read once for the fan-out', async () => {
    await reminders.choose(members[0]!.personId!, 15);
    await reminders.choose(members[2]!.personId!, 1440);
    const read = jest.spyOn(reminders, 'ofPeople');
    const single = jest.spyOn(reminders, 'of');
    const batch = new OutboxBatch(tx);
    await writer.agendaToMembers(batch, session, weegploeg, [item], members, 0, false);
    const triggers = batch.messages.map((m) => [
      m.recipientEmail,
      /\r\nTRIGGER:([^\r]*)\r\n/.exec(unfolded(m.icsContent!))?.[1] ?? null,
    ]);
    expect(triggers).toEqual([
      ['tom.testmans@politie.example.be', '-PT15M'],
      ['An.Proef@stad.example.be', '-P1D'],
      ['secretariaat@vk.example.org', null],
    ]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(single).not.toHaveBeenCalled();
    // In the change's transaction: under the table's lock, never a second connection of the pool.
    expect(reminders.reads).toEqual([{ tx }]);
  });

  it('gives a slot invitation its person’s reminder', async () => {
    await reminders.choose(regisseur.id, 60);
    const batch = new OutboxBatch(tx);
    const to = { personId: regisseur.id, email: regisseur.email, name: regisseur.displayName };
    await writer.slotInvitation(batch, session, weegploeg, item, to, 1);
    expect(unfolded(batch.messages[0]!.icsContent!)).toContain(
      '\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\n',
    );
    expect(reminders.reads).toEqual([{ tx }]);
  });

  it('renders nothing for nobody', async () => {
    const render = jest.spyOn(composer, 'agendaBody');
    const batch = new OutboxBatch(tx);
    await writer.agendaToMembers(batch, session, weegploeg, [item], [], 0, false);
    expect(render).not.toHaveBeenCalled();
    expect(batch.messages).toEqual([]);
  });

  it('skips the fan-out, not the whole change, when the agenda cannot be shown', async () => {
    const batch = new OutboxBatch(tx);
    const broken = { ...item, dossierCode: 'CO3-2026-0042\r\nBcc: x@example.org' };
    await writer.agendaToMembers(batch, session, weegploeg, [broken], members, 0, false);
    expect(batch.messages).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(
      `agenda for session ${SESSION_ID} skipped for 4 recipient(s): INVALID_DOSSIER_CODE`,
    );
  });
});
