import type {
  DossierList,
  DossierListEntry,
  DossierListPage,
  DossierListQuery,
  DossierListScope,
} from '@overlegtafels/application/testing';
import { FakeTable } from './fake-unit-of-work';

export interface FakeListedDossier extends DossierListEntry {
  readonly regionId: string;
  readonly casusregisseurId: string | null;
  readonly aanmelderId: string | null;
  /** The tables the dossier has agenda items on. */
  readonly tableKeys?: readonly string[];
}

/** Dossiers to list, filtered by scope and paged as the database does. */
export class FakeDossierList implements DossierList {
  readonly dossiers: FakeTable<FakeListedDossier>;

  constructor(rows: readonly FakeListedDossier[] = []) {
    this.dossiers = new FakeTable(rows);
  }

  async within(scope: DossierListScope, codes: readonly string[]): Promise<ReadonlySet<string>> {
    const page = await this.page(scope, { limit: Number.MAX_SAFE_INTEGER, endedPhases: [] });
    return new Set(page.rows.map((d) => d.code).filter((c) => codes.includes(c)));
  }

  async page(scope: DossierListScope, q: DossierListQuery): Promise<DossierListPage> {
    const isEnded = (d: { phase: string }) => q.endedPhases.includes(d.phase);
    const matching = this.dossiers
      .where(
        (d) =>
          d.regionId === scope.regionId &&
          (!scope.anyOf ||
            scope.anyOf.some(
              (c) =>
                (c.casusregisseurId !== undefined && c.casusregisseurId === d.casusregisseurId) ||
                (c.aanmelderId !== undefined && c.aanmelderId === d.aanmelderId) ||
                (c.phase !== undefined && c.phase === d.phase),
            )) &&
          (!q.code || d.code.toLowerCase().includes(q.code.toLowerCase())) &&
          (!q.phase || d.phase === q.phase) &&
          (!q.casusregisseurId || d.casusregisseurId === q.casusregisseurId) &&
          (!q.tableKey || (d.tableKeys ?? []).includes(q.tableKey)) &&
          (!q.createdFrom || d.createdAt >= q.createdFrom) &&
          (!q.createdBefore || d.createdAt < q.createdBefore) &&
          (!q.runningOnly || !isEnded(d)),
      )
      .sort((a, b) => Number(isEnded(a)) - Number(isEnded(b)) || b.code.localeCompare(a.code));
    const after = q.after;
    const from = after
      ? matching.filter(
          (d) => (isEnded(d) && !after.ended) || (isEnded(d) === after.ended && d.code < after.code),
        )
      : matching;
    const shown = from.slice(0, q.limit);
    const last = shown.at(-1);
    return {
      rows: shown.map((d) => ({
        id: d.id,
        code: d.code,
        phase: d.phase,
        casusregisseurName: d.casusregisseurName,
        casusregisseurId: d.casusregisseurId,
        aanmelderId: d.aanmelderId,
        casusregieStartDate: d.casusregieStartDate,
        afrondingDate: d.afrondingDate,
        createdAt: d.createdAt,
      })),
      total: matching.length,
      ...(from.length > q.limit && last && { next: { ended: isEnded(last), code: last.code } }),
    };
  }
}
