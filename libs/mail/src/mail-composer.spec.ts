import { RenderedMail } from './mail-renderer';
import { TEMPLATE_NAMES } from './mail-templates';
import { LINE_BREAKING } from './mail-values';
import { icsLines, parseInvitation } from './testing/ics.test-util';
import { identity } from './testing/mail-fixtures.test-util';
import { CALENDAR_MAILS, EVERY_MAIL, hostileRecipient } from './testing/every-mail.test-util';

// What every family must do, checked on one mail of each; each family's own cases sit next to it
// in families/<name>.mail.spec.ts.
const EXPECTED_SUBJECTS: Record<string, string> = {
  agenda: 'Weegploeg 1 december 2026 – CO3 Antwerpen',
  'invitation-guest':
    'Uitnodiging: CO3-2026-0042, plan van aanpak – Weegploeg 1 december 2026 – CO3 Antwerpen',
  'aanmelding-received':
    'Aanmelding ontvangen: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
  'slot-confirmed':
    'Bevestigd: CO3-2026-0042, aanmelding – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
  'item-moved': 'Verplaatst: CO3-2026-0042, plan van aanpak – Weegploeg 15 december 2026 – CO3 Antwerpen',
  'session-cancelled': 'Geannuleerd: Weegploeg 1 december 2026 – CO3 Antwerpen',
  'agendering-received':
    'Agendering ontvangen: CO3-2026-0042, plan van aanpak – Weegploeg 1 december 2026 – CO3 Antwerpen',
  'advice-letter':
    'Beslissing: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
  'no-consent-letter':
    'Beslissing: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
  'zonder-casusregisseur-letter':
    'Beslissing: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
  'herbespreking-letter':
    'Beslissing: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
  'instroom-letter':
    'Beslissing: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
  'casusregie-appointed':
    'Casusregie: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
  'criminologen-referral':
    'Beslissing: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
  reminder: 'Herinnering: CO3-2026-0042 – uiterlijk 1 februari 2027 – CO3 Antwerpen',
  escalation: 'Termijn verstreken: CO3-2026-0042 – uiterlijk 1 februari 2027 – CO3 Antwerpen',
  'login-link': 'Inloglink – CO3 Antwerpen',
  test: 'Testbericht – CO3 Antwerpen',
  'casusregie-change': 'Casusregie: CO3-2026-0042 – CO3 Antwerpen',
  'follow-up-report': 'Vervolghulp: CO3-2026-0042 – CO3 Antwerpen',
  'no-consent-found': 'Geen instemming: CO3-2026-0042 – CO3 Antwerpen',
  'minutes-ready': 'Verslag: Weegploeg 1 december 2026 – CO3 Antwerpen',
  'preparation-reminder':
    'Voorbereiding: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
  'empty-agenda': 'Lege agenda: Weegploeg 1 december 2026 – CO3 Antwerpen',
  'decision-withdrawn': 'Beslissing ingetrokken: CO3-2026-0042 – CO3 Antwerpen',
  'document-replaced':
    'Nieuwe versie: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
};

it('has one mail of every family, one family per template', () => {
  expect(Object.keys(EVERY_MAIL).sort()).toEqual([...TEMPLATE_NAMES].sort());
  expect(Object.keys(EXPECTED_SUBJECTS).sort()).toEqual([...TEMPLATE_NAMES].sort());
});

describe.each(Object.entries(CALENDAR_MAILS))('%s invitation (%s)', (name, method) => {
  it('names its recipient by address only: no CN, no name anywhere in the calendar part', async () => {
    const mail = await EVERY_MAIL[name]!();
    expect(mail.ics?.method).toBe(method);
    const content = mail.ics!.content;
    const attendees = icsLines(content, 'ATTENDEE');
    expect(attendees).toHaveLength(1);
    expect(attendees[0]).toMatch(/^ATTENDEE;(?!.*CN=).*:mailto:sara\.geheim@example\.org$/i);
    expect(parseInvitation(content).attendees[0]!.params.cn ?? null).toBeNull();
    // The name is in the greeting of the body, never in the invitation.
    expect(hostileRecipient.name).toContain('Sara Geheim');
    expect(content.replace(/\r\n /g, '')).not.toMatch(/Sara|Geheim/);
  });
});

