import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SinkReplyMailbox } from './sink-reply-mailbox';

describe('SinkReplyMailbox (the default mode’s organiser mailbox)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sink-replies-'));
    const mail = (to: string, subject: string) =>
      `From: a@example.org\r\nTo: ${to}\r\nSubject: ${subject}\r\n\r\nx\r\n`;
    writeFileSync(path.join(dir, '001-a.eml'), mail('"CO3" <Overlegtafels@Example.be>', 'Aanvaard'));
    writeFileSync(path.join(dir, '002-b.eml'), mail('lotte@example.org', 'Agenda'));
    writeFileSync(
      path.join(dir, '003-c.eml'),
      `From: a@example.org\r\nTo: x@example.org,\r\n overlegtafels@example.be\r\n\r\nx\r\n`,
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists only the mail to the organiser, reads it and moves a handled one to its folder', async () => {
    const box = new SinkReplyMailbox(dir, ['overlegtafels@example.be']);
    await box.open(async (open) => {
      const listed = await open.list();
      expect(listed.map((m) => m.id)).toEqual(['001-a.eml', '003-c.eml']);
      expect(listed[0]!.size).toBeGreaterThan(0);
      expect((await open.read('001-a.eml')).toString()).toContain('Subject: Aanvaard');
      await open.moveTo('001-a.eml', 'Verwerkt');
      expect(await open.list()).toHaveLength(1);
    });
    expect(existsSync(path.join(dir, 'Verwerkt', '001-a.eml'))).toBe(true);
    // The other mail of the sink is where it was.
    expect(readdirSync(dir).sort()).toEqual(['002-b.eml', '003-c.eml', 'Verwerkt']);
  });

  it('refuses an id that is not a file of the sink', async () => {
    const box = new SinkReplyMailbox(dir, ['overlegtafels@example.be']);
    await box.open(async (open) => {
      await expect(open.read('../etc/passwd')).rejects.toThrow('not a message of the sink');
      await expect(open.moveTo('x/../../y.eml', 'Verwerkt')).rejects.toThrow('not a message of the sink');
    });
  });
});
