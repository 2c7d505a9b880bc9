import type { LoginSessions, StartedSession } from '@overlegtafels/application/testing';

/** Login sessions in memory: token → person, and the ended tokens. */
export class FakeLoginSessions implements LoginSessions {
  readonly open = new Map<string, { personId: string; userAgent?: string; expiresAt: Date }>();
  readonly ended: (string | undefined)[] = [];
  private next = 1;

  /** Every session the fake starts ends at `expiresAt` (the real one counts from its clock). */
  constructor(private readonly expiresAt = new Date('2030-01-01T08:00:00Z')) {}

  async start(personId: string, userAgent?: string): Promise<StartedSession> {
    const token = `session-token-${this.next++}`;
    const expiresAt = new Date(this.expiresAt);
    this.open.set(token, { personId, userAgent, expiresAt });
    return { token, expiresAt };
  }

  async end(token: string | undefined): Promise<void> {
    this.ended.push(token);
    if (token) this.open.delete(token);
  }
}
