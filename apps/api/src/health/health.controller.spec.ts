import type { Response } from 'express';
import { CheckHealthUseCase } from '@overlegtafels/application';
import type { MailSink } from '@overlegtafels/mail';
import { ControlledClock, FakeHealthProbes } from '@overlegtafels/testing';
import { HealthController } from './health.controller';

function controller(state: { db: boolean; queue: boolean; mail: boolean }, sink = true) {
  const probes = new FakeHealthProbes();
  Object.assign(probes.up, { database: state.db, queue: state.queue, mail: state.mail });
  const sinkOrNot = sink ? ({} as MailSink) : null;
  return new HealthController(
    new CheckHealthUseCase(
      probes.database,
      probes.queue,
      probes.mail,
      sinkOrNot,
      new ControlledClock('2026-03-02T09:00:00Z'),
    ),
  );
}

function response() {
  const res = {
    statusCode: 0,
    status(code: number) {
      res.statusCode = code;
      return res;
    },
  };
  return res as unknown as Response & { statusCode: number };
}

describe('GET /health', () => {
  it('answers 200 with the state of database, queue and mail when all are up', async () => {
    const res = response();
    await expect(controller({ db: true, queue: true, mail: true }).check(res)).resolves.toEqual({
      status: 'ok',
      database: { ok: true },
      queue: { ok: true, backend: 'redis' },
      mail: { ok: true, mode: 'sink' },
    });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['database', { db: false, queue: true, mail: true }],
    ['queue', { db: true, queue: false, mail: true }],
    ['mail', { db: true, queue: true, mail: false }],
  ])('answers 503 when the %s is down, and says which', async (part, state) => {
    const res = response();
    const report = await controller(state, false).check(res);
    expect(res.statusCode).toBe(503);
    expect(report.status).toBe('unavailable');
    expect((report as unknown as Record<string, { ok: boolean }>)[part]!.ok).toBe(false);
    expect(report.mail.mode).toBe('smtp');
  });
});
