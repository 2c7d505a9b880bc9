import { MailComposer } from './mail-composer';
import { INVITATION_FILENAME, toOutboxContent, toOutgoingMail } from './outgoing-mail';
import {
  alice,
  detailsUrl,
  identity,
  ico,
  stamp,
  zdt,
  ITEM_ID,
  code42,
  aanmelding,
} from './testing/mail-fixtures.test-util';

const composer = new MailComposer(identity);

async function invitation() {
  return composer.guestInvitation({
    recipient: alice,
    session: ico,
    slot: {
      agendaItemId: ITEM_ID,
      start: zdt('2026-12-04T10:00'),
      end: zdt('2026-12-04T10:30'),
      dossier: code42,
      itemType: aanmelding,
    },
    detailsUrl,
    invitation: { sequence: 0, stamp },
  });
}

describe('outbox round trip', () => {
  it('stores a rendered mail in the outbox columns and sends it back with the invitation twice', async () => {
    const mail = await invitation();
    const stored = {
      ...toOutboxContent(mail),
      recipientEmail: alice.address,
      messageId: '<x@overlegtafels.example.be>',
    };
    expect(stored).toMatchObject({
      fromAddress: mail.from,
      subject: mail.subject,
      icsMethod: 'REQUEST',
      icsContent: mail.ics!.content,
    });
    const outgoing = toOutgoingMail(stored);
    expect(outgoing).toEqual({
      from: '"CO3 Antwerpen" <overlegtafels@co3.example.be>',
      to: 'lotte.vermeulen@caw.example.org',
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: '<x@overlegtafels.example.be>',
      icalEvent: { method: 'REQUEST', content: mail.ics!.content, filename: INVITATION_FILENAME },
    });
  });

  it('sends a mail without invitation without calendar parts', async () => {
    const mail = await composer.test({ recipient: alice, sentAt: stamp });
    const outgoing = toOutgoingMail({
      ...toOutboxContent(mail),
      recipientEmail: alice.address,
      messageId: '<y@example.be>',
    });
    expect(outgoing.icalEvent).toBeUndefined();
    expect(toOutboxContent(mail)).toMatchObject({ icsMethod: null, icsContent: null });
  });

  it('refuses a stored row whose method does not match its calendar, or whose headers break lines', async () => {
    const mail = await invitation();
    const stored = { ...toOutboxContent(mail), recipientEmail: alice.address, messageId: '<x@example.be>' };
    expect(() => toOutgoingMail({ ...stored, icsMethod: 'CANCEL' })).toThrow(
      expect.objectContaining({ code: 'UNSAFE_ICS' }),
    );
    expect(() => toOutgoingMail({ ...stored, icsMethod: 'PUBLISH' })).toThrow(
      expect.objectContaining({ code: 'UNSAFE_ICS' }),
    );
    expect(() => toOutgoingMail({ ...stored, subject: 'a\r\nBcc: x@example.org' })).toThrow(
      expect.objectContaining({ code: 'UNSAFE_HEADER' }),
    );
    expect(() => toOutgoingMail({ ...stored, recipientEmail: 'a@example.org\nBcc: x@example.org' })).toThrow(
      expect.objectContaining({ code: 'UNSAFE_HEADER' }),
    );
  });
});
