import type { AppConfig } from '@overlegtafels/config';
import { LoginThrottle } from '@overlegtafels/application';
import { ControlledClock, FakeAuditLog, FakeLoginAttempts } from '@overlegtafels/testing';

describe('LoginThrottle', () => {
  const config = { loginLimits: { windowMinutes: 15, perAddress: 5, perIp: 20 } } as AppConfig;
  let clock: ControlledClock;
  let attempts: FakeLoginAttempts;
  let audit: FakeAuditLog;
  let throttle: LoginThrottle;

  beforeEach(() => {
    clock = new ControlledClock('2026-03-02T09:05:00Z');
    attempts = new FakeLoginAttempts();
    audit = new FakeAuditLog();
    throttle = new LoginThrottle(attempts, audit, clock, config);
  });

  const ask = (account: string | undefined, ip = '192.0.2.1') =>
    throttle.attempt('link-request', { ip, account }, 'POST /login/link');

  it('allows five attempts per address in a window; the sixth waits until the window ends', async () => {
    for (let i = 0; i < 5; i++)
      expect(await ask('lotte@example.be', `192.0.2.${i}`)).toEqual({ allowed: true });
    // 09:05 in the window 09:00–09:15: ten minutes left.
    expect(await ask('Lotte@Example.be', '192.0.2.9')).toEqual({
      allowed: false,
      retryAfterSeconds: 600,
      scope: 'account',
    });
    expect(await ask('iemand-anders@example.be', '192.0.2.9')).toEqual({ allowed: true });
    clock.set('2026-03-02T09:15:00Z');
    expect(await ask('lotte@example.be')).toEqual({ allowed: true });
  });

  it('allows twenty attempts per IP of one kind, whatever the addresses; other kinds count apart', async () => {
    for (let i = 0; i < 20; i++) expect((await ask(`p${i}@example.be`)).allowed).toBe(true);
    expect(await ask('p99@example.be')).toMatchObject({ allowed: false, scope: 'ip' });
    expect(await throttle.attempt('link-use', { ip: '192.0.2.1' }, 'POST /login/link/:token')).toEqual({
      allowed: true,
    });
  });

  it('logs a refusal with the kind and the limit, never the address or the IP; allowed attempts are not logged', async () => {
    for (let i = 0; i < 6; i++) await ask('lotte@example.be', `192.0.2.${i}`);
    expect(audit.of('auth.rate-limited')).toEqual([
      {
        actorPersonId: null,
        action: 'auth.rate-limited',
        entityType: 'login',
        entityId: null,
        route: 'POST /login/link',
        outcome: 'denied',
        details: { kind: 'link-request', scope: 'account', windowMinutes: 15 },
      },
    ]);
    expect(audit.all()).toHaveLength(1);
    const stored = JSON.stringify([...attempts.counts.keys()]);
    expect(stored).not.toContain('lotte');
    expect(stored).not.toContain('192.0.2');
  });
});
