import { LogOutUseCase } from '@overlegtafels/application';
import { ControlledClock, FakeAuditLog, FakeLoginSessions, principalWith } from '@overlegtafels/testing';

describe('LogOutUseCase', () => {
  it('ends the session of the token and logs the logout under the route', async () => {
    const sessions = new FakeLoginSessions();
    const audit = new FakeAuditLog();
    const { token } = await sessions.start('p1');
    const clock = new ControlledClock('2026-03-02T09:00:00Z');
    await new LogOutUseCase(sessions, audit, clock).execute(principalWith('p1', []), 'POST /logout', {
      sessionToken: token,
    });
    expect(sessions.open.has(token)).toBe(false);
    expect(audit.of('auth.logout')).toEqual([
      {
        actorPersonId: 'p1',
        action: 'auth.logout',
        entityType: 'person',
        entityId: 'p1',
        outcome: 'allowed',
        route: 'POST /logout',
      },
    ]);
  });
});
