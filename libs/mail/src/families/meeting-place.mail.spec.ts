import { calendarFeed } from '../calendar-feed';
import { sessionUid } from '../calendar-invitation';
import { emailAddress, place, uuid, webLink } from '../mail-values';
import { composer, weegploegSlot } from '../testing/every-mail.test-util';
import { icsLines } from '../testing/ics.test-util';
import { agendaUrl, detailsUrl, identity, stamp, weegploeg } from '../testing/mail-fixtures.test-util';

// Fictitious place and link (issue #15: invitations carry where the session is and how to join).
const session = {
  ...weegploeg,
  location: place('Vergaderzaal 2, Voorbeeldstraat 1, 2000 Antwerpen'),
  onlineUrl: webLink('https://meet.example.be/co3-weegploeg'),
};
const recipient = { address: emailAddress('lid@example.be') };
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('the meeting place in mails and calendars', () => {
  it('puts LOCATION, URL and the link in the DESCRIPTION of the session invitation, and both in the agenda', async () => {
    const mail = await composer.agenda({
      recipient,
      session,
      rows: [],
      agendaUrl,
      invitation: { sequence: 3, stamp },
    });
    const ics = unfolded(mail.ics!.content);
    expect(icsLines(mail.ics!.content, 'LOCATION')).toEqual([
      'LOCATION:Vergaderzaal 2\\, Voorbeeldstraat 1\\, 2000 Antwerpen',
    ]);
    expect(icsLines(mail.ics!.content, 'URL')).toEqual([
      'URL;VALUE=URI:https://meet.example.be/co3-weegploeg',
    ]);
    expect(ics).toContain('Online deelnemen: https://meet.example.be/co3-weegploeg');
    expect(mail.text).toContain('Locatie: Vergaderzaal 2, Voorbeeldstraat 1, 2000 Antwerpen.');
    expect(mail.text).toContain('Online deelnemen: https://meet.example.be/co3-weegploeg');
    expect(mail.html).toContain('href="https://meet.example.be/co3-weegploeg"');
  });

  it('gives a guest’s slot invitation the same place and link', async () => {
    const mail = await composer.guestInvitation({
      recipient,
      session,
      slot: weegploegSlot,
      detailsUrl,
      invitation: { sequence: 0, stamp },
    });
    expect(icsLines(mail.ics!.content, 'LOCATION')).toHaveLength(1);
    expect(icsLines(mail.ics!.content, 'URL')).toEqual([
      'URL;VALUE=URI:https://meet.example.be/co3-weegploeg',
    ]);
    expect(mail.text).toContain('Online deelnemen: https://meet.example.be/co3-weegploeg');
  });

  it('leaves URL out without a link', async () => {
    const mail = await composer.agenda({
      recipient,
      session: { ...session, onlineUrl: undefined } as never,
      rows: [],
      agendaUrl,
      invitation: { sequence: 0, stamp },
    });
    expect(icsLines(mail.ics!.content, 'URL')).toEqual([]);
    expect(mail.text).not.toContain('Online deelnemen');
  });

  it('puts location and link in the subscribed feed', () => {
    const feed = calendarFeed({
      name: 'Overlegtafels CO3 Antwerpen',
      organizer: identity.sender,
      stamp,
      entries: [
        {
          uid: sessionUid(uuid(weegploeg.id), identity.uidHost),
          sequence: 1,
          start: weegploeg.start,
          end: weegploeg.end,
          summary: 'Weegploeg – CO3 Antwerpen',
          cancelled: false,
          location: session.location,
          onlineUrl: session.onlineUrl,
        },
      ],
    });
    expect(icsLines(feed, 'LOCATION')).toEqual([
      'LOCATION:Vergaderzaal 2\\, Voorbeeldstraat 1\\, 2000 Antwerpen',
    ]);
    expect(icsLines(feed, 'URL')).toEqual(['URL;VALUE=URI:https://meet.example.be/co3-weegploeg']);
  });

  it('refuses a place on more than one line or with a semicolon', () => {
    expect(() => place('Zaal 1\nATTENDEE:mailto:x@example.org')).toThrow('not a place');
    expect(() => place('Zaal 1; Straat')).toThrow('not a place');
  });

  it('asks the coordinators of an empty agenda to cancel or keep, with both links and no calendar part', async () => {
    const mail = await composer.emptyAgenda({
      recipient,
      session,
      agendaUrl,
      cancelUrl: webLink('https://overlegtafels.example.be/tafels/weegploeg#zitting-1'),
    });
    expect(mail.subject).toBe('Lege agenda: Weegploeg 1 december 2026 – CO3 Antwerpen');
    expect(mail.ics).toBeUndefined();
    expect(mail.text).toContain('er staan geen agendapunten op');
    expect(mail.text).toContain('https://overlegtafels.example.be/tafels/weegploeg#zitting-1');
    expect(mail.text).toContain(agendaUrl);
  });
});
