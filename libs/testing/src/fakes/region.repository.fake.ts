import type { RegionRepository, RegionRow } from '@overlegtafels/application/testing';

/** Region ids by key; counts look-ups so a test can see the cache is the only way in. */
export class FakeRegionRepository implements RegionRepository {
  lookups = 0;
  private readonly ids: Map<string, string>;

  constructor(ids: Record<string, string> = { 'co3-antwerpen': 'region-1' }) {
    this.ids = new Map(Object.entries(ids));
  }

  /** The transaction of each look-up, in order (undefined outside one). */
  readonly txs: unknown[] = [];

  async idOf(regionKey: string, tx?: unknown): Promise<string> {
    this.lookups++;
    this.txs.push(tx);
    const id = this.ids.get(regionKey);
    if (!id) throw new Error(`region ${regionKey} is not in the database`);
    return id;
  }

  async keyOf(regionId: string): Promise<string | undefined> {
    return [...this.ids].find(([, id]) => id === regionId)?.[0];
  }

  async ensure(rows: readonly RegionRow[]): Promise<void> {
    for (const r of rows) if (!this.ids.has(r.key)) this.ids.set(r.key, `region-${this.ids.size + 1}`);
  }
}
