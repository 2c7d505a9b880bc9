import type { AppConfig } from '@overlegtafels/config';
import { ControlledClock } from '@overlegtafels/testing';
import { NewStoredSession, SessionStore, StoredSession } from './session-store';
import { SessionService } from './session.service';

/** Sessions in memory, counting the writes of their last use. */
class MemorySessionStore extends SessionStore {
  readonly rows = new Map<string, NewStoredSession & { id: string; lastSeenAt: Date }>();
  touches = 0;
  /** The region of every stored session's person. */
  regionKey = 'co3-antwerpen';

  async create(s: NewStoredSession): Promise<string> {
    const id = `s${this.rows.size + 1}`;
    this.rows.set(s.tokenHash, { ...s, id, lastSeenAt: s.startedAt });
    return id;
  }
  async findValid(tokenHash: string, now: Date): Promise<StoredSession | undefined> {
    const row = this.rows.get(tokenHash);
    if (!row || row.expiresAt <= now) return undefined;
    return {
      id: row.id,
      csrfSecret: row.csrfSecret,
      expiresAt: row.expiresAt,
      lastSeenAt: row.lastSeenAt,
      person: {
        id: row.personId,
        regionId: 'r1',
        regionKey: this.regionKey,
        displayName: 'Lotte',
        email: 'lotte@example.be',
        organisationId: null,
        active: true,
        roles: [],
      },
    };
  }
  async delete(tokenHash: string): Promise<void> {
    this.rows.delete(tokenHash);
  }
  async touch(id: string, at: Date): Promise<void> {
    this.touches++;
    for (const row of this.rows.values()) if (row.id === id) row.lastSeenAt = at;
  }
}

describe('SessionService', () => {
  const config = {
    sessionTtlHours: 12,
    sessionIdleMinutes: 30,
    publicUrl: 'https://overleg.example.be',
    regions: ['co3-antwerpen', 'vlaams-brabant'],
  } as AppConfig;
  let clock: ControlledClock;
  let store: MemorySessionStore;
  let sessions: SessionService;

  beforeEach(() => {
    clock = new ControlledClock('2026-03-02T09:00:00Z');
    store = new MemorySessionStore();
    sessions = new SessionService(store, clock, config);
  });

  it('starts a session whose first use is its login, by the service’s clock', async () => {
    const { token, expiresAt } = await sessions.start('p1');
    expect(expiresAt).toEqual(new Date('2026-03-02T21:00:00Z'));
    expect([...store.rows.values()][0]).toMatchObject({ startedAt: clock.now(), lastSeenAt: clock.now() });
    expect((await sessions.resolve(token))?.personId).toBe('p1');
  });

  it('knows nobody of a region the installation does not serve, and keeps the session for one that does', async () => {
    const { token } = await sessions.start('p1');
    store.regionKey = 'west-vlaanderen';
    expect(await sessions.resolve(token)).toBeUndefined();
    expect(store.rows.size).toBe(1);
    store.regionKey = 'vlaams-brabant';
    expect((await sessions.resolve(token))?.personId).toBe('p1');
  });

  it('writes the last use at most once a minute', async () => {
    const { token } = await sessions.start('p1');
    for (let i = 0; i < 5; i++) {
      clock.advance(10_000);
      expect(await sessions.resolve(token)).toBeDefined();
    }
    expect(store.touches).toBe(0);
    clock.advance(10_000); // a minute after the login
    await sessions.resolve(token);
    await sessions.resolve(token);
    expect(store.touches).toBe(1);
    expect([...store.rows.values()][0]!.lastSeenAt).toEqual(clock.now());
  });

  it('ends a session after 30 minutes without use, and keeps one in use until its absolute end', async () => {
    const idle = await sessions.start('p1');
    const busy = await sessions.start('p2');
    clock.advance(29 * 60_000);
    expect(await sessions.resolve(busy.token)).toBeDefined();
    clock.advance(60_000);
    expect(await sessions.resolve(idle.token)).toBeUndefined();
    expect(store.rows.size).toBe(1);
    for (let minutes = 30; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advance(20 * 60_000);
      expect(await sessions.resolve(busy.token)).toBeDefined();
    }
    clock.set('2026-03-02T21:00:00Z');
    expect(await sessions.resolve(busy.token)).toBeUndefined();
  });
});
