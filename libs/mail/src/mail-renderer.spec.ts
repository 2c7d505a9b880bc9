import { IcsPart } from './calendar-invitation';
import { MailParts, greetingOf, renderMail } from './mail-renderer';
import { plainSubject } from './mail-subjects';
import { MailTemplates } from './mail-templates';
import { label } from './mail-values';
import { alice, identity } from './testing/mail-fixtures.test-util';

const templates = new MailTemplates();

function testParts(overrides: Partial<MailParts> = {}): MailParts {
  return {
    template: 'test',
    subject: plainSubject('Testbericht', identity.region),
    preview: 'Een voorbeeld.',
    greeting: alice,
    values: { sentAt: 'maandag 23 november 2026 om 09:15' },
    ...overrides,
  };
}

describe('the greeting', () => {
  it('names a named recipient, reduced to one clean line', () => {
    expect(greetingOf(alice)).toBe('Beste Lotte Vermeulen,');
    expect(greetingOf({ address: alice.address, name: ' Lotte\r\n  Vermeulen\u202e ' })).toBe(
      'Beste Lotte Vermeulen,',
    );
  });

  it('greets a colleague when the name is missing or blank', () => {
    expect(greetingOf({ address: alice.address })).toBe('Beste collega,');
    expect(greetingOf({ address: alice.address, name: ' \t\n ' })).toBe('Beste collega,');
  });
});

describe('renderMail', () => {
  it('fills both parts with the family values and what every mail shows', async () => {
    const mail = await renderMail(templates, identity, testParts());
    expect(mail.subject).toBe('Testbericht – CO3 Antwerpen');
    expect(mail.from).toBe('"CO3 Antwerpen" <overlegtafels@co3.example.be>');
    expect(mail.text).toContain('\nBeste Lotte Vermeulen,\n');
    expect(mail.text).toContain(
      'Dit is een testbericht van de overlegtafels van CO3 Antwerpen, aangemaakt op maandag 23 november 2026 om 09:15.',
    );
    expect(mail.html).toContain('<title>Testbericht – CO3 Antwerpen</title>');
    expect(mail.html).toContain('Een voorbeeld.');
    expect('ics' in mail).toBe(false);
  });

  it('prints a fixed greeting as it is, for a mail addressed to a whole group', async () => {
    const mail = await renderMail(templates, identity, testParts({ greeting: 'Beste deelnemers,' }));
    expect(mail.text).toContain('\nBeste deelnemers,\n');
    expect(mail.text).not.toContain('Lotte');
  });

  it('lets no family value stand in for the subject, preview, region or greeting', async () => {
    const mail = await renderMail(
      templates,
      identity,
      testParts({
        values: {
          sentAt: 'nu',
          subject: 'Andere titel',
          preview: 'Andere preview',
          regionName: 'Andere regio',
          greeting: 'Hallo,',
        },
      }),
    );
    expect(`${mail.text}${mail.html}`).not.toMatch(/Andere|Hallo/);
    expect(mail.html).toContain('<title>Testbericht – CO3 Antwerpen</title>');
    expect(mail.text).toContain('van de overlegtafels van CO3 Antwerpen, aangemaakt op nu.');
  });

  it('passes the calendar part through unchanged, with the region mailbox as From', async () => {
    // renderMail never looks inside the calendar part; the families make it (see their specs).
    const ics: IcsPart = { method: 'CANCEL', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' };
    const mail = await renderMail(
      templates,
      { ...identity, sender: { ...identity.sender, name: label('Veilig Huis') } },
      testParts({ ics }),
    );
    expect(mail.ics).toBe(ics);
    expect(mail.from).toBe('"Veilig Huis" <overlegtafels@co3.example.be>');
  });
});
