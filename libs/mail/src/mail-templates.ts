import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type mjml2htmlType from 'mjml';
import {
  CompiledTemplate,
  TemplateError,
  TemplateScope,
  compileTemplate,
  escapeHtml,
  expandPartials,
  renderTemplate,
} from './template-engine';

export const TEMPLATE_NAMES = [
  'agenda',
  'invitation-guest',
  'aanmelding-received',
  'slot-confirmed',
  'item-moved',
  'session-cancelled',
  'agendering-received',
  'advice-letter',
  'no-consent-letter',
  'zonder-casusregisseur-letter',
  'herbespreking-letter',
  'instroom-letter',
  'casusregie-appointed',
  'criminologen-referral',
  'reminder',
  'escalation',
  'login-link',
  'test',
  'casusregie-change',
  'follow-up-report',
  'no-consent-found',
  'minutes-ready',
  'preparation-reminder',
  'empty-agenda',
  'decision-withdrawn',
  'document-replaced',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * The repository's templates/ folder. This file is three levels below the repository root as
 * source (libs/mail/src) and four when compiled (dist/libs/mail/src); templates are not copied
 * into dist, so both layouts look for the one folder at the root.
 */
export function defaultTemplatesDir(): string {
  const fromSource = path.resolve(__dirname, '../../../templates');
  return existsSync(path.join(fromSource, 'partials'))
    ? fromSource
    : path.resolve(__dirname, '../../../../templates');
}

interface Pair {
  readonly html: CompiledTemplate;
  readonly text: CompiledTemplate;
}

/**
 * Loads templates/<name>.mjml and templates/<name>.txt, compiles the MJML to HTML once (strict
 * validation: a template with an MJML error is never used), and renders both parts per message.
 */
export class MailTemplates {
  private static sharedDefault?: MailTemplates;
  private readonly cache = new Map<TemplateName, Promise<Pair>>();

  /** One instance per process for the repository's templates, so every composer shares the compiled cache. */
  static shared(): MailTemplates {
    MailTemplates.sharedDefault ??= new MailTemplates();
    return MailTemplates.sharedDefault;
  }

  constructor(private readonly dir: string = defaultTemplatesDir()) {}

  async render(name: TemplateName, values: TemplateScope): Promise<{ html: string; text: string }> {
    const pair = await this.compiled(name);
    const html = renderTemplate(pair.html, values, escapeHtml);
    const text = renderTemplate(pair.text, values, (v) => v)
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return { html, text: `${text}\n` };
  }

  /** Compiles every template; for a boot-time or test-time check that none is broken. */
  async compileAll(): Promise<void> {
    await Promise.all(TEMPLATE_NAMES.map((n) => this.compiled(n)));
  }

  private compiled(name: TemplateName): Promise<Pair> {
    if (!TEMPLATE_NAMES.includes(name)) return Promise.reject(new TemplateError(`unknown template ${name}`));
    let pending = this.cache.get(name);
    if (!pending) {
      pending = this.compile(name);
      // A failed compile is not cached, so a fixed template file is picked up on the next try.
      pending.catch(() => this.cache.delete(name));
      this.cache.set(name, pending);
    }
    return pending;
  }

  private async compile(name: TemplateName): Promise<Pair> {
    const load = (file: string) => readFileSync(path.join(this.dir, file), 'utf8');
    const mjmlSource = expandPartials(load(`${name}.mjml`), (p) => load(`partials/${p}.mjml`));
    const textSource = expandPartials(load(`${name}.txt`), (p) => load(`partials/${p}.txt`));
    const source = compileTemplate(`${name}.mjml`, mjmlSource);

    const html = compileTemplate(`${name}.html`, await mjmlToHtml(name, mjmlSource));
    // MJML must have kept every tag intact; a tag it dropped or mangled would silently lose a value.
    const lost = [...source.tags].filter((t) => !html.tags.has(t));
    const added = [...html.tags].filter((t) => !source.tags.has(t));
    if (lost.length > 0 || added.length > 0) {
      throw new TemplateError(
        `${name}.mjml: MJML changed template tags (lost ${lost.join(',')}; added ${added.join(',')})`,
      );
    }
    return { html, text: compileTemplate(`${name}.txt`, textSource) };
  }
}

const MJML_OPTIONS = {
  validationLevel: 'strict',
  keepComments: false,
  // Partials are ours ({{> x}}); MJML itself never reads files or links web fonts.
  ignoreIncludes: true,
  fonts: {},
} as const;

/**
 * Where MJML's output is kept between processes: node_modules/.cache, beside mjml itself (not in
 * the repository, and as writable as the installation). Loading mjml costs about a second of CPU
 * and compiling a template 0.1 s; a process whose templates were compiled before with the same
 * mjml, options and source reads the HTML instead. Undefined when mjml cannot be found.
 */
function mjmlCacheFile(mjmlSource: string): string | undefined {
  try {
    const manifest = require.resolve('mjml/package.json');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    const key = createHash('sha256')
      .update(JSON.stringify([version, MJML_OPTIONS, mjmlSource]))
      .digest('hex');
    return path.join(path.dirname(manifest), '..', '.cache', 'overlegtafels-mjml', `${key}.html`);
  } catch {
    return undefined;
  }
}

function cachedHtml(file: string | undefined): string | undefined {
  try {
    return file ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a compiled template; a cache that cannot be written (a read-only installation) is skipped. */
function keepHtml(file: string | undefined, html: string): void {
  if (!file) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, html);
    renameSync(partial, file);
  } catch {
    // Compiled again by the next process: slower, not wrong.
  }
}

/** The template's MJML as HTML: from the cache, else compiled with strict validation (and kept). */
async function mjmlToHtml(name: TemplateName, mjmlSource: string): Promise<string> {
  const cacheFile = mjmlCacheFile(mjmlSource);
  const cached = cachedHtml(cacheFile);
  if (cached !== undefined) return cached;
  // Loaded on first compile: mjml takes about a second to load, and every process that imports
  // @overlegtafels/mail (the API for its health check) would otherwise pay for it.
  const { default: mjml2html } = (await import('mjml')) as unknown as { default: typeof mjml2htmlType };
  let result: Awaited<ReturnType<typeof mjml2htmlType>>;
  try {
    result = await mjml2html(mjmlSource, MJML_OPTIONS);
  } catch (error) {
    const details = (error as { errors?: { formattedMessage?: string }[] }).errors
      ?.map((e) => e.formattedMessage)
      .join('; ');
    throw new TemplateError(`${name}.mjml: ${details || (error as Error).message}`);
  }
  if (result.errors.length > 0) {
    throw new TemplateError(`${name}.mjml: ${result.errors.map((e) => e.formattedMessage).join('; ')}`);
  }
  keepHtml(cacheFile, result.html);
  return result.html;
}
