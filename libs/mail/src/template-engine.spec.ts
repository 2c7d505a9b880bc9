import {
  TemplateError,
  compileTemplate,
  escapeHtml,
  expandPartials,
  renderTemplate,
} from './template-engine';

const html = (source: string, values: Record<string, unknown>) =>
  renderTemplate(compileTemplate('t', source), values as never, escapeHtml);
const text = (source: string, values: Record<string, unknown>) =>
  renderTemplate(compileTemplate('t', source), values as never, (v) => v);

describe('template engine', () => {
  it('prints values through the escape function, every time', () => {
    expect(html('<p title="{{a}}">{{a}}</p>', { a: `<script>"x" & 'y'</script>` })).toBe(
      '<p title="&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;">&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</p>',
    );
    expect(text('{{a}}', { a: '<script>' })).toBe('<script>');
    expect(html('{{n}}', { n: 3 })).toBe('3');
  });

  it('keeps line breaks of multi-line values as <br> in HTML', () => {
    expect(html('{{a}}', { a: 'een\ntwee' })).toBe('een<br>\ntwee');
    expect(text('{{a}}', { a: 'een\ntwee' })).toBe('een\ntwee');
  });

  it('substitutes once: a value that looks like a tag stays text', () => {
    expect(text('{{a}} {{b}}', { a: '{{b}}', b: 'B' })).toBe('{{b}} B');
    expect(text('{{a}}', { a: '{{> footer}}' })).toBe('{{> footer}}');
  });

  it('repeats sections per list entry, with the outer values still in reach', () => {
    const source = '{{#rows}}[{{time}} {{code}} {{table}}]{{/rows}}{{^rows}}leeg{{/rows}}';
    expect(
      text(source, {
        table: 'W',
        rows: [
          { time: '10:00', code: 'A' },
          { time: '10:30', code: 'B' },
        ],
      }),
    ).toBe('[10:00 A W][10:30 B W]');
    expect(text(source, { table: 'W', rows: [] })).toBe('leeg');
  });

  it('shows a section once for true and not for false', () => {
    expect(text('{{#on}}ja{{/on}}{{^on}}nee{{/on}}', { on: true })).toBe('ja');
    expect(text('{{#on}}ja{{/on}}{{^on}}nee{{/on}}', { on: false })).toBe('nee');
  });

  it('fails loudly on a missing or mistyped value', () => {
    expect(() => text('{{a}}', {})).toThrow(/no value for \{\{a\}\}/);
    expect(() => text('{{a}}', { a: undefined })).toThrow(TemplateError);
    expect(() => text('{{a}}', { a: true })).toThrow(/must be text/);
    expect(() => text('{{#a}}x{{/a}}', { a: 'yes' })).toThrow(/true\/false or a list/);
    expect(() => text('{{toString}}', {})).toThrow(/no value/);
  });

  it('refuses malformed templates at compile time', () => {
    for (const bad of [
      '{{a',
      '{{ a b }}',
      '{{#a}}x',
      '{{#a}}x{{/b}}',
      'x{{/a}}',
      '{{{a}}}',
      '}}',
      '{{-a}}',
    ]) {
      expect(() => compileTemplate('bad', bad)).toThrow(TemplateError);
    }
  });

  it('collects the tags it uses', () => {
    expect([...compileTemplate('t', '{{a}}{{#b}}{{c}}{{/b}}').tags].sort()).toEqual(['#b', '/b', 'a', 'c']);
  });

  it('expands partials recursively and refuses cycles', () => {
    const partials: Record<string, string> = {
      head: '<h>{{> title}}</h>',
      title: 'T{{x}}',
      loop: '{{> loop}}',
    };
    expect(expandPartials('{{> head}}!', (n) => partials[n]!)).toBe('<h>T{{x}}</h>!');
    expect(() => expandPartials('{{> loop}}', (n) => partials[n]!)).toThrow(/partial cycle/);
  });
});
