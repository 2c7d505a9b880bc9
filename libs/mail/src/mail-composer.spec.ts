import { DateTime } from 'luxon';
import { guestSlotUid, sessionUid } from './calendar-invitation';
import { GuestSlot } from './families/guest-slot.util';
import { MailComposer } from './mail-composer';
import { RenderedMail } from './mail-renderer';
import { MailTemplates } from './mail-templates';
import { LINE_BREAKING, emailAddress, label, uuid, webLink } from './mail-values';
import { icsLines, parseInvitation } from './testing/ics.test-util';
import {
  ITEM_ID,
  afronding,
  agendaUrl,
  alice,
  bob,
  code42,
  code43,
  detailsUrl,
  formUrl,
  ico,
  identity,
  planVanAanpak,
  stamp,
  weegploeg,
  zdt,
  icoSlot,
} from './testing/mail-fixtures.test-util';

const templates = new MailTemplates();
const composer = new MailComposer(identity, templates);

const HOSTILE =
  'x\r\nATTENDEE:mailto:evil@example.org\rBCC: x@example.org\\;,<script>alert(1)</script>{{subject}}';
const hostileRecipient = { address: emailAddress('sara.geheim@example.org'), name: `Sara Geheim ${HOSTILE}` };

const weegploegSlot: GuestSlot = {
  agendaItemId: ITEM_ID,
  start: zdt('2026-12-01T13:30'),
  end: zdt('2026-12-01T14:00'),
  dossier: code42,
  itemType: planVanAanpak,
};
const rows = [
  // Given out of order on purpose: the agenda is sorted by time.
  {
    start: zdt('2026-12-01T13:30'),
    end: zdt('2026-12-01T13:45'),
    dossier: code43,
    itemType: afronding,
    broughtBy: 'Pieter Claes (politie)',
  },
  {
    start: zdt('2026-12-01T13:00'),
    end: zdt('2026-12-01T13:30'),
    dossier: code42,
    itemType: planVanAanpak,
    broughtBy: 'casusregisseur, CAW',
  },
];

