import { hashToken } from '@overlegtafels/auth';
import type { AppConfig } from '@overlegtafels/config';
import { AgendaRefusal, LogInUseCase } from '@overlegtafels/application';
import {
  ControlledClock,
  FakeAuditLog,
  FakeLoginSessions,
  FakePersonDirectory,
} from '@overlegtafels/testing';

const LOTTE = '11111111-1111-4111-8111-111111111111';
const GONE = '22222222-2222-4222-8222-222222222222';
const ELDERS = '44444444-4444-4444-8444-444444444444';

describe('LogInUseCase', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');
  let people: FakePersonDirectory;
  let sessions: FakeLoginSessions;
  let audit: FakeAuditLog;
  const useCase = (demoLogin: boolean) =>
    new LogInUseCase(people, sessions, audit, clock, { demoLogin, regions: ['co3'] } as AppConfig);

  beforeEach(async () => {
    people = new FakePersonDirectory().addPeople([
      { id: LOTTE, displayName: 'Lotte', email: 'lotte@example.be', regionKey: 'co3', active: true },
      { id: GONE, displayName: 'Weg', email: 'weg@example.be', regionKey: 'co3', active: false },
      {
        id: ELDERS,
        displayName: 'Elders',
        email: 'elders@example.be',
        regionKey: 'andere-regio',
        active: true,
      },
    ]);
    await people.createLoginToken({
      tokenHash: hashToken('link-token'),
      personId: LOTTE,
      expiresAt: new Date('2026-03-02T09:15:00Z'),
    });
    sessions = new FakeLoginSessions();
    audit = new FakeAuditLog();
  });

  it('starts a session for the person of a login link, and uses the link up', async () => {
    const session = await useCase(false).execute({ via: 'link', token: 'link-token', userAgent: 'Firefox' });
    expect(sessions.open.get(session!.token)).toMatchObject({ personId: LOTTE, userAgent: 'Firefox' });
    expect(people.persons.get(LOTTE)?.lastLoginAt).toEqual(clock.now());
    expect(audit.of('auth.login')).toEqual([
      {
        actorPersonId: null,
        action: 'auth.login',
        entityType: 'person',
        entityId: LOTTE,
        outcome: 'allowed',
        details: { method: 'link' },
      },
    ]);
    expect(await useCase(false).execute({ via: 'link', token: 'link-token' })).toBeUndefined();
    expect(sessions.open.size).toBe(1);
  });

  it('refuses an expired link without a session or a login in the log', async () => {
    clock.set('2026-03-02T09:15:00Z');
    expect(await useCase(false).execute({ via: 'link', token: 'link-token' })).toBeUndefined();
    expect(await useCase(false).execute({ via: 'link', token: 'unknown' })).toBeUndefined();
    expect(sessions.open.size).toBe(0);
    expect(audit.all()).toEqual([
      expect.objectContaining({
        action: 'auth.login',
        outcome: 'denied',
        entityId: null,
        details: { method: 'link', reason: 'link-used-expired-or-unknown' },
      }),
      expect.objectContaining({ action: 'auth.login', outcome: 'denied', entityId: null }),
    ]);
  });

  it('refuses the link of a person whose region is not served here (REGIONS changed since it was sent)', async () => {
    await people.createLoginToken({
      tokenHash: hashToken('elders-token'),
      personId: ELDERS,
      expiresAt: new Date(clock.now().getTime() + 15 * 60_000),
    });
    expect(await useCase(false).execute({ via: 'link', token: 'elders-token' })).toBeUndefined();
    expect(sessions.open.size).toBe(0);
    expect(audit.of('auth.login').map((e) => [e.outcome, e.details])).toEqual([
      ['denied', { method: 'link', reason: 'not-an-active-person-of-the-region' }],
    ]);
  });

  it('logs a demo person in where the demo login is on', async () => {
    const session = await useCase(true).execute({ via: 'demo', personId: LOTTE });
    expect(sessions.open.get(session!.token)?.personId).toBe(LOTTE);
    expect(audit.of('auth.login')[0]?.details).toEqual({ method: 'demo' });
  });

  it.each([
    ['an inactive person', GONE],
    ['an unknown id', '33333333-3333-4333-8333-333333333333'],
    ['something that is no id', 'lotte'],
    ['a person of another region', ELDERS],
  ])('does not log in %s as a demo person, and logs the refusal', async (_who, personId) => {
    expect(await useCase(true).execute({ via: 'demo', personId })).toBeUndefined();
    expect(sessions.open.size).toBe(0);
    expect(audit.of('auth.login')).toEqual([
      {
        actorPersonId: null,
        action: 'auth.login',
        entityType: 'person',
        entityId: personId === 'lotte' ? null : personId,
        outcome: 'denied',
        details: { method: 'demo', reason: 'not-an-active-person-of-the-region' },
      },
    ]);
  });

  it('answers not_found for a demo login where the demo login is off', async () => {
    const refused = await useCase(false)
      .execute({ via: 'demo', personId: LOTTE })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AgendaRefusal);
    expect(refused).toMatchObject({ kind: 'not_found' });
    expect(sessions.open.size).toBe(0);
  });
});
