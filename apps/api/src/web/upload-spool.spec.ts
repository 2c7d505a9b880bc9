import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppConfig } from '@overlegtafels/config';
import { UploadSpool } from './upload.middleware';

describe('UploadSpool', () => {
  let dataDir: string;
  const config = () => ({ dataDir, uploadsPerPerson: 2 }) as AppConfig;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ot-spool-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('makes a directory of its own per process and removes it at shutdown', () => {
    const spool = new UploadSpool(config());
    expect(path.dirname(spool.dir)).toBe(path.join(dataDir, 'uploads'));
    expect(path.basename(spool.dir)).toMatch(new RegExp(`^${process.pid}-`));
    spool.onModuleDestroy();
    expect(existsSync(spool.dir)).toBe(false);
  });

  it('removes what a process that ended without shutting down left, and keeps a running one’s', () => {
    const root = path.join(dataDir, 'uploads');
    // No process has the largest pid Linux allows; the parent of this test runs.
    const gone = path.join(root, '4194304-dood');
    const running = path.join(root, `${process.ppid}-levend`);
    for (const dir of [gone, running]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'half'), 'x');
    }
    const spool = new UploadSpool(config());
    expect(readdirSync(root).sort()).toEqual([path.basename(running), path.basename(spool.dir)].sort());
  });

  it('gives one person two slots at a time; a released slot is free again, once', () => {
    const spool = new UploadSpool(config());
    const first = spool.claim('p1');
    const second = spool.claim('p1');
    expect(first).toBeInstanceOf(Function);
    expect(second).toBeInstanceOf(Function);
    expect(spool.claim('p1')).toBe(false);
    expect(spool.claim('p2')).toBeInstanceOf(Function);
    (first as () => void)();
    (first as () => void)();
    expect(spool.claim('p1')).toBeInstanceOf(Function);
    expect(spool.claim('p1')).toBe(false);
    spool.onModuleDestroy();
  });
});
