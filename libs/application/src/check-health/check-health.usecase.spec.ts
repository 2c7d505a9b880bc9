import type { MailSink } from '@overlegtafels/mail';
import { CheckHealthUseCase } from '@overlegtafels/application';
import { FakeHealthProbes } from '@overlegtafels/testing';

const check = (probes: FakeHealthProbes, sink: MailSink | null) =>
  new CheckHealthUseCase(probes.database, probes.queue, probes.mail, sink).execute();

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
});