/** One of each message, with hostile free text wherever free text is accepted. */
const ALL: Record<string, () => Promise<RenderedMail>> = {
  agenda: () =>
    composer.agenda({
      recipient: hostileRecipient,
      session: weegploeg,
      rows: [
        ...rows,
        { ...rows[0]!, broughtBy: HOSTILE, start: zdt('2026-12-01T14:00'), end: zdt('2026-12-01T14:15') },
      ],
      agendaUrl,
      invitation: { sequence: 0, stamp },
    }),
  'invitation-guest': () =>
    composer.guestInvitation({
      recipient: hostileRecipient,
      session: weegploeg,
      slot: weegploegSlot,
      detailsUrl,
      invitation: { sequence: 0, stamp },
    }),
  'aanmelding-received': () =>
    composer.aanmeldingReceived({
      recipient: hostileRecipient,
      session: ico,
      slot: icoSlot,
      freezeAt: zdt('2026-12-03T13:00'),
      detailsUrl,
      invitation: { sequence: 0, stamp },
    }),
  'slot-confirmed': () =>
    composer.slotConfirmed({
      recipient: hostileRecipient,
      session: ico,
      slot: icoSlot,
      detailsUrl,
      invitation: { sequence: 1, stamp },
    }),
  'item-moved': () =>
    composer.itemMoved({
      recipient: hostileRecipient,
      from: weegploeg,
      to: {
        ...weegploeg,
        id: uuid('11111111-2222-4333-8444-555555555555'),
        start: zdt('2026-12-15T13:00'),
        end: zdt('2026-12-15T16:00'),
      },
      slot: { ...weegploegSlot, start: zdt('2026-12-15T13:00'), end: zdt('2026-12-15T13:30') },
      reason: HOSTILE,
      detailsUrl,
      invitation: { sequence: 2, stamp },
    }),
  'session-cancelled': () =>
    composer.sessionCancelled({
      recipient: hostileRecipient,
      session: weegploeg,
      reason: HOSTILE,
      next: { table: weegploeg.table, start: zdt('2026-12-15T13:00') },
      detailsUrl: agendaUrl,
      cancellation: { sequence: 3, stamp },
    }),
  'agendering-received': () =>
    composer.agenderingReceived({
      recipient: hostileRecipient,
      session: weegploeg,
      dossier: code42,
      itemType: planVanAanpak,
      agendaSentAt: zdt('2026-11-26T12:00'),
      detailsUrl,
    }),
  'advice-letter': () =>
    composer.adviceLetter({
      recipient: hostileRecipient,
      session: ico,
      dossier: code42,
      adviceText: `Advies:\n${HOSTILE}`,
      safetyPlanAdvice: `Veiligheidsplan:\n${HOSTILE}`,
    }),
  reminder: () =>
    composer.reminder({
      recipient: hostileRecipient,
      dossier: code42,
      obligation: label('Eerste plan van aanpak'),
      due: zdt('2027-02-01T23:59'),
      formUrl,
    }),
  escalation: () =>
    composer.escalation({
      recipient: hostileRecipient,
      dossier: code42,
      obligation: label('Eerste plan van aanpak'),
      due: zdt('2027-02-01T23:59'),
      now: zdt('2027-02-04T07:00'),
      owner: HOSTILE,
      formUrl,
    }),
  'login-link': () =>
    composer.loginLink({
      recipient: hostileRecipient,
      loginUrl: webLink('https://overlegtafels.example.be/login/abc?t=1&u=2'),
      expiresAt: zdt('2026-11-23T09:30'),
    }),
  test: () => composer.test({ recipient: hostileRecipient, sentAt: zdt('2026-11-23T09:15') }),
};

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
  'advice-letter': 'Advies: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
  reminder: 'Herinnering: CO3-2026-0042 – uiterlijk 1 februari 2027 – CO3 Antwerpen',
  escalation: 'Termijn verstreken: CO3-2026-0042 – uiterlijk 1 februari 2027 – CO3 Antwerpen',
  'login-link': 'Inloglink – CO3 Antwerpen',
  test: 'Testbericht – CO3 Antwerpen',
};

describe.each(Object.keys(ALL))('%s mail', (name) => {
  let mail: RenderedMail;
  beforeAll(async () => {
    mail = await ALL[name]!();
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
      // only the CN of their invitation (tested below). Its free text is who brings an item.
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
    // The hostile name became one CN, on one ATTENDEE.
    expect(icsLines(mail.ics.content, 'ATTENDEE')).toHaveLength(1);
    expect(parsed.attendees[0]!.value).toBe('mailto:sara.geheim@example.org');
  });
});

