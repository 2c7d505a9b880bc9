import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient, freePort } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * A database outage under requests, against a PostgreSQL server of this suite's own: requests get
 * a clear 503 within the connect timeout, /health says the database is down within 2 s, and once
 * the server is back the service answers again by itself, with nothing lost and no mail twice.
 */

jest.setTimeout(60_000);
const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday

const aanmelding = (organisationId: string) => ({
  organisationId,
  contactEmail: 'eva.wouters@example.org',
  whyNow: 'Escalatie na een nieuw incident.',
  violenceDescription: 'Fysiek en psychisch partnergeweld.',
  situationAtStart: 'Gezin met twee kinderen.',
  situationNow: 'Slachtoffer verblijft tijdelijk elders.',
  mainRisks: 'Herhaling, kinderen getuige.',
  clients: [
    { label: 'Persoon A', role: 'slachtoffer', age: 34 },
    { label: 'Persoon B', role: 'pleger', age: 36 },
  ],
  clientRelations: 'A en B zijn partners.',
  servicesInvolved: 'CAW (begeleiding).',
  safetyPlanExists: false,
  questionsAndExpectations: 'Afstemming tussen de diensten.',
  confidentialityConfirmed: true,
  familyInformed: true,
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const CHILD = path.join(__dirname, '../support/embedded-postgres-child.mjs');

/** Starts the suite's server (again, on the same data and port); resolves once it takes connections. */
function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir, String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
  });
}

function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('a database outage', () => {
  const saved = { url: process.env.TEST_DATABASE_URL, templates: process.env.TEST_TEMPLATE_DATABASES };
  const parent = mkdtempSync(path.join(tmpdir(), 'ot-outage-'));
  // As root the package runs PostgreSQL as the `postgres` system user, who must reach the data.
  if (process.getuid?.() === 0) chmodSync(parent, 0o711);
  const dataDir = path.join(parent, 'pg');
  let port: number;
  let server: ChildProcess | undefined;
  let t: TestApp;

  beforeAll(async () => {
    port = await freePort();
    server = await startServer(dataDir, port);
    process.env.TEST_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
    delete process.env.TEST_TEMPLATE_DATABASES;
    t = await startTestApp({ clock });
  });
  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await stopServer(server);
    process.env.TEST_DATABASE_URL = saved.url;
    if (saved.templates) process.env.TEST_TEMPLATE_DATABASES = saved.templates;
    rmSync(parent, { recursive: true, force: true });
  });

  it('answers 503 quickly while the database is down and recovers by itself, losing nothing', async () => {
    const eva = await loginAs(t, 'eva.wouters@example.org');
    const db = createPrismaClient(t.db.url, 1);
    const orgId = (await db.organisation.findFirstOrThrow({ where: { kind: 'politie' } })).id;
    await db.$disconnect();
    const filed = await eva.post('/api/aanmeldingen', aanmelding(orgId));
    expect(filed.status).toBe(201);
    const { dossierCode } = (await filed.json()) as { dossierCode: string };

    // First a "smart" shutdown (SIGTERM, as `docker stop` sends): new connections are refused
    // while pooled ones still answer; /health must say so. Then the server stops altogether.
    const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGTERM');
    const shuttingDown = await timed(() => fetch(`${t.baseUrl}/health`));
    expect(((await shuttingDown.value.json()) as { database: { ok: boolean } }).database.ok).toBe(false);
    expect(shuttingDown.ms).toBeLessThan(2_000);
    await stopServer(server);

    const api = await timed(() => eva.get('/api/dossiers'));
    expect(api.value.status).toBe(503);
    expect(await api.value.json()).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(api.ms).toBeLessThan(7_000);

    const page = await timed(() =>
      fetch(`${t.baseUrl}/`, { headers: { cookie: eva.cookie, accept: 'text/html' } }),
    );
    expect(page.value.status).toBe(503);
    expect(await page.value.text()).toContain('Tijdelijk niet beschikbaar');
    expect(page.ms).toBeLessThan(7_000);

    const health = await timed(() => fetch(`${t.baseUrl}/health`));
    expect(health.value.status).toBe(503);
    expect(((await health.value.json()) as { database: { ok: boolean } }).database.ok).toBe(false);
    expect(health.ms).toBeLessThan(2_000);

    server = await startServer(dataDir, port);

    await until(
      '/health ok',
      async () => ((await fetch(`${t.baseUrl}/health`)).status === 200 ? true : undefined),
      10_000,
    );
    const list = await eva.get('/api/dossiers');
    expect(list.status).toBe(200);
    expect(JSON.stringify(await list.json())).toContain(dossierCode);

    const check = createPrismaClient(t.db.url, 1);
    try {
      const dossier = await check.dossier.findUniqueOrThrow({ where: { code: dossierCode } });
      const rows = await check.mailOutbox.findMany({ where: { dossierId: dossier.id } });
      expect(rows.length).toBeGreaterThan(0);
      // No mail twice: each outbox row reached the mail server at most once, a sent one exactly once.
      // (Delivery of a row that was claimed when the database went down waits for its lease; see the report.)
      const caught = await t.sink.list();
      for (const row of rows) {
        const copies = caught.filter(
          (m) => m.to.includes(row.recipientEmail) && m.subject.includes(dossierCode),
        );
        expect(copies.length).toBe(row.status === 'sent' ? 1 : copies.length > 0 ? 1 : 0);
        expect(copies.length).toBeLessThanOrEqual(1);
      }
    } finally {
      await check.$disconnect();
    }
  });
});
