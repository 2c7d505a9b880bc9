import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
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

  it('refuses unknown template names', async () => {
    await expect(new MailTemplates().render('../../etc/passwd' as never, {})).rejects.toThrow(
      /unknown template/,
    );
  });
});