describe('agenda', () => {
  it('lists slot time, dossier code, item type and who brings it, in time order', async () => {
    const mail = await composer.agenda({ recipient: alice, session: weegploeg, rows, agendaUrl });
    expect(mail.text).toContain(
      '13:00–13:30  CO3-2026-0042  Plan van aanpak  (brengt in: casusregisseur, CAW)\n13:30–13:45  CO3-2026-0043  Afronding  (brengt in: Pieter Claes (politie))',
    );
    expect(mail.text).toContain('Agenda van de zitting Weegploeg van dinsdag 1 december 2026, 13:00–16:00.');
    expect(mail.text).toContain('Locatie: Politiehuis Oost zaal 2.');
    expect(mail.text).toContain(agendaUrl);
    // The agenda styles are inlined by MJML; compare the table without them.
    expect(mail.html.replace(/ (?:style|valign)="[^"]*"/g, '')).toContain(
      '<tr><td>13:00–13:30</td><td>CO3-2026-0042</td><td>Plan van aanpak</td><td>casusregisseur, CAW</td></tr><tr><td>13:30–13:45</td>',
    );
    expect(mail.html).toContain(`href="${agendaUrl}"`);
    expect(mail.ics).toBeUndefined();
    expect(mail.text).not.toContain('uitnodiging');
    expect(mail.html).not.toContain('gewijzigd');
  });

  it('says when there is nothing on it, and when it changed', async () => {
    const mail = await composer.agenda({
      recipient: alice,
      session: weegploeg,
      rows: [],
      agendaUrl,
      changed: true,
    });
    expect(mail.subject).toBe('Gewijzigd: Weegploeg 1 december 2026 – CO3 Antwerpen');
    expect(mail.text).toContain('Er staan (nog) geen punten op deze agenda.');
    expect(mail.text).toContain('Deze agenda is gewijzigd.');
    expect(mail.html).toContain('Deze agenda is gewijzigd.');
  });

  it('is the same for every member: rendered once, only the invitation names its recipient', async () => {
    const input = { session: weegploeg, rows, agendaUrl, invitation: { sequence: 2, stamp } };
    const body = await composer.agendaBody(input);
    expect('ics' in body).toBe(false);
    expect(body.text).toContain('\nBeste deelnemers,\n');
    expect(body.html).toContain('>Beste deelnemers,<');
    expect(body.text).toContain('De uitnodiging voor uw agenda zit bij deze e-mail.');
    expect(`${body.text}${body.html}`).not.toMatch(/Lotte|Vermeulen|Pieter Claes,/);
    const forAlice = composer.agendaInvitation({ ...input, recipient: alice });
    const forBob = composer.agendaInvitation({ ...input, recipient: bob });
    // The fan-out's way (entry made once, attendee per recipient) gives the very same invitations.
    const forEach = composer.agendaInvitations(input);
    expect(forEach(alice)).toEqual(composer.agendaInvitation({ ...input, recipient: alice }));
    expect(forEach(bob)).toEqual(forBob);
    expect(icsLines(forAlice.content, 'ATTENDEE').join()).toMatch(
      /:mailto:lotte\.vermeulen@caw\.example\.org$/i,
    );
    expect(icsLines(forBob.content, 'ATTENDEE').join()).toMatch(
      /:mailto:pieter\.claes@politie\.example\.org$/i,
    );
    // Apart from the attendee, the same calendar entry.
    const withoutAttendee = (ics: string) => ics.replace(/\r\n /g, '').replace(/^ATTENDEE.*\r\n/m, '');
    expect(withoutAttendee(forAlice.content)).toBe(withoutAttendee(forBob.content));
    // agenda() is the body with one recipient's invitation.
    const whole = await composer.agenda({ ...input, recipient: alice });
    expect([whole.subject, whole.text, whole.html]).toEqual([body.subject, body.text, body.html]);
    expect(whole.ics).toEqual(forAlice);
  });

  it('gives two members byte-identical text and HTML, each with their own ATTENDEE', async () => {
    const common = { session: weegploeg, rows, agendaUrl, changed: true, invitation: { sequence: 3, stamp } };
    const [forAlice, forBob, forNoName] = await Promise.all([
      composer.agenda({ ...common, recipient: alice }),
      composer.agenda({ ...common, recipient: bob }),
      composer.agenda({ ...common, recipient: { address: emailAddress('secretariaat@co3.example.be') } }),
    ]);
    expect(forBob.text).toBe(forAlice.text);
    expect(forBob.html).toBe(forAlice.html);
    expect(forNoName.text).toBe(forAlice.text);
    expect(forNoName.html).toBe(forAlice.html);
    expect(forBob.subject).toBe('Gewijzigd: Weegploeg 1 december 2026 – CO3 Antwerpen');
    // Neither the named members nor the unnamed one are greeted personally.
    expect(forAlice.text).not.toMatch(/Beste (Lotte|Pieter|collega)/);
    expect(forAlice.text).not.toContain('Vermeulen');
    expect(parseInvitation(forAlice.ics!.content).attendees.map((a) => a.value)).toEqual([
      'mailto:lotte.vermeulen@caw.example.org',
    ]);
    expect(parseInvitation(forBob.ics!.content).attendees.map((a) => a.value)).toEqual([
      'mailto:pieter.claes@politie.example.org',
    ]);
    expect(parseInvitation(forBob.ics!.content).sequence).toBe(3);
  });

  it('greets the members of any table alike, and mentions no invitation when none comes along', async () => {
    const body = await composer.agendaBody({ session: ico, rows: [], agendaUrl });
    expect(body.text).toContain('\nBeste deelnemers,\n');
    expect(body.text).not.toContain('De uitnodiging voor uw agenda');
  });

  it('carries the session invitation, to the recipient alone unless told otherwise', async () => {
    const own = await composer.agenda({
      recipient: alice,
      session: weegploeg,
      rows,
      agendaUrl,
      invitation: { sequence: 4, stamp },
    });
    const parsed = parseInvitation(own.ics!.content);
    expect(parsed.uid).toBe(sessionUid(weegploeg.id, identity.uidHost));
    expect(parsed.sequence).toBe(4);
    expect(parsed.attendees.map((a) => a.value)).toEqual(['mailto:lotte.vermeulen@caw.example.org']);
    expect(parsed.description).toContain('13:00–13:30  CO3-2026-0042  plan van aanpak');
    expect(own.text).toContain('De uitnodiging voor uw agenda zit bij deze e-mail.');

    const all = await composer.agenda({
      recipient: alice,
      session: weegploeg,
      rows,
      agendaUrl,
      invitation: { sequence: 4, stamp, attendees: [alice, bob] },
    });
    expect(parseInvitation(all.ics!.content).attendees).toHaveLength(2);
  });

  it('accepts no question text or other case content in a row', async () => {
    await composer.agenda({
      recipient: alice,
      session: weegploeg,
      // @ts-expect-error agenda rows have no free-text question
      rows: [{ ...rows[0]!, question: 'Is het veilig voor de kinderen?' }],
      agendaUrl,
    });
  });
});

