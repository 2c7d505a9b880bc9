import { loginAs, TestApp } from './test-app';

/** An HTML page as a test reads it. */
export interface Page {
  status: number;
  html: string;
  location: string | null;
}

/**
 * A logged-in person using the server-rendered pages the way a browser without JavaScript does:
 * GETs accepting HTML, forms posted urlencoded or multipart with the `_csrf` field, no redirects
 * followed.
 */
export async function pageUser(t: TestApp, email: string) {
  const who = await loginAs(t, email);
  const read = async (res: Response): Promise<Page> => ({
    status: res.status,
    html: await res.text(),
    location: res.headers.get('location'),
  });
  return {
    personId: who.personId,
    csrfToken: who.csrfToken,
    get: async (url: string) =>
      read(
        await fetch(`${t.baseUrl}${url}`, {
          headers: { cookie: who.cookie, accept: 'text/html' },
          redirect: 'manual',
        }),
      ),
    /** Posts a form; `csrf: false` leaves the token out, as a forged form would. */
    post: async (url: string, fields: Record<string, string>, options: { csrf?: boolean } = {}) =>
      read(
        await fetch(`${t.baseUrl}${url}`, {
          method: 'POST',
          headers: {
            cookie: who.cookie,
            accept: 'text/html',
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({
            ...(options.csrf === false ? {} : { _csrf: who.csrfToken }),
            ...fields,
          }),
          redirect: 'manual',
        }),
      ),
    /** Posts a multipart form with an optional `document` file. */
    postMultipart: async (
      url: string,
      fields: Record<string, string>,
      file?: { name: string; bytes: Buffer; type?: string },
    ) => {
      const form = new FormData();
      form.set('_csrf', who.csrfToken);
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      if (file) {
        form.set(
          'document',
          new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
          file.name,
        );
      }
      return read(
        await fetch(`${t.baseUrl}${url}`, {
          method: 'POST',
          headers: { cookie: who.cookie, accept: 'text/html' },
          body: form,
          redirect: 'manual',
        }),
      );
    },
  };
}

export type PageUser = Awaited<ReturnType<typeof pageUser>>;

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Dutch message shown next to the field with this id, if any. */
export function errorNextTo(html: string, id: string): string | undefined {
  const m = new RegExp(
    `<p class="error" id="${esc(id)}-fout">(?:<span class="visually-hidden">Fout: </span>)?([^<]*)</p>`,
  ).exec(html);
  return m ? unescape(m[1]!) : undefined;
}

/** The value an input shows again. */
export function inputValue(html: string, id: string): string | undefined {
  const tag = new RegExp(`<input id="${esc(id)}"[^>]*>`).exec(html)?.[0];
  const m = tag && /value="([^"]*)"/.exec(tag);
  return m ? unescape(m[1]!) : undefined;
}

/** The text of a textarea. */
export function textareaValue(html: string, id: string): string | undefined {
  const m = new RegExp(`<textarea id="${esc(id)}"[^>]*>([^<]*)</textarea>`).exec(html);
  return m ? unescape(m[1]!) : undefined;
}

/** The value of the selected option of a select. */
export function selectedValue(html: string, id: string): string | undefined {
  const select = new RegExp(`<select id="${esc(id)}"[\\s\\S]*?</select>`).exec(html)?.[0];
  const m = select && /<option value="([^"]*)" selected>/.exec(select);
  return m ? unescape(m[1]!) : undefined;
}

/** Whether the field with this id points its aria-describedby at its error. */
export function describedByError(html: string, id: string): boolean {
  const tag = new RegExp(
    `<(?:input|textarea|select|fieldset)[^>]* id="${esc(id)}"[^>]*>|<(?:input|textarea|select|fieldset) id="${esc(id)}"[^>]*>`,
  ).exec(html)?.[0];
  return (
    !!tag &&
    tag.includes('aria-invalid="true"') &&
    new RegExp(`aria-describedby="[^"]*${esc(id)}-fout`).test(tag)
  );
}

/** The links of the error summary at the top of the page. */
export function errorSummary(html: string): { href: string; message: string }[] {
  const box = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  return [...box.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => ({
    href: m[1]!,
    message: unescape(m[2]!),
  }));
}

/** Page text without tags, whitespace collapsed: for "the page says …" checks. */
export function textOf(html: string): string {
  return unescape(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A small valid PDF, generated (no fixture file). */
export function tinyPdf(title = 'Plan van aanpak (demo)'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 18 Tf 72 760 Td (${title.replace(/[()\\]/g, '')}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The first bytes of a PNG image: what a renamed picture looks like. */
export function pngBytes(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
}
