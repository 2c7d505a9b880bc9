import { ICAL_CHECK_DIR, ICAL_PYTHON, libicalAvailable } from './testing/ical-check.test-util';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { MailComposer } from './mail-composer';
import { RenderedMail } from './mail-renderer';
import { MailSink } from './mail-sink';
import { MailTransport } from './mail-transport';
import { encodeBody, mimeMessage } from './mime-message';
import { emailAddress, uuid } from './mail-values';
import {
  aanmelding,
  alice,
  code42,
  detailsUrl,
  ico,
  identity,
  icoSlot,
  stamp,
  zdt,
  weegploeg,
  agendaUrl,
} from './testing/mail-fixtures.test-util';
import { findPart, mimeTree } from './testing/mime-tree.test-util';

const PYTHON = ICAL_PYTHON;

describe('an invitation mail through SMTP', () => {
  let dir: string;
  let sink: MailSink;
  let transport: MailTransport;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'invitation-mail-'));
    sink = new MailSink(dir);
    const port = await sink.start(0);
    transport = new MailTransport(`smtp://127.0.0.1:${port}`);
    if (!libicalAvailable) {
      // CI installs them (.ci/run) and must never pass without the independent checks.
      if (process.env.CI)
        throw new Error(`CI needs libical (python3-gi, gir1.2-ical-3.0) and ${ICAL_CHECK_DIR}`);
      console.log(
        `[invitation-mail] libical (python3-gi + gir1.2-ical-3.0) or ${ICAL_CHECK_DIR} missing: skipping its libical_check.py and eml_check.py`,
      );
    }
  });

  afterAll(async () => {
    transport.close();
    await sink.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function sendAndRead(mail: RenderedMail, messageId: string) {
    const before = new Set(readdirSync(dir));
    await transport.send(
      mimeMessage({
        from: mail.from,
        to: alice.address,
        subject: mail.subject,
        messageId,
        date: stamp.toJSDate(),
        body: encodeBody(mail.text, mail.html),
        ics: mail.ics ?? null,
      }),
    );
    // The sink writes the .eml when the DATA command ends, before it answers the client.
    const file = readdirSync(dir).find((f) => f.endsWith('.eml') && !before.has(f));
    if (!file) throw new Error('the sink stored no message');
    const emlPath = path.join(dir, file);
    const raw = readFileSync(emlPath, 'utf8');
    return { emlPath, raw, parsed: await simpleParser(raw) };
  }

  function runCheck(script: string, file: string): { status: number | null; output: string } {
    const r = spawnSync(PYTHON, [path.join(ICAL_CHECK_DIR, script), file], { encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  }

  const composer = new MailComposer(identity);
  const cases: [string, () => Promise<RenderedMail>, 'REQUEST' | 'CANCEL'][] = [
    [
      'a guest invitation',
      () =>
        composer.guestInvitation({
          recipient: { address: alice.address, name: 'Lotte "x"\r\nBcc: evil@example.org' },
          session: ico,
          slot: icoSlot,
          detailsUrl,
          invitation: { sequence: 0, stamp },
        }),
      'REQUEST',
    ],
    [
      'a session agenda in the week summer time starts',
      () =>
        composer.agenda({
          recipient: alice,
          session: {
            ...weegploeg,
            id: uuid('22222222-3333-4444-8555-666666666666'),
            start: zdt('2026-03-31T13:00'),
            end: zdt('2026-03-31T16:00'),
          },
          rows: [
            {
              start: zdt('2026-03-31T13:00'),
              end: zdt('2026-03-31T13:30'),
              dossier: code42,
              itemType: aanmelding,
              broughtBy: 'casusregisseur',
            },
          ],
          agendaUrl,
          invitation: { sequence: 2, stamp },
        }),
      'REQUEST',
    ],
    [
      'a session cancellation',
      () =>
        composer.sessionCancelled({
          recipient: alice,
          session: weegploeg,
          reason: 'Feestdag',
          detailsUrl: agendaUrl,
          cancellation: { sequence: 3, stamp },
        }),
      'CANCEL',
    ],
  ];

  it.each(cases)(
    '%s arrives as iMIP: text, HTML and text/calendar alternatives plus an .ics attachment',
    async (_name, render, method) => {
      const mail = await render();
      const { emlPath, raw, parsed } = await sendAndRead(
        mail,
        `<${method.toLowerCase()}-${Date.now()}@overlegtafels.example.be>`,
      );

      // Structure: multipart/mixed [ multipart/alternative [ text/plain, text/html, text/calendar; method=X ], application/ics ]
      const tree = mimeTree(raw);
      const alternative = findPart(tree, 'multipart/alternative');
      expect(alternative).toBeDefined();
      expect(alternative!.children.map((c) => c.contentType)).toEqual([
        'text/plain',
        'text/html',
        'text/calendar',
      ]);
      const calendarPart = alternative!.children[2]!;
      expect(calendarPart.method).toBe(method);
      expect(calendarPart.disposition).not.toBe('attachment');
      const attachment = findPart(tree, 'application/ics');
      expect(attachment).toMatchObject({ disposition: 'attachment', filename: 'uitnodiging.ics' });
      expect(tree.contentType).toBe('multipart/mixed');

      // mailparser sees the same: the calendar as an attachment-like part with the ICS intact.
      const ics = parsed.attachments.filter(
        (a) => a.contentType === 'text/calendar' || a.contentType === 'application/ics',
      );
      expect(ics.map((a) => a.content.toString('utf8'))).toEqual([mail.ics!.content, mail.ics!.content]);
      expect(parsed.text).toContain('CO3 Antwerpen');
      expect(parsed.html).toContain('art. 458ter Strafwetboek');

      // From (and Sender) is the ORGANIZER.
      const from = parsed.from!.value[0]!.address;
      expect(from).toBe(identity.sender.address);
      const organizer = /^ORGANIZER[^:]*:mailto:(\S+)/m.exec(mail.ics!.content.replace(/\r\n /g, ''))?.[1];
      expect(organizer).toBe(from);
      expect(raw).toMatch(/^Sender: .*overlegtafels@co3\.example\.be/m);

      // Headers: one subject line, one recipient, nothing a name could have injected.
      expect(parsed.subject).toBe(mail.subject);
      expect(parsed.subject).not.toMatch(/[\r\n]/);
      expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((a) => a.address) : []).toEqual([
        alice.address,
      ]);
      expect(parsed.headers.has('bcc')).toBe(false);
      expect(raw.slice(0, raw.search(/\r?\n\r?\n/))).not.toMatch(/evil/i);

      if (libicalAvailable) {
        const icsPath = path.join(dir, `${path.basename(emlPath, '.eml')}.ics`);
        writeFileSync(icsPath, mail.ics!.content);
        const lib = runCheck('libical_check.py', icsPath);
        expect({ status: lib.status, output: lib.output }).toMatchObject({ status: 0 });
        const eml = runCheck('eml_check.py', emlPath);
        expect({ status: eml.status, output: eml.output }).toMatchObject({ status: 0 });
        expect(eml.output).toContain('OK');
      }
    },
  );

  it('sends a plain mail without any calendar part', async () => {
    const mail = await composer.test({
      recipient: { address: emailAddress('lotte.vermeulen@caw.example.org') },
      sentAt: stamp,
    });
    const { raw, parsed } = await sendAndRead(mail, `<test-${Date.now()}@overlegtafels.example.be>`);
    expect(raw).not.toMatch(/text\/calendar|application\/ics/);
    expect(parsed.attachments).toHaveLength(0);
    expect(parsed.subject).toBe('Testbericht – CO3 Antwerpen');
  });
});
