import { sessionUid } from '../calendar-invitation';
import { emailAddress } from '../mail-values';
import { icsLines, parseInvitation } from '../testing/ics.test-util';
import { agendaUrl, alice, bob, ico, identity, stamp, weegploeg } from '../testing/mail-fixtures.test-util';
import { composer, rows } from '../testing/every-mail.test-util';

describe('agenda', () => {
  it('lists slot time, dossier code, item type and who brings it, in time order', async () => {
    const mail = await composer.agenda({ recipient: alice, session: weegploeg, rows, agendaUrl });
    expect(mail.text).toContain(
      '13:00–13:30  CO3-2026-0042  Plan van aanpak  (brengt in: casusregisseur, CAW)\n13:30–13:45  CO3-2026-0043  Afronding  (brengt in: Pieter Claes (politie))',
    );
    expect(mail.text).toContain('Agenda van de zitting Weegploeg van dinsdag 1 december 2026, 13:00–16:00.');
    expect(mail.text).toContain('Locatie: Politiehuis Oost zaal 2.');
    expect(mail.text).toContain(agendaUrl);
    // No promise of documents a member may not open (issue #15): what each reader may see.
    expect(mail.text).not.toContain('De documenten en vragen per dossier vindt u');
    expect(mail.text).toContain('de leden de vragen van de punten die de coördinator met de tafel deelt');
    // The agenda styles are inlined by MJML; compare the table without them.
    expect(mail.html.replace(/ (?:style|valign)="[^"]*"/g, '')).toContain(
      '<tr><td>13:00–13:30</td><td>CO3-2026-0042</td><td>Plan van aanpak</td><td>casusregisseur, CAW</td></tr><tr><td>13:30–13:45</td>',
    );
    // Times and dossier codes never break over lines, nor do the headers (issue #16).
    const cells = [...mail.html.matchAll(/<(td|th)([^>]*)>([^<]*)<\/\1>/g)].filter((m) =>
      /^(\d\d:\d\d–\d\d:\d\d|CO3-\d{4}-\d{4}|Tijd|Dossier|Agendapunt|Brengt in)$/.test(m[3]!),
    );
    expect(cells.length).toBe(8);
    for (const cell of cells)
      expect([cell[3], cell[2]]).toEqual([cell[3], expect.stringMatching(/white-space: ?nowrap/)]);
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
