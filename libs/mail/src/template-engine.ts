/**
 * A deliberately tiny, logic-less template language for the mail templates.
 *
 *   {{name}}                 a value; escaped for the output (HTML) or inserted as is (plain text)
 *   {{#rows}}…{{/rows}}      repeated once per entry of a list, or once when the value is true
 *   {{^rows}}…{{/rows}}      rendered when the list is empty or the value is false
 *   {{> footer}}             a partial from templates/partials (resolved when the template loads)
 *
 * Why not Eta (installed): Eta templates are JavaScript, compiled with `new Function`, and print
 * `undefined` for a missing value. Mail templates need none of that power; here a template can
 * only print values and repeat blocks, every printed value goes through one escape function
 * (there is no raw form at all), a missing value or a typo in a tag is an error instead of a
 * silently wrong mail, and values are substituted in a single pass, so a user typing "{{x}}" gets
 * those characters, not a placeholder. The MJML is compiled once with the tags still in it
 * (MJML leaves text and attribute values alone), and the compiled HTML is cached and filled per
 * mail, which keeps MJML out of the per-message cost.
 */

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export type TemplateValue = string | number | boolean | readonly TemplateScope[] | undefined;
export interface TemplateScope {
  readonly [name: string]: TemplateValue;
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string }
  | { kind: 'section'; name: string; inverted: boolean; children: Node[] };

export interface CompiledTemplate {
  readonly name: string;
  readonly nodes: readonly Node[];
  /** Every tag, as written ("#rows", "/rows", "dossierCode"), to compare sources and outputs. */
  readonly tags: ReadonlySet<string>;
}

const TAG = /\{\{\s*([#^/]?)\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
const PARTIAL = /\{\{>\s*([a-z][a-z0-9-]*)\s*\}\}/g;

/** Replaces `{{> name}}` with the partial's source, recursively, refusing cycles. */
export function expandPartials(
  source: string,
  load: (name: string) => string,
  trail: readonly string[] = [],
): string {
  return source.replace(PARTIAL, (_tag, name: string) => {
    if (trail.includes(name) || trail.length > 5) {
      throw new TemplateError(`partial cycle: ${[...trail, name].join(' → ')}`);
    }
    return expandPartials(load(name), load, [...trail, name]);
  });
}

export function compileTemplate(name: string, source: string): CompiledTemplate {
  const root: Node[] = [];
  const stack: { name: string; children: Node[] }[] = [{ name: '', children: root }];
  const tags = new Set<string>();
  // Mustache's triple braces mean "unescaped"; there is no such thing here, so refuse the look-alike.
  if (source.includes('{{{') || source.includes('}}}'))
    throw new TemplateError(`${name}: triple braces are not supported`);
  const text = (t: string) => {
    if (t.includes('{{') || t.includes('}}')) {
      throw new TemplateError(
        `${name}: malformed tag near ${JSON.stringify(t.slice(t.search(/\{\{|\}\}/), 40))}`,
      );
    }
    if (t.length > 0) stack[stack.length - 1]!.children.push({ kind: 'text', text: t });
  };
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    text(source.slice(last, match.index));
    last = match.index + match[0].length;
    const [, sigil, tag] = match as unknown as [string, string, string];
    tags.add(sigil + tag);
    const top = stack[stack.length - 1]!;
    if (sigil === '') {
      top.children.push({ kind: 'value', name: tag });
    } else if (sigil === '/') {
      if (stack.length === 1 || top.name !== tag) throw new TemplateError(`${name}: unexpected {{/${tag}}}`);
      stack.pop();
    } else {
      const section: Node = { kind: 'section', name: tag, inverted: sigil === '^', children: [] };
      top.children.push(section);
      stack.push({ name: tag, children: section.children });
    }
  }
  text(source.slice(last));
  if (stack.length > 1)
    throw new TemplateError(`${name}: {{#${stack[stack.length - 1]!.name}}} is never closed`);
  return { name, nodes: root, tags };
}

function lookup(template: string, scopes: readonly TemplateScope[], name: string): TemplateValue {
  for (let i = scopes.length - 1; i >= 0; i -= 1) {
    const scope = scopes[i]!;
    if (Object.prototype.hasOwnProperty.call(scope, name)) return scope[name];
  }
  throw new TemplateError(`${template}: no value for {{${name}}}`);
}

/** Fills a compiled template; `escape` is applied to every printed value, without exception. */
export function renderTemplate(
  template: CompiledTemplate,
  values: TemplateScope,
  escape: (value: string) => string,
): string {
  const out: string[] = [];
  const walk = (nodes: readonly Node[], scopes: readonly TemplateScope[]) => {
    for (const node of nodes) {
      if (node.kind === 'text') {
        out.push(node.text);
      } else if (node.kind === 'value') {
        const value = lookup(template.name, scopes, node.name);
        if (typeof value !== 'string' && typeof value !== 'number') {
          throw new TemplateError(`${template.name}: {{${node.name}}} must be text or a number`);
        }
        out.push(escape(String(value)));
      } else {
        const value = lookup(template.name, scopes, node.name);
        if (typeof value !== 'boolean' && !Array.isArray(value)) {
          throw new TemplateError(`${template.name}: {{#${node.name}}} needs true/false or a list`);
        }
        const items: readonly TemplateScope[] = Array.isArray(value) ? value : value ? [{}] : [];
        if (node.inverted) {
          if (items.length === 0) walk(node.children, scopes);
        } else {
          for (const item of items) walk(node.children, [...scopes, item]);
        }
      }
    }
  };
  walk(template.nodes, [values]);
  return out.join('');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * HTML escape for text and double-quoted attribute values (the only two places MJML puts our
 * tags); line breaks of multi-line texts (advice letters) become <br>, after escaping.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!).replace(/\n/g, '<br>\n');
}
