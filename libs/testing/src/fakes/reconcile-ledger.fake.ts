import type { LastReconcile, ReconcileLedger } from '@overlegtafels/application';

/**
 * The re-plan's memory in memory, on a clock of its own that ticks once per `begin` and per
 * `touch`: a dossier touched after a run's begin is one the next run re-plans.
 */
export class FakeReconcileLedger implements ReconcileLedger {
  readonly runs: (LastReconcile & { regionId: string; dossiers: number })[] = [];
  private readonly touched = new Map<string, { regionId: string; at: number }>();
  private tick = 1;

  /** A dossier of the region changed now (its row, items, decisions or obligations). */
  touch(regionId: string, ...dossierIds: string[]): this {
    const at = ++this.tick;
    for (const id of dossierIds) this.touched.set(id, { regionId, at });
    return this;
  }

  async begin(regionId: string): Promise<{ last?: LastReconcile; startedAt: Date }> {
    const last = this.runs.filter((r) => r.regionId === regionId).at(-1);
    return { ...(last && { last }), startedAt: new Date(++this.tick * 3_600_000) };
  }

  async changedDossiers(
    regionId: string,
    since: Date,
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    return [...this.touched]
      .filter(
        ([id, t]) =>
          t.regionId === regionId && t.at * 3_600_000 > since.getTime() && (!afterId || id > afterId),
      )
      .map(([id]) => id)
      .sort()
      .slice(0, limit);
  }

  async finish(regionId: string, run: LastReconcile & { dossiers: number }): Promise<void> {
    this.runs.push({ regionId, ...run });
  }
}
