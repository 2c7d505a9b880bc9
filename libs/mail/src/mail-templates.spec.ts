import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MailTemplates, TEMPLATE_NAMES, defaultTemplatesDir } from './mail-templates';
import { TemplateError } from './template-engine';

describe('templates/', () => {
  it('holds an .mjml and a .txt file for every template name, and nothing else', () => {
    const dir = defaultTemplatesDir();
    const files = readdirSync(dir).filter((f) => f !== 'partials');
    expect(files.sort()).toEqual(TEMPLATE_NAMES.flatMap((n) => [`${n}.mjml`, `${n}.txt`]).sort());
    expect(readdirSync(path.join(dir, 'partials')).sort()).toEqual(
      ['footer.mjml', 'footer.txt', 'head.mjml', 'header.mjml', 'header.txt', 'styles.mjml'].sort(),
    );
  });

  it('compiles every template with strict MJML validation', async () => {
    await expect(new MailTemplates().compileAll()).resolves.toBeUndefined();
  });

  it('uses no names, phone numbers or real mail addresses', () => {
    const dir = defaultTemplatesDir();
    const all = [...readdirSync(dir), ...readdirSync(path.join(dir, 'partials')).map((f) => `partials/${f}`)]
      .filter((f) => f.includes('.'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    expect(all).not.toMatch(/@|\b0\d{1,2}[ /]?\d{2,3}/);
    expect(all).not.toMatch(/https?:\/\//);
  });
});

describe('MailTemplates', () => {
  function fixture(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'mail-templates-'));
    mkdirSync(path.join(dir, 'partials'));
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    return dir;
  }
  const body = (inner: string) =>
    `<mjml><mj-body><mj-section><mj-column>${inner}</mj-column></mj-section></mj-body></mjml>`;

  it('rejects a template with an MJML error', async () => {
    const dir = fixture({
      'test.mjml': body('<mj-text padding="lots">a</mj-text><mj-section></mj-section>'),
      'test.txt': 'x',
    });
    await expect(new MailTemplates(dir).render('test', {})).rejects.toThrow(TemplateError);
  });

  it('rejects a template whose tags MJML would drop', async () => {
    const dir = fixture({ 'test.mjml': body('{{#x}}<mj-text>a</mj-text>{{/x}}'), 'test.txt': 'x' });
    await expect(new MailTemplates(dir).render('test', { x: true })).rejects.toThrow(/changed template tags/);
  });

  it('compiles once and renders many times; a failed compile is retried', async () => {
    const dir = fixture({ 'test.mjml': body('<mj-text>{{a}}</mj-text>'), 'test.txt': '{{a}}' });
    const templates = new MailTemplates(dir);
    const first = await templates.render('test', { a: '1' });
    writeFileSync(path.join(dir, 'test.mjml'), body('<mj-text>changed {{a}}</mj-text>'));
    const second = await templates.render('test', { a: '2' });
    expect(first.html).toContain('>1</div>');
    expect(second.html).toContain('>2</div>');
    expect(second.html).not.toContain('changed');
    expect(second.text).toBe('2\n');

    const broken = new MailTemplates(
      fixture({ 'test.mjml': body('<mj-text>{{a}</mj-text>'), 'test.txt': '{{a}}' }),
    );
    await expect(broken.render('test', { a: '1' })).rejects.toThrow(TemplateError);
  });

  it("keeps MJML's output for the next process, and compiles a changed template anew", async () => {
    // A source of its own per run, so the test starts without a kept output.
    const marker = `run-${process.pid}-${Date.now()}`;
    const dir = fixture({ 'test.mjml': body(`<mj-text>${marker} {{a}}</mj-text>`), 'test.txt': '{{a}}' });
    const first = await new MailTemplates(dir).render('test', { a: '1' });
    expect(first.html).toContain(`${marker} 1</div>`);
    const cacheDir = path.join(
      path.dirname(require.resolve('mjml/package.json')),
      '..',
      '.cache',
      'overlegtafels-mjml',
    );
    const kept = readdirSync(cacheDir)
      .map((f) => path.join(cacheDir, f))
      .filter((f) => readFileSync(f, 'utf8').includes(marker));
    expect(kept).toHaveLength(1);
    // Another instance (another process) reads the kept output instead of compiling: shown by
    // changing the kept file, which only a read of it can bring into the mail.
    writeFileSync(kept[0]!, readFileSync(kept[0]!, 'utf8').replace(marker, `${marker}-kept`));
    expect((await new MailTemplates(dir).render('test', { a: '2' })).html).toContain(
      `${marker}-kept 2</div>`,
    );
    // The template changed: its new source is compiled, not served from the old output.
    writeFileSync(path.join(dir, 'test.mjml'), body(`<mj-text>${marker} anders {{a}}</mj-text>`));
    expect((await new MailTemplates(dir).render('test', { a: '3' })).html).toContain(
      `${marker} anders 3</div>`,
    );
    for (const f of readdirSync(cacheDir)) {
      if (readFileSync(path.join(cacheDir, f), 'utf8').includes(marker)) rmSync(path.join(cacheDir, f));
    }
  });

  it('refuses unknown template names', async () => {
    await expect(new MailTemplates().render('../../etc/passwd' as never, {})).rejects.toThrow(
      /unknown template/,
    );
  });
});