it('every other mail carries no calendar part', async () => {
  for (const name of Object.keys(EVERY_MAIL).filter((n) => !(n in CALENDAR_MAILS))) {
    expect([name, (await EVERY_MAIL[name]!()).ics]).toEqual([name, undefined]);
  }
});

describe.each(Object.keys(EVERY_MAIL))('%s mail', (name) => {
  let mail: RenderedMail;
  beforeAll(async () => {
    mail = await EVERY_MAIL[name]!();
  });

  it('has the agreed subject, with codes only', () => {
    expect(mail.subject).toBe(EXPECTED_SUBJECTS[name]);
    expect(mail.subject).not.toMatch(LINE_BREAKING);
    expect(mail.subject).not.toMatch(/Geheim|evil|script/i);
  });

  it('comes from the region mailbox', () => {
    expect(mail.from).toBe('"CO3 Antwerpen" <overlegtafels@co3.example.be>');
  });

  it('has a complete text part and a complete HTML part', () => {
    expect(mail.text).toContain('CO3 Antwerpen');
    expect(mail.text).toContain('art. 458ter Strafwetboek');
    expect(mail.text.endsWith('\n')).toBe(true);
    expect(mail.html).toMatch(/^<!doctype html>/i);
    expect(mail.html).toContain('lang="nl"');
    expect(mail.html).toContain('art. 458ter Strafwetboek');
    expect(mail.html).toContain(`<title>${mail.subject}</title>`);
    // No tag left unfilled, and the hostile "{{subject}}" is printed, not expanded.
    expect(mail.text.replace(/\{\{subject\}\}/g, '')).not.toContain('{{');
    expect(mail.html.replace(/\{\{subject\}\}/g, '')).not.toContain('{{');
  });

  it('escapes hostile free text in HTML and keeps it readable in text', () => {
    expect(mail.html).not.toContain('<script>');
    if (name === 'agenda') {
      // The agenda is addressed to the table, the same for all members; the recipient's name is
      // not in their invitation either (tested above). Its free text is who brings an item.
      expect(mail.text).toContain('Beste deelnemers,');
      expect(mail.html).toContain('Beste deelnemers,');
      expect(`${mail.text}${mail.html}`).not.toContain('Geheim');
      expect(mail.html).toContain(
        '>x ATTENDEE:mailto:evil@example.org BCC: x@example.org\\;,&lt;script&gt;alert(1)&lt;/script&gt;{{subject}}</td>',
      );
      expect(mail.text).toContain(
        '(brengt in: x ATTENDEE:mailto:evil@example.org BCC: x@example.org\\;,<script>alert(1)</script>{{subject}})',
      );
      expect(mail.text).not.toMatch(/\r/);
      return;
    }
    expect(mail.html).toContain(
      'Sara Geheim x ATTENDEE:mailto:evil@example.org BCC: x@example.org\\;,&lt;script&gt;alert(1)&lt;/script&gt;{{subject}}',
    );
    expect(mail.text).toContain(
      'Beste Sara Geheim x ATTENDEE:mailto:evil@example.org BCC: x@example.org\\;,<script>alert(1)</script>{{subject}},',
    );
    expect(mail.text).not.toMatch(/\r/);
  });

  it('keeps names and free text out of the calendar entry', () => {
    if (!mail.ics) return;
    const parsed = parseInvitation(mail.ics.content);
    expect(`${parsed.summary}\n${parsed.description}`).not.toMatch(
      /Geheim|evil|script|Pieter|casusregisseur/i,
    );
    expect(parsed.organizer.value).toBe(`mailto:${identity.sender.address}`);
    expect(mail.from).toContain(`<${parsed.organizer.value.slice('mailto:'.length)}>`);
    expect(parsed.method).toBe(mail.ics.method);
    // One ATTENDEE, the address only.
    expect(icsLines(mail.ics.content, 'ATTENDEE')).toHaveLength(1);
    expect(parsed.attendees[0]!.value).toBe('mailto:sara.geheim@example.org');
  });
});
