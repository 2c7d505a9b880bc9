import type { LoginAttempts } from '@overlegtafels/application/testing';

/** Login attempt counters in memory, keyed as the real table is (bucket, key hash, window). */
export class FakeLoginAttempts implements LoginAttempts {
  readonly counts = new Map<string, number>();

  async hit(bucket: string, keyHash: string, windowStart: Date): Promise<number> {
    const key = `${bucket}|${keyHash}|${windowStart.toISOString()}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count;
  }

  async forgetBefore(before: Date): Promise<void> {
    for (const key of [...this.counts.keys()])
      if (new Date(key.split('|')[2]!) < before) this.counts.delete(key);
  }
}