describe('a guest’s slot from aanmelding to move', () => {
  it('says the slot is provisional until the freeze, in the agreed words', async () => {
    const mail = await ALL['aanmelding-received']!();
    expect(mail.text).toContain('vrijdag 4 december 2026, 10:00–10:30, onder voorbehoud tot donderdag 13:00');
    expect(mail.html).toContain('vrijdag 4 december 2026, 10:00–10:30, onder voorbehoud tot donderdag 13:00');
    expect(mail.text).toContain('Op donderdag 3 december 2026 om 13:00 wordt de agenda definitief.');
    const parsed = parseInvitation(mail.ics!.content);
    expect(parsed.status).toBe('TENTATIVE');
    expect(parsed.summary).toBe('Verkennend casusoverleg (ICO): CO3-2026-0042, aanmelding');
    expect(parsed.start).toBe('2026-12-04T09:00:00.000Z');
  });

  it('keeps one calendar entry for the guest through confirmation and move', async () => {
    const [received, confirmed, moved] = await Promise.all(
      ['aanmelding-received', 'slot-confirmed', 'item-moved'].map((n) => ALL[n]!()),
    );
    const [a, b, c] = [received!, confirmed!, moved!].map((m) => parseInvitation(m.ics!.content));
    expect(a!.uid).toBe(guestSlotUid(ITEM_ID, identity.uidHost));
    expect(new Set([a!.uid, b!.uid, c!.uid]).size).toBe(1);
    expect([a!.sequence, b!.sequence, c!.sequence]).toEqual([0, 1, 2]);
    expect([a!.status, b!.status, c!.status]).toEqual(['TENTATIVE', 'CONFIRMED', 'CONFIRMED']);
    expect(c!.start).toBe('2026-12-15T12:00:00.000Z');
    expect(a!.uid).not.toBe(sessionUid(ico.id, identity.uidHost));
  });

  it('tells a moved guest where the item went, and why', async () => {
    const mail = await ALL['item-moved']!();
    expect(mail.text).toContain(
      'staat niet meer op de zitting Weegploeg van dinsdag 1 december 2026. Het komt aan bod op dinsdag 15 december 2026, 13:00–13:30.',
    );
    expect(mail.text).toContain('Reden: x\nATTENDEE:mailto:evil@example.org\nBCC: x@example.org');
    expect(mail.html).toContain('Reden: x<br>\nATTENDEE:mailto:evil@example.org<br>\nBCC: x@example.org');
  });

  it('leaves out what was not given', async () => {
    const mail = await composer.itemMoved({
      recipient: bob,
      from: weegploeg,
      to: { ...weegploeg, start: zdt('2026-12-15T13:00'), end: zdt('2026-12-15T16:00') },
      slot: { ...weegploegSlot, start: zdt('2026-12-15T13:00'), end: zdt('2026-12-15T13:30') },
      reason: ' \r\n ',
      detailsUrl,
    });
    expect(mail.text).not.toContain('Reden');
    expect(mail.ics).toBeUndefined();
    expect(mail.text).toContain('Beste Pieter Claes,');
  });
});

