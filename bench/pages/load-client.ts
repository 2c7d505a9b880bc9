/**
 * The page benchmark's load generator, in a process of its own (forked by load.ts) so that its
 * CPU is not counted as the app's: for each job it loads one URL with autocannon, first a warm-up
 * of `warmupSeconds`, then (after the parent has read the CPU counters) the measured run of as many
 * requests as the warm-up's rate gives in `seconds`, and reports every response's status and
 * latency.
 */
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  headers: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p95: number;
  statuses: Record<string, number>;
  errors: number;
}

export type ClientMessage = { kind: 'ready' } | { kind: 'result'; result: LoadResult };
export type ParentMessage = { kind: 'job'; job: LoadJob } | { kind: 'go' } | { kind: 'stop' };

/**
 * One run: for `seconds` (the warm-up), or of `amount` requests, so that every request sent is
 * answered within the run and none is still costing the server CPU after it.
 */
function run(job: LoadJob, size: { seconds: number } | { amount: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const started = performance.now();
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        headers: job.headers,
        timeout: 60,
        ...('seconds' in size ? { duration: size.seconds } : { amount: size.amount }),
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const at = (q: number) =>
          latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN;
        resolve({
          requests: latencies.length,
          seconds: (performance.now() - started) / 1000,
          p50: at(0.5),
          p95: at(0.95),
          statuses,
          errors: result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
}

function send(message: ClientMessage): void {
  process.send!(message);
}

let pending: { job: LoadJob; amount: number } | undefined;
process.on('message', (message: ParentMessage) => {
  if (message.kind === 'stop') process.exit(0);
  if (message.kind === 'job') {
    const job = message.job;
    void run(job, { seconds: job.warmupSeconds })
      // The timed warm-up leaves requests unanswered when it stops: a few counted ones after it
      // let the server finish those before the CPU counters are read.
      .then(async (warmup) => (await run(job, { amount: 2 * job.connections }), warmup))
      .then(
        (warmup) => {
          // As many requests as the warm-up's rate gives in the measured time; at least 8, two a connection.
          const amount = Math.max(
            8,
            2 * job.connections,
            Math.ceil((warmup.requests / warmup.seconds) * job.seconds),
          );
          pending = { job, amount };
          send({ kind: 'ready' });
        },
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  }
  if (message.kind === 'go' && pending) {
    const { job, amount } = pending;
    pending = undefined;
    void run(job, { amount }).then(
      (result) => send({ kind: 'result', result }),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
});
