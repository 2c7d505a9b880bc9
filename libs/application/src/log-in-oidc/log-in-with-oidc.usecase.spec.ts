import type { AppConfig } from '@overlegtafels/config';
import { LogInWithOidcUseCase } from '@overlegtafels/application';
import {
  ControlledClock,
  FakeAuditLog,
  FakeLoginSessions,
  FakePersonDirectory,
} from '@overlegtafels/testing';

const LOTTE = '11111111-1111-4111-8111-111111111111';
const GONE = '22222222-2222-4222-8222-222222222222';
const ELSEWHERE = '33333333-3333-4333-8333-333333333333';

describe('LogInWithOidcUseCase', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');
  let people: FakePersonDirectory;
  let sessions: FakeLoginSessions;
  let audit: FakeAuditLog;
  const useCase = (requireVerifiedEmail = true) =>
    new LogInWithOidcUseCase(people, sessions, audit, clock, {
      regions: ['co3'],
      oidc: { requireVerifiedEmail },
    } as AppConfig);

  beforeEach(() => {
    people = new FakePersonDirectory().addPeople([
      { id: LOTTE, displayName: 'Lotte', email: 'Lotte.Verbeke@example.be', regionKey: 'co3', active: true },
      { id: GONE, displayName: 'Weg', email: 'weg@example.be', regionKey: 'co3', active: false },
      { id: ELSEWHERE, displayName: 'Ander', email: 'ander@example.be', regionKey: 'co9', active: true },
    ]);
    sessions = new FakeLoginSessions();
    audit = new FakeAuditLog();
  });

  it('starts a session for the active person of the region with the verified address, in any case', async () => {
    const result = await useCase().execute({
      email: 'lotte.verbeke@EXAMPLE.be',
      emailVerified: true,
      userAgent: 'Firefox',
    });
    expect(result.outcome).toBe('session');
    const token = result.outcome === 'session' ? result.session.token : '';
    expect(sessions.open.get(token)).toMatchObject({ personId: LOTTE, userAgent: 'Firefox' });
    expect(people.persons.get(LOTTE)?.lastLoginAt).toEqual(clock.now());
    expect(audit.of('auth.login')).toEqual([
      {
        actorPersonId: null,
        action: 'auth.login',
        entityType: 'person',
        entityId: LOTTE,
        outcome: 'allowed',
        details: { method: 'oidc' },
      },
    ]);
  });

  it.each([
    ['an address nobody has', 'nieuw@example.org'],
    ['an inactive person', 'weg@example.be'],
    ['a person of another region', 'ander@example.be'],
  ])('refuses %s, creates nobody and logs the refusal without the address', async (_who, email) => {
    const result = await useCase().execute({ email, emailVerified: true }, 'GET /login/oidc/callback');
    expect(result).toEqual({ outcome: 'refused', reason: 'unknown_person' });
    expect(sessions.open.size).toBe(0);
    expect(audit.of('auth.login')).toEqual([
      {
        actorPersonId: null,
        action: 'auth.login',
        entityType: 'person',
        entityId: null,
        route: 'GET /login/oidc/callback',
        outcome: 'denied',
        details: { method: 'oidc', reason: 'unknown_person' },
      },
    ]);
    expect(JSON.stringify(audit.all())).not.toContain('@');
  });

  it('refuses an unverified address, naming the person it belongs to in the log', async () => {
    const result = await useCase().execute({ email: 'lotte.verbeke@example.be', emailVerified: false });
    expect(result).toEqual({ outcome: 'refused', reason: 'email_unverified' });
    expect(sessions.open.size).toBe(0);
    expect(audit.of('auth.login')[0]).toMatchObject({
      entityId: LOTTE,
      outcome: 'denied',
      details: { method: 'oidc', reason: 'email_unverified' },
    });
  });

  it('takes an unverified address where the region said the provider does not verify them', async () => {
    const result = await useCase(false).execute({ email: 'lotte.verbeke@example.be', emailVerified: false });
    expect(result.outcome).toBe('session');
  });

  it.each([undefined, '', 'geen adres', `${'x'.repeat(250)}@example.be`])(
    'refuses a token without a usable address (%p)',
    async (email) => {
      expect(await useCase().execute({ email, emailVerified: true })).toEqual({
        outcome: 'refused',
        reason: 'no_email',
      });
      expect(sessions.open.size).toBe(0);
    },
  );

  it('logs a failed return from the provider with its code', async () => {
    await useCase().failed({ failure: 'code_refused', code: 'invalid_grant' }, 'GET /login/oidc/callback');
    expect(audit.of('auth.login')).toEqual([
      {
        actorPersonId: null,
        action: 'auth.login',
        entityType: 'person',
        entityId: null,
        route: 'GET /login/oidc/callback',
        outcome: 'denied',
        details: { method: 'oidc', reason: 'code_refused', code: 'invalid_grant' },
      },
    ]);
  });
});
