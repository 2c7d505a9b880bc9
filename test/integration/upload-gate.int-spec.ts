import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ControlledClock } from '@overlegtafels/testing';
import { createPrismaClient } from '@overlegtafels/persistence';
import { UploadSpool } from '../../apps/api/src/web/upload.middleware';
import { callerFor } from '../support/route-requests';
import { otherRegionCoordinator, WITH_OTHER_REGION } from '../support/other-region';
import { briefFields, WEEGPLOEG_BRIEF, writePlan } from '../support/plan-van-aanpak';
import { loginAs, startTestApp, TestApp } from '../support/test-app';
import { tinyPdf } from '../support/page-client';

/**
 * Issue #17, item 3: a document is read only after its sender is known (401/403 before a byte of
 * the body), streamed to this process's spool on disk within the size cap (413), at most two
 * uploads of one person at once (429), and a refused submission leaves no file anywhere.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday, before the Weegploeg's deadline
const HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};
const BOUNDARY = 'ot-test-boundary';

type Caller = { cookie: string; csrfToken: string };

/** A multipart body: the fields, then the file's part header; the file's bytes are sent after it. */
function multipartHead(fields: Record<string, string>, fileName: string): Buffer {
  let out = '';
  for (const [k, v] of Object.entries(fields))
    out += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  out += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="document"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return Buffer.from(out);
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A raw upload that declares `declared` bytes but sends only `sent` of them, then waits: the
 * answer comes (or not) while the rest of the body was never sent.
 */
function partialUpload(
  t: TestApp,
  url: string,
  caller: Caller | undefined,
  declared: number,
  head: Buffer,
  sent: number,
) {
  const req = http.request(`${t.baseUrl}${url}`, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      'content-length': String(declared),
      accept: 'application/json',
      ...(caller && { cookie: caller.cookie, 'x-csrf-token': caller.csrfToken }),
    },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', (e) => {
      // The server closing after an early answer may reset the socket we still write to.
      if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET' && (e as NodeJS.ErrnoException).code !== 'EPIPE')
        reject(e);
    });
  });
  req.write(head);
  req.write(Buffer.alloc(Math.max(0, sent - head.length), 0x20));
  return { answer, abort: () => req.destroy() };
}

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer: ${what}`)), ms)),
  ]);

describe('uploads after authentication', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let spool: string;
  let documentsDir: string;
  let sara: Awaited<ReturnType<typeof loginAs>>;
  const fields = () => ({
    dossierCode: 'CO3-2026-0001',
    tableKey: 'weegploeg',
    itemType: 'plan-van-aanpak',
    questions: 'Is het plan haalbaar?',
    ...briefFields(WEEGPLOEG_BRIEF, 'api'),
  });
  const documents = () =>
    existsSync(documentsDir)
      ? readdirSync(documentsDir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name))
          .sort()
      : [];
  const spooled = () => readdirSync(spool);
  /** The refused uploads in the audit log (who, why, outcome), oldest first. */
  const refusedUploads = async () =>
    (await db.auditEvent.findMany({ where: { action: 'upload.refused' }, orderBy: { id: 'asc' } })).map(
      (e) => [e.actorPersonId, (e.details as { reason: string }).reason, e.outcome],
    );

  const upload = (
    caller: Caller,
    body: Record<string, string>,
    bytes?: Buffer,
    url = '/api/agenderingen',
  ) => {
    const form = new FormData();
    if (url === '/agendering') form.append('_csrf', caller.csrfToken);
    for (const [k, v] of Object.entries(body)) form.append(k, v);
    if (bytes) form.append('document', new Blob([new Uint8Array(bytes)]), 'plan.pdf');
    return fetch(`${t.baseUrl}${url}`, {
      method: 'POST',
      headers: {
        cookie: caller.cookie,
        accept: url === '/agendering' ? 'text/html' : 'application/json',
        ...(url !== '/agendering' && { 'x-csrf-token': caller.csrfToken }),
      },
      body: form,
      redirect: 'manual',
    });
  };

  beforeAll(async () => {
    t = await startTestApp({
      clock,
      withWorker: false,
      env: { ...WITH_OTHER_REGION, UPLOADS_PER_PERSON: '2' },
    });
    db = createPrismaClient(t.db.url, 2);
    spool = t.app.get(UploadSpool).dir;
    documentsDir = path.join(t.config.dataDir, 'documents');
    sara = await loginAs(t, 'sara.elidrissi@example.org');
    await writePlan(t, 'sara.elidrissi@example.org', 'CO3-2026-0001');
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('keeps its spool in this process’s own directory under DATA_DIR', () => {
    expect(spool.startsWith(path.join(t.config.dataDir, 'uploads', `${process.pid}-`))).toBe(true);
    expect(spooled()).toEqual([]);
  });

  it.each(['/api/agenderingen', '/agendering'])(
    'answers an anonymous 9.9 MB upload to %s with 401 before its body is sent, buffering nothing',
    async (url) => {
      const declared = Math.round(9.9 * 1024 * 1024);
      const head = multipartHead({ _csrf: 'x' }, 'plan.pdf');
      const up = partialUpload(t, url, undefined, declared, head, 64 * 1024);
      const answer = await within(up.answer, 5_000, 'anonymous upload');
      up.abort();
      expect(answer.status).toBe(401);
      expect(answer.headers).toMatchObject(HEADERS);
      expect(answer.headers.connection).toBe('close');
      expect(spooled()).toEqual([]);
      // Anyone could fill the log with anonymous posts: they are not in it (as no route's 401 is).
      expect(await refusedUploads()).toEqual([]);
    },
  );

  it('answers a member without an agendering role 403 the same way, before the body', async () => {
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    const head = multipartHead({}, 'plan.pdf');
    const up = partialUpload(t, '/api/agenderingen', wim, 5 * 1024 * 1024, head, 32 * 1024);
    const answer = await within(up.answer, 5_000, 'member upload');
    up.abort();
    expect(answer.status).toBe(403);
    expect(spooled()).toEqual([]);
    expect((await refusedUploads()).at(-1)).toEqual([wim.personId, 'role', 'denied']);
  });

  it('refuses a declared body over the cap with 413 and the security headers, before reading it', async () => {
    const head = multipartHead(fields(), 'plan.pdf');
    const up = partialUpload(t, '/api/agenderingen', sara, 40 * 1024 * 1024, head, 64 * 1024);
    const answer = await within(up.answer, 5_000, 'oversized upload');
    up.abort();
    expect(answer.status).toBe(413);
    expect(answer.headers).toMatchObject(HEADERS);
    expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 413, field: 'document', code: 'TOO_LARGE' });
    expect(spooled()).toEqual([]);
    expect((await refusedUploads()).at(-1)).toEqual([sara.personId, 'too-large', 'denied']);
  });

  it('refuses a file over 10 MB inside a body under the cap with 413 naming the field, on the API and the page', async () => {
    const before = documents();
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const api = await upload(sara, fields(), big);
    expect(api.status).toBe(413);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await api.json()).toMatchObject({ field: 'document', code: 'TOO_LARGE' });
    const page = await upload(
      sara,
      { dossierCode: 'CO3-2026-0001', soort: 'weegploeg:plan-van-aanpak', questions: 'Vraag.' },
      big,
      '/agendering',
    );
    expect(page.status).toBe(413);
    expect(await page.text()).toContain('Het bestand is groter dan 10 MB.');
    expect((await refusedUploads()).slice(-2)).toEqual([
      [sara.personId, 'too-large', 'denied'],
      [sara.personId, 'too-large', 'denied'],
    ]);
    expect(spooled()).toEqual([]);
    expect(documents()).toEqual(before);
  });

  it('leaves the spool and the document store as they were after every refused submission', async () => {
    const before = documents();
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const noor = await callerFor(t, await otherRegionCoordinator(t));
    const pdf = tinyPdf();
    const pageFields = {
      dossierCode: 'CO3-2026-0001',
      soort: 'weegploeg:plan-van-aanpak',
      questions: 'Vraag.',
      ...briefFields(WEEGPLOEG_BRIEF, 'page'),
    };
    // Another casusregisseur's dossier (ownership), an unknown one, another region's person, bad input.
    const refusals = [
      [await upload(tom, fields(), pdf), 404],
      [await upload(tom, { ...fields(), dossierCode: 'CO3-2026-0999' }, pdf), 404],
      // Another region's person: the answer to an unknown dossier (its own tables have no such soort).
      [
        await upload(noor, fields(), pdf),
        (await upload(noor, { ...fields(), dossierCode: 'CO3-2026-0999' }, pdf)).status,
      ],
      [await upload(sara, { ...fields(), questions: '' }, pdf), 400],
      [await upload(sara, fields(), Buffer.from('MZ not a document')), 400],
      // The page says it next to the dossier field (400), with the same words for unknown dossiers.
      [await upload(tom, pageFields, pdf, '/agendering'), 400],
    ] as const;
    expect(refusals.map(([res]) => res.status)).toEqual(refusals.map(([, status]) => status));
    expect(spooled()).toEqual([]);
    expect(documents()).toEqual(before);
    expect(await db.document.count()).toBe(before.length);
  });

  it('refuses a form whose CSRF field does not come before the file, keeping nothing', async () => {
    const form = new FormData();
    form.append('document', new Blob([new Uint8Array(tinyPdf())]), 'plan.pdf');
    form.append('_csrf', sara.csrfToken);
    const res = await fetch(`${t.baseUrl}/agendering`, {
      method: 'POST',
      headers: { cookie: sara.cookie, accept: 'text/html' },
      body: form,
    });
    expect(res.status).toBe(403);
    expect(spooled()).toEqual([]);
    expect((await refusedUploads()).at(-1)).toEqual([sara.personId, 'csrf', 'denied']);
  });

  it('lets one person have two uploads in flight; the third is a 429 with Retry-After, and a slot frees when one ends', async () => {
    const head = multipartHead(fields(), 'plan.pdf');
    const declared = 2 * 1024 * 1024;
    const first = partialUpload(t, '/api/agenderingen', sara, declared, head, 64 * 1024);
    const second = partialUpload(t, '/api/agenderingen', sara, declared, head, 64 * 1024);
    // Both are being streamed to the spool (each its own file) before the third asks.
    for (let i = 0; i < 100 && spooled().length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(spooled()).toHaveLength(2);
    const third = await upload(sara, fields(), tinyPdf());
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('10');
    expect(third.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await third.json()) as { message: string }).message).toContain(
      'U verstuurt al 2 bestanden tegelijk',
    );
    expect((await refusedUploads()).at(-1)).toEqual([sara.personId, 'too-many-at-once', 'denied']);
    // Someone else is not held up by Sara's uploads.
    const tom = await loginAs(t, 'tom.peeters@example.org');
    expect((await upload(tom, fields(), tinyPdf())).status).toBe(404);

    first.abort();
    second.abort();
    for (let i = 0; i < 100 && spooled().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(spooled()).toEqual([]);
    const before = documents();
    const after = await upload(sara, fields(), tinyPdf());
    expect(after.status).toBe(201);
    expect(documents()).toHaveLength(before.length + 1);
    expect(spooled()).toEqual([]);
  });
});
