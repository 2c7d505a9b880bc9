import { InvalidJobPayloadError, parseJobPayload } from './job-payloads';
import { maintenanceJobId, maintenanceMoment } from './maintenance.producer';

/** Instants are written with their offset, so the tests read the same under any TZ. */
const at = (iso: string) => new Date(iso);

describe('maintenance moments', () => {
  it('names the night of the re-plan by its Brussels date, the same at 03:30 and at a later start', () => {
    expect(maintenanceMoment('obligation-reconcile', at('2026-12-03T03:30:00.004+01:00'))).toEqual({
      momentMs: at('2026-12-03T03:30:00+01:00').getTime(),
      key: 'obligation-reconcile:2026-12-03',
    });
    // A worker started in the afternoon asks for the night that passed, not a night of its own.
    expect(maintenanceMoment('obligation-reconcile', at('2026-12-03T16:45:00+01:00')).key).toBe(
      'obligation-reconcile:2026-12-03',
    );
    // Before 03:30 it is still the previous night.
    expect(maintenanceJobId('obligation-reconcile', at('2026-12-04T02:59:00+01:00'))).toBe(
      'obligation-reconcile|2026-12-03',
    );
    // 03:30 on the Brussels clock, not in UTC: at 01:45 UTC in summer the night has passed.
    expect(maintenanceJobId('obligation-reconcile', at('2026-06-04T03:45:00+02:00'))).toBe(
      'obligation-reconcile|2026-06-04',
    );
  });

  it('gives the re-plan of a night one id per rules version: the same night under other rules is another job', () => {
    const night = at('2026-12-03T16:45:00+01:00');
    expect(maintenanceMoment('obligation-reconcile', night, '3f2a9c01b7de')).toEqual({
      momentMs: at('2026-12-03T03:30:00+01:00').getTime(),
      key: 'obligation-reconcile:2026-12-03:3f2a9c01b7de',
    });
    expect(maintenanceJobId('obligation-reconcile', night, '3f2a9c01b7de')).toBe(
      'obligation-reconcile|2026-12-03|3f2a9c01b7de',
    );
    expect(maintenanceJobId('obligation-reconcile', night, '000000000000')).not.toBe(
      maintenanceJobId('obligation-reconcile', night, '3f2a9c01b7de'),
    );
  });

  it('names the retention run by its Brussels night at 04:00: one id for the cron and every later start that day', () => {
    expect(maintenanceMoment('dossier-retention', at('2026-12-03T04:00:00+01:00'))).toEqual({
      momentMs: at('2026-12-03T04:00:00+01:00').getTime(),
      key: 'dossier-retention:2026-12-03',
    });
    expect(maintenanceJobId('dossier-retention', at('2026-12-03T23:59:00+01:00'))).toBe(
      'dossier-retention|2026-12-03',
    );
    expect(maintenanceJobId('dossier-retention', at('2026-12-04T03:59:00+01:00'))).toBe(
      'dossier-retention|2026-12-03',
    );
    expect(maintenanceJobId('dossier-retention', at('2026-03-29T04:00:00+02:00'))).toBe(
      'dossier-retention|2026-03-29',
    );
  });

  it('takes a cron that fires a few seconds early on the clock for the night it fires for', () => {
    expect(maintenanceJobId('obligation-reconcile', at('2026-12-03T03:29:57+01:00'))).toBe(
      'obligation-reconcile|2026-12-03',
    );
    expect(maintenanceJobId('obligation-reconcile', at('2026-12-03T03:29:50+01:00'))).toBe(
      'obligation-reconcile|2026-12-02',
    );
  });

  it('finds 03:30 on the days the clocks change', () => {
    // Spring: 02:00 → 03:00 on 29 March 2026; 03:30 is CEST, 01:30 UTC.
    expect(maintenanceMoment('obligation-reconcile', at('2026-03-29T03:31:00+02:00'))).toEqual({
      momentMs: Date.UTC(2026, 2, 29, 1, 30),
      key: 'obligation-reconcile:2026-03-29',
    });
    expect(maintenanceJobId('obligation-reconcile', at('2026-03-29T03:20:00+02:00'))).toBe(
      'obligation-reconcile|2026-03-28',
    );
    // Autumn: 03:00 → 02:00 on 25 October 2026; 03:30 is CET, 02:30 UTC, after both 02:30s.
    expect(maintenanceMoment('obligation-reconcile', at('2026-10-25T02:40:00+01:00'))).toEqual({
      momentMs: Date.UTC(2026, 9, 24, 1, 30),
      key: 'obligation-reconcile:2026-10-24',
    });
    expect(maintenanceMoment('obligation-reconcile', at('2026-10-25T03:30:00+01:00')).momentMs).toBe(
      Date.UTC(2026, 9, 25, 2, 30),
    );
  });

  it('names a minute, ten minutes and 30 seconds by their start in Brussels time', () => {
    const now = at('2026-12-03T10:17:42.123+01:00');
    expect(maintenanceMoment('reminder-sweep', now)).toEqual({
      momentMs: at('2026-12-03T10:17:00+01:00').getTime(),
      key: 'reminder-sweep:2026-12-03T10:17+01:00',
    });
    expect(maintenanceMoment('agenda-planning', now)).toEqual({
      momentMs: at('2026-12-03T10:10:00+01:00').getTime(),
      key: 'agenda-planning:2026-12-03T10:10+01:00',
    });
    expect(maintenanceMoment('outbox-relay', now)).toEqual({
      momentMs: at('2026-12-03T10:17:30+01:00').getTime(),
      key: 'outbox-relay:2026-12-03T10:17:30+01:00',
    });
    expect(maintenanceJobId('outbox-relay', at('2026-12-03T10:17:24+01:00'))).toBe(
      'outbox-relay|2026-12-03T10|17|00+01|00',
    );
    // A clock two seconds behind the cron's minute names that minute.
    expect(maintenanceMoment('reminder-sweep', at('2026-06-01T08:59:58+02:00')).key).toBe(
      'reminder-sweep:2026-06-01T09:00+02:00',
    );
  });

  it('tells the two 02:30s of the autumn night apart', () => {
    const first = maintenanceMoment('reminder-sweep', at('2026-10-25T02:30:10+02:00'));
    const second = maintenanceMoment('reminder-sweep', at('2026-10-25T02:30:10+01:00'));
    expect([first.key, second.key]).toEqual([
      'reminder-sweep:2026-10-25T02:30+02:00',
      'reminder-sweep:2026-10-25T02:30+01:00',
    ]);
    expect(second.momentMs - first.momentMs).toBe(3_600_000);
  });

  it('carries the moment only', () => {
    const job = { momentMs: 1_800_000_000_000 };
    expect(parseJobPayload('maintenance', 'obligation-reconcile', job)).toEqual(job);
    expect(parseJobPayload('reminders', 'reminder-sweep', job)).toEqual(job);
    expect(() => parseJobPayload('reminders', 'reminder-sweep', { ...job, dossierId: 'x' })).toThrow(
      InvalidJobPayloadError,
    );
    expect(() => parseJobPayload('maintenance', 'outbox-relay', { momentMs: -1 })).toThrow(
      'invalid payload for maintenance/outbox-relay: momentMs',
    );
  });
});
