import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const script = path.join(__dirname, 'check-boundaries.mjs');

/** A throw-away tree of libs: { 'a/src/index.ts': "import …" }. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'boundaries-'));
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, 'libs', file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

function check(files: Record<string, string>): { status: number | null; out: string } {
  const root = tree(files);
  try {
    const res = spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });
    return { status: res.status, out: res.stdout + res.stderr };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('check-boundaries', () => {
  it('passes a graph without cycles and lists each lib with what it depends on', () => {
    const r = check({
      'a/src/index.ts': "import { b } from '@overlegtafels/b';\nexport const a = b;\n",
      'b/src/index.ts': "import { c } from '@overlegtafels/c';\nexport const b = c;\n",
      'c/src/index.ts': 'export const c = 1;\n',
    });
    expect(r.status).toBe(0);
    expect(r.out).toContain('3 libs, 2 dependencies, no cycle');
    expect(r.out).toContain('a → b');
  });

  it('fails on a cycle through three libs and names the files that close it', () => {
    const r = check({
      'a/src/index.ts': "export * from './x';\n",
      'a/src/x.ts': "import { b } from '@overlegtafels/b';\nexport const a = b;\n",
      'b/src/index.ts': "import { c } from '@overlegtafels/c';\nexport const b = c;\n",
      'c/src/index.ts': "import { a } from '@overlegtafels/a';\nexport const c = a;\n",
    });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/cycle between libs a, b, c/);
    expect(r.out).toContain('a → b (libs/a/src/x.ts)');
    expect(r.out).toContain('c → a (libs/c/src/index.ts)');
  });

  it('ignores test files and testing faces when it draws the graph', () => {
    const r = check({
      'a/src/index.ts': "import { b } from '@overlegtafels/b';\nexport const a = b;\n",
      'b/src/index.ts': 'export const b = 1;\n',
      'b/src/b.spec.ts': "import { a } from '@overlegtafels/a';\nvoid a;\n",
      'b/src/testing/index.ts': "import { a } from '@overlegtafels/a';\nexport const t = a;\n",
    });
    expect(r.status).toBe(0);
  });

  it('fails on a deep import, on a relative path out of the lib and on a lib importing an app', () => {
    const r = check({
      'a/src/index.ts': [
        "import { b } from '@overlegtafels/b/inner';",
        "import { c } from '../../c/src/index';",
        "import { w } from '../../../apps/worker/src/worker.module';",
        'export const a = [b, c, w];',
        '',
      ].join('\n'),
      'b/src/index.ts': 'export const b = 1;\n',
      'c/src/index.ts': 'export const c = 1;\n',
    });
    expect(r.status).toBe(1);
    expect(r.out).toContain("deep import '@overlegtafels/b/inner'");
    expect(r.out).toContain("relative import out of libs/a ('../../c/src/index')");
    expect(r.out).toContain("a lib imports an app ('../../../apps/worker/src/worker.module')");
  });

  it('fails on the application importing persistence, even without a cycle, but not in its tests', () => {
    const r = check({
      'application/src/index.ts': "export * from './agenda';\n",
      'application/src/agenda.ts':
        "import type { Row } from '@overlegtafels/persistence';\nexport type A = Row;\n",
      'application/src/agenda.spec.ts': "import { Repo } from '@overlegtafels/persistence';\nvoid Repo;\n",
      'persistence/src/index.ts': 'export interface Row { id: string }\nexport const Repo = 1;\n',
    });
    expect(r.status).toBe(1);
    expect(r.out).toContain(
      'libs/application/src/agenda.ts: application imports @overlegtafels/persistence: the application reaches the database through its ports',
    );
    expect(r.out).not.toContain('agenda.spec.ts');
    expect(r.out).not.toMatch(/cycle/);
  });

  it('lets persistence import the application (it implements the ports)', () => {
    const r = check({
      'application/src/index.ts': 'export abstract class Port {}\n',
      'persistence/src/index.ts':
        "import type { Port } from '@overlegtafels/application';\nexport type P = Port;\n",
    });
    expect(r.status).toBe(0);
    expect(r.out).toContain('persistence → application');
  });

  it('fails on a source file over 400 lines, but not on a test file of that length', () => {
    const long = Array.from({ length: 401 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    const r = check({ 'a/src/index.ts': long + '\n', 'a/src/long.spec.ts': long + '\n' });
    expect(r.status).toBe(1);
    expect(r.out).toContain('libs/a/src/index.ts: 401 lines (at most 400)');
    expect(r.out).not.toContain('long.spec.ts');
  });

  it("fails on a session's status compared outside the domain's lifecycle policy", () => {
    const r = check({
      'a/src/index.ts': "export const open = (s: { status: string }) => s.status !== 'frozen';\n",
      'domain/src/sessions/session-lifecycle.policy.ts':
        "export const f = (s: { status: string }) => s.status === 'held';\n",
      'domain/src/index.ts': "export * from './sessions/session-lifecycle.policy';\n",
    });
    expect(r.status).toBe(1);
    expect(r.out).toContain('libs/a/src/index.ts:1: a session status compared outside the lifecycle policy');
    expect(r.out).not.toContain('session-lifecycle.policy.ts:');
  });
});
