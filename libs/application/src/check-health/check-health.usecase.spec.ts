import type { MailSink } from '@overlegtafels/mail';
import { CheckHealthUseCase, MAIL_RESULT_TTL_MS, PROBE_TIMEOUT_MS } from '@overlegtafels/application';
import { ControlledClock, FakeHealthProbes } from '@overlegtafels/testing';

const useCase = (
  probes: FakeHealthProbes,
  sink: MailSink | null,
  clock = new ControlledClock('2026-03-02T09:00:00Z'),
) => new CheckHealthUseCase(probes.database, probes.queue, probes.mail, sink, clock);
const check = (probes: FakeHealthProbes, sink: MailSink | null) => useCase(probes, sink).execute();

describe('CheckHealthUseCase', () => {
  it('is ok when database, queue and mail all answer, and says which backends it uses', async () => {
    expect(await check(new FakeHealthProbes('postgres'), {} as MailSink)).toEqual({
      status: 'ok',
      database: { ok: true },
      queue: { ok: true, backend: 'postgres' },
      mail: { ok: true, mode: 'sink' },
    });
  });

  it.each(['database', 'queue', 'mail'] as const)(
    'is unavailable when the %s does not answer, and says which',
    async (part) => {
      const probes = new FakeHealthProbes();
      probes.up[part] = false;
      const report = await check(probes, null);
      expect(report.status).toBe('unavailable');
      expect(report[part].ok).toBe(false);
      expect(report.mail.mode).toBe('smtp');
    },
  );

  describe('a part that hangs', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it.each(['database', 'queue', 'mail'] as const)(
      'counts the %s as down once the time limit has passed, and the others as they answered',
      async (part) => {
        const probes = new FakeHealthProbes();
        probes.hung[part] = true;
        let report: Awaited<ReturnType<CheckHealthUseCase['execute']>> | undefined;
        void check(probes, null).then((r) => (report = r));
        await jest.advanceTimersByTimeAsync(PROBE_TIMEOUT_MS - 1);
        expect(report).toBeUndefined();
        await jest.advanceTimersByTimeAsync(1);
        expect(report?.status).toBe('unavailable');
        expect(report?.[part].ok).toBe(false);
        const others = (['database', 'queue', 'mail'] as const).filter((p) => p !== part);
        expect(others.map((p) => report?.[p].ok)).toEqual([true, true]);
      },
    );

    it('answers within 2 seconds', () => {
      expect(PROBE_TIMEOUT_MS).toBeLessThan(2_000);
    });
  });

  describe('the mail server', () => {
    it('is asked once per period: later probes reuse the last result until it is stale', async () => {
      const probes = new FakeHealthProbes();
      const clock = new ControlledClock('2026-03-02T09:00:00Z');
      const health = useCase(probes, null, clock);
      for (let second = 0; second < 30; second++) {
        expect((await health.execute()).mail.ok).toBe(true);
        clock.advance(1_000);
      }
      expect(probes.calls.mail).toBe(1);
      expect(probes.calls.database).toBe(30);
      probes.up.mail = false;
      expect((await health.execute()).mail.ok).toBe(false);
      expect(probes.calls.mail).toBe(2);
    });

    it('keeps a failed verification too, and asks again once it is stale', async () => {
      const probes = new FakeHealthProbes();
      probes.up.mail = false;
      const clock = new ControlledClock('2026-03-02T09:00:00Z');
      const health = useCase(probes, null, clock);
      expect((await health.execute()).status).toBe('unavailable');
      probes.up.mail = true;
      clock.advance(MAIL_RESULT_TTL_MS - 1);
      expect((await health.execute()).mail.ok).toBe(false);
      clock.advance(1);
      expect((await health.execute()).mail.ok).toBe(true);
      expect(probes.calls.mail).toBe(2);
    });

    it('shares one verification between probes that arrive together', async () => {
      const probes = new FakeHealthProbes();
      const health = useCase(probes, null);
      const reports = await Promise.all([health.execute(), health.execute(), health.execute()]);
      expect(reports.map((r) => r.mail.ok)).toEqual([true, true, true]);
      expect(probes.calls.mail).toBe(1);
    });
  });
});
