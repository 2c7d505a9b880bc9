import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@overlegtafels/persistence';

const root = path.resolve(__dirname, '../..');

interface Started {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/standalone/src/main.js')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as a terminal's foreground job: Ctrl-C signals the whole group.
    detached: true,
  });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitHealthy(port: number, started: Started, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (started.child.exitCode !== null) throw new Error(`exited early:\n${started.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status === 200) return Date.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not healthy within ${timeoutMs} ms:\n${started.output()}`);
}

function postgresProcessesOn(dataDir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(`postgres -D ${dataDir}`));
}

/**
 * `npm start` with no environment: the embedded PostgreSQL, the mail sink, api and worker in one
 * process; healthy within 60 s on first start, data kept across a restart, a clean stop.
 */
describe('the default mode (npm start without configuration)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let port: number;
  let pgPort: number;

  beforeAll(async () => {
    // dist/ is built once for the e2e run, by its global setup.
    const base = mkdtempSync(path.join(tmpdir(), 'ot-default-'));
    chmodSync(base, 0o755);
    dataDir = path.join(base, 'data');
    [port, pgPort] = [await freePort(), await freePort()];
    env = {
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      MAIL_SINK_PORT: String(await freePort()),
      DATA_DIR: dataDir,
    };
  }, 120_000);

  afterAll(() => {
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('starts healthy with a seeded database, stops cleanly on SIGTERM, and keeps the data for the next start', async () => {
    const first = start(env);
    const tookMs = await waitHealthy(port, first, 60_000);
    expect(tookMs).toBeLessThan(60_000);
    expect(first.output()).toContain(`http://localhost:${port}/login`);
    const login = await (await fetch(`http://127.0.0.1:${port}/login`)).text();
    expect(login).toContain('data-email="lotte.verbeke@example.be"');

    // Leave a trace to find after the restart: a login writes an audit event.
    const pg = new Client({
      connectionString: `postgresql://postgres:postgres@127.0.0.1:${pgPort}/overlegtafels`,
    });
    await pg.connect();
    const personId = (
      await pg.query<{ id: string }>("SELECT id FROM persons WHERE email = 'jonas.maes@example.be'")
    ).rows[0]!.id;
    await pg.end();
    // The login form's pre-session cookie and token (login CSRF), as a browser would send them.
    const form = await fetch(`http://127.0.0.1:${port}/login`);
    const preSession = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const loggedIn = await fetch(`http://127.0.0.1:${port}/login/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: preSession },
      body: new URLSearchParams({ _csrf: csrf, personId }),
      redirect: 'manual',
    });
    expect(loggedIn.status).toBe(303);

    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(first.output()).toContain('stopped cleanly');
    expect(postgresProcessesOn(dataDir)).toEqual([]);

    const second = start(env);
    await waitHealthy(port, second, 60_000);
    const pg2 = new Client({
      connectionString: `postgresql://postgres:postgres@127.0.0.1:${pgPort}/overlegtafels`,
    });
    await pg2.connect();
    const logins = await pg2.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.login' AND entity_id = $1",
      [personId],
    );
    const people = await pg2.query(
      "SELECT count(*)::int AS n FROM persons WHERE email = 'jonas.maes@example.be'",
    );
    // The demo items were placed once, on the first start only.
    const items = await pg2.query(
      'SELECT table_key, count(*)::int AS n FROM agenda_items GROUP BY table_key ORDER BY table_key',
    );
    await pg2.end();
    expect(logins.rows[0].n).toBe(1);
    expect(people.rows[0].n).toBe(1);
    expect(items.rows).toEqual([
      { table_key: 'ico', n: 2 },
      { table_key: 'ronde-tafel', n: 1 },
      { table_key: 'weegploeg', n: 1 },
    ]);
    // Ctrl-C in a terminal: SIGINT to the whole foreground group. PostgreSQL runs in a group of its
    // own, so the app closes its workers and pools first and stops it last: no broken connections.
    process.kill(-second.child.pid!, 'SIGINT');
    expect(await second.exit).toBe(0);
    expect(postgresProcessesOn(dataDir)).toEqual([]);
    const console = second.output();
    expect(console).toContain('stopped cleanly');
    // A quiet console: no route listing, no warnings of the libraries, no dumped objects or stacks.
    expect(console).not.toContain('Mapped {');
    expect(console).not.toContain('DeprecationWarning');
    expect(console).not.toMatch(/^\s+at |^Node\.js v|client: Client/m);
    expect(console).toMatch(/\[Nest\] \d+ +- 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00 +LOG/);
  }, 180_000);

  it('refuses a bad variable with one line naming it and exit code 2', async () => {
    const bad = start({ ...env, PORT: 'tachtig' });
    expect(await bad.exit).toBe(2);
    expect(bad.output().trim()).toBe('configuration error: PORT must be a port number');
  }, 30_000);
});
