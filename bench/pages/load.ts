/**
 * Measuring one route (see pages.bench.ts): the load client's run between two readings of the
 * CPU time of this process (process.cpuUsage) and of the PostgreSQL server (its process tree in
 * /proc: the postmaster, the app's backends and the server's own workers), each divided by the
 * requests answered.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { ClientMessage, LoadJob, LoadResult, ParentMessage } from './load-client';

export interface Measured extends LoadResult {
  rps: number;
  nodeCpuMs: number;
  /** NaN when the server's processes cannot be read (a server on another machine or namespace). */
  pgCpuMs: number;
}

const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * From /proc/<pid>/stat: the parent pid, utime + stime, and cutime + cstime (the CPU of its
 * children that exited and were waited for: a backend that ends between two readings).
 */
function stat(pid: number): { ppid: number; ticks: number; exitedChildren: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command is in parentheses and may hold spaces: the fields follow its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
      exitedChildren: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return undefined;
  }
}

/** The PostgreSQL server's process tree, found through the parent of one of its backends. */
export class PgServerCpu {
  private constructor(private readonly postmaster: number | undefined) {}

  static async find(url: string): Promise<PgServerCpu> {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      const pid = (await pg.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const backend = stat(pid);
      // Another machine or PID namespace: the pid is not ours to read, or not a postgres.
      const comm = backend ? readFileSync(`/proc/${backend.ppid}/comm`, 'utf8').trim() : '';
      return new PgServerCpu(backend && comm.startsWith('postgres') ? backend.ppid : undefined);
    } catch {
      return new PgServerCpu(undefined);
    } finally {
      await pg.end();
    }
  }

  get readable(): boolean {
    return this.postmaster !== undefined;
  }

  /** CPU ms of the postmaster and all its children, living or ended, now (NaN when unreadable). */
  ms(): number {
    if (this.postmaster === undefined) return NaN;
    const postmaster = stat(this.postmaster);
    let ticks = (postmaster?.ticks ?? 0) + (postmaster?.exitedChildren ?? 0);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const s = stat(Number(entry));
      if (s?.ppid === this.postmaster) ticks += s.ticks;
    }
    return (ticks * 1000) / TICKS;
  }
}

/** The load client process, reused for every route. */
export class LoadClient {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork(path.join(__dirname, 'load-client.js'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  private next(): Promise<ClientMessage> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load client exited (${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (message: ClientMessage) => {
        this.child.off('exit', onExit);
        resolve(message);
      });
    });
  }

  private send(message: ParentMessage): void {
    this.child.send(message);
  }

  /** Warm-up, then the measured run between two CPU readings. */
  async measure(job: LoadJob, pg: PgServerCpu): Promise<Measured> {
    const ready = this.next();
    this.send({ kind: 'job', job });
    await ready;
    const done = this.next();
    const pg0 = pg.ms();
    const cpu0 = process.cpuUsage();
    this.send({ kind: 'go' });
    const message = await done;
    const cpu = process.cpuUsage(cpu0);
    const pg1 = pg.ms();
    if (message.kind !== 'result') throw new Error('the load client answered out of turn');
    const r = message.result;
    const per = (ms: number) => (r.requests > 0 ? ms / r.requests : NaN);
    return {
      ...r,
      rps: r.requests / r.seconds,
      nodeCpuMs: per((cpu.user + cpu.system) / 1000),
      pgCpuMs: per(pg1 - pg0),
    };
  }

  stop(): void {
    this.send({ kind: 'stop' });
  }
}