describe('session cancelled', () => {
  it('cancels the session entry (METHOD:CANCEL, STATUS:CANCELLED) and says where items go', async () => {
    const mail = await ALL['session-cancelled']!();
    expect(mail.ics!.method).toBe('CANCEL');
    const parsed = parseInvitation(mail.ics!.content);
    expect(parsed).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      sequence: 3,
      uid: sessionUid(weegploeg.id, identity.uidHost),
    });
    expect(mail.text).toContain(
      'De zitting Weegploeg van dinsdag 1 december 2026 (13:00–16:00) gaat niet door.',
    );
    expect(mail.text).toContain('volgende zitting op dinsdag 15 december 2026');
  });

  it('cancels a guest’s own slot entry when asked', async () => {
    const mail = await composer.sessionCancelled({
      recipient: bob,
      session: weegploeg,
      detailsUrl,
      cancellation: { sequence: 1, stamp, slot: weegploegSlot },
    });
    const parsed = parseInvitation(mail.ics!.content);
    expect(parsed.uid).toBe(guestSlotUid(ITEM_ID, identity.uidHost));
    expect(parsed.start).toBe('2026-12-01T12:30:00.000Z');
    expect(mail.text).not.toMatch(/Reden|volgende zitting/);
  });
});

describe('advice letter', () => {
  it('escapes the advice in HTML, keeps it verbatim in text, and keeps its line breaks', async () => {
    const mail = await composer.adviceLetter({
      recipient: alice,
      session: ico,
      dossier: code42,
      adviceText: 'Eerste lijn.\r\nTweede lijn met <script>alert("x")</script> & meer.\n\nNieuwe alinea.',
      safetyPlanAdvice: 'Maak een veiligheidsplan met de moeder.',
    });
    expect(mail.html).toContain(
      'Eerste lijn.<br>\nTweede lijn met &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer.<br>\n<br>\nNieuwe alinea.',
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain(
      'Eerste lijn.\nTweede lijn met <script>alert("x")</script> & meer.\n\nNieuwe alinea.',
    );
    expect(mail.text).toContain('ADVIES OVER EEN VEILIGHEIDSPLAN\n\nMaak een veiligheidsplan met de moeder.');
    expect(mail.html).toContain('Advies over een veiligheidsplan');
    expect(mail.text).toContain('besproken in de zitting Verkennend casusoverleg (ICO)');
    expect(mail.ics).toBeUndefined();
  });

  it('is never sent without safety-plan advice', async () => {
    const input = { recipient: alice, session: ico, dossier: code42, adviceText: 'Advies.' };
    await expect(composer.adviceLetter({ ...input, safetyPlanAdvice: ' \n\t ' })).rejects.toMatchObject({
      code: 'EMPTY_TEXT',
    });
    await expect(
      composer.adviceLetter({ ...input, adviceText: '', safetyPlanAdvice: 'x' }),
    ).rejects.toMatchObject({ code: 'EMPTY_TEXT' });
  });
});

describe('follow-up', () => {
  it('reminds the owner with the due date and the pre-filled form', async () => {
    const mail = await ALL.reminder!();
    expect(mail.text).toContain(
      'Voor dossier CO3-2026-0042 staat het volgende gepland: eerste plan van aanpak, uiterlijk op maandag 1 februari 2027.',
    );
    expect(mail.text).toContain(formUrl);
    expect(mail.html).toContain(`href="${formUrl.replace(/&/g, '&amp;')}"`);
  });

  it('sends the owner of a manual obligation to the follow-up page instead of the agendering form', async () => {
    const opvolging = webLink('https://overlegtafels.example.be/opvolging');
    const mail = await composer.reminder({
      recipient: alice,
      dossier: code42,
      obligation: label('Afstemming met de consulent van OCJ/SDJ'),
      due: zdt('2027-02-01T09:00'),
      formUrl: opvolging,
      manual: true,
    });
    expect(mail.subject).toBe('Herinnering: CO3-2026-0042 – uiterlijk 1 februari 2027 – CO3 Antwerpen');
    expect(mail.text).toContain('Een taak die u zelf afrondt, markeert u daar als afgerond');
    expect(mail.text).not.toContain('agenderingsformulier');
    expect(mail.html).toContain('Naar mijn opvolging');
    expect(mail.html).not.toContain('Agendering indienen');
  });

  it('tells the coordinator an agendering is missing only for obligations fulfilled by agendering', async () => {
    const base = {
      recipient: alice,
      dossier: code42,
      due: zdt('2027-02-01T09:00'),
      now: zdt('2027-02-02T08:00'),
      owner: 'Jonas Wouters',
      formUrl,
    };
    const agendering = await composer.escalation({ ...base, obligation: label('Eerste plan van aanpak') });
    expect(agendering.text).toContain('de taak is nog niet afgerond: er is nog geen agendering.');
    const manual = await composer.escalation({
      ...base,
      obligation: 'Controle zes maanden na de afronding: is de vervolghulp gestart?',
      manual: true,
    });
    expect(manual.text).toContain(
      'was controle zes maanden na de afronding: is de vervolghulp gestart? voorzien',
    );
    expect(manual.text).toContain('de taak is nog niet afgerond.');
    expect(manual.text).not.toContain('agendering');
  });

  it.each([
    ['2027-02-02T08:00', 'gisteren'],
    ['2027-02-01T23:59', 'vandaag'],
    ['2027-02-11T08:00', '10 dagen geleden'],
  ])('escalates at %s saying the date passed %s', async (now, words) => {
    const mail = await composer.escalation({
      recipient: alice,
      dossier: code42,
      obligation: label('Eerste plan van aanpak'),
      due: zdt('2027-02-01T23:59'),
      now: zdt(now),
      owner: 'Jonas Wouters',
      formUrl,
    });
    expect(mail.text).toContain(`Die termijn is ${words} verstreken`);
    expect(mail.text).toContain('Verantwoordelijke: Jonas Wouters');
  });
});

describe('login link and test mail', () => {
  it('says until when the link works and escapes it in the href', async () => {
    const mail = await ALL['login-link']!();
    expect(mail.text).toContain('geldig tot maandag 23 november 2026 om 09:30');
    expect(mail.text).toContain('https://overlegtafels.example.be/login/abc?t=1&u=2');
    expect(mail.html).toContain('href="https://overlegtafels.example.be/login/abc?t=1&amp;u=2"');
  });

  it('greets a colleague when no name is known', async () => {
    const mail = await composer.test({
      recipient: { address: alice.address },
      sentAt: zdt('2026-11-23T09:15'),
    });
    expect(mail.text).toContain('Beste collega,');
    expect(mail.text).toContain('aangemaakt op maandag 23 november 2026 om 09:15');
  });
});

describe('time zones', () => {
  it('renders the same mail whatever zone the inputs are in', async () => {
    const render = (shift: (d: DateTime) => DateTime) =>
      composer.aanmeldingReceived({
        recipient: alice,
        session: { ...ico, start: shift(ico.start), end: shift(ico.end) },
        slot: { ...icoSlot, start: shift(icoSlot.start), end: shift(icoSlot.end) },
        freezeAt: shift(zdt('2026-12-03T13:00')),
        detailsUrl,
        invitation: { sequence: 0, stamp: shift(stamp) },
      });
    const base = await render((d) => d);
    for (const zone of ['utc', 'America/New_York', 'Pacific/Kiritimati']) {
      const other = await render((d) => d.setZone(zone));
      expect(other).toEqual(base);
    }
  });
});
