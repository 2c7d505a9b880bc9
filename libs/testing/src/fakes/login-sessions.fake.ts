import type { LoginSessions, StartedSession } from '@overlegtafels/application';

/** Login sessions in memory: token → person, and the ended tokens. */
export class FakeLoginSessions implements LoginSessions {
  readonly open = new Map<string, { personId: string; userAgent?: string; expiresAt: Date }>();
  readonly ended: (string | undefined)[] = [];
  private next = 1;

  constructor(private readonly ttlMs = 8 * 3600_000) {}

  async start(personId: string, userAgent?: string): Promise<StartedSession> {
    const token = `session-token-${this.next++}`;
    const expiresAt = new Date(Date.UTC(2030, 0, 1) + this.ttlMs);
    this.open.set(token, { personId, userAgent, expiresAt });
    return { token, expiresAt };
  }

  async end(token: string | undefined): Promise<void> {
    this.ended.push(token);
    if (token) this.open.delete(token);
  }
}
