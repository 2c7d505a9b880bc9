import type {
  CalendarFeedStatus,
  CalendarFeedTokens,
  FeedSlotRecord,
} from '@overlegtafels/application/testing';
import { FakeTable } from './fake-unit-of-work';

export interface FakeFeedToken {
  readonly id: string;
  readonly personId: string;
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** Calendar feed tokens in memory; `tables` and `inactive` stand in for memberships and people. */
export class FakeCalendarFeedTokens implements CalendarFeedTokens {
  readonly tokens = new FakeTable<FakeFeedToken>();
  readonly tables = new Map<string, string[]>();
  readonly inactive = new Set<string>();
  /** The region of every token's person. */
  regionKey = 'co3-antwerpen';
  private next = 1;

  async active(personId: string): Promise<CalendarFeedStatus | undefined> {
    const newest = this.live(personId).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    return newest && { createdAt: newest.createdAt, lastUsedAt: newest.lastUsedAt };
  }

  async renew(personId: string, tokenHash: string, now: Date): Promise<void> {
    await this.revoke(personId, now);
    this.tokens.put({
      id: `feed-${this.next++}`,
      personId,
      tokenHash,
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
    });
  }

  async revoke(personId: string, now: Date, _tx?: unknown): Promise<number> {
    const live = this.live(personId);
    for (const t of live) this.tokens.update(t.id, { revokedAt: now });
    return live.length;
  }

  async findActiveByHash(
    tokenHash: string,
  ): Promise<{ id: string; personId: string; regionKey: string } | undefined> {
    const found = this.tokens.where(
      (t) => t.tokenHash === tokenHash && t.revokedAt === null && !this.inactive.has(t.personId),
    )[0];
    return found && { id: found.id, personId: found.personId, regionKey: this.regionKey };
  }

  async markUsed(id: string, now: Date): Promise<void> {
    this.tokens.update(id, { lastUsedAt: now });
  }

  async tableKeysFor(personId: string): Promise<string[]> {
    return [...(this.tables.get(personId) ?? [])].sort();
  }

  /** The person's own slots, as a test put them in `slots`. */
  readonly slots = new Map<string, FeedSlotRecord[]>();

  async slotsFor(personId: string): Promise<FeedSlotRecord[]> {
    return [...(this.slots.get(personId) ?? [])];
  }

  private live(personId: string): FakeFeedToken[] {
    return this.tokens.where((t) => t.personId === personId && t.revokedAt === null);
  }
}
