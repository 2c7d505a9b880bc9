import type { DossierList, DossierListEntry, DossierListScope } from '@overlegtafels/application';
import { FakeTable } from './fake-unit-of-work';

export interface FakeListedDossier extends DossierListEntry {
  readonly regionId: string;
  readonly casusregisseurId: string | null;
  readonly aanmelderId: string | null;
}

/** Dossiers to list, filtered by scope as the database does. */
export class FakeDossierList implements DossierList {
  readonly dossiers: FakeTable<FakeListedDossier>;

  constructor(rows: readonly FakeListedDossier[] = []) {
    this.dossiers = new FakeTable(rows);
  }

  async list(scope: DossierListScope, limit = 500): Promise<DossierListEntry[]> {
    return this.dossiers
      .where(
        (d) =>
          d.regionId === scope.regionId &&
          (!scope.anyOf ||
            scope.anyOf.some(
              (c) =>
                (c.casusregisseurId !== undefined && c.casusregisseurId === d.casusregisseurId) ||
                (c.aanmelderId !== undefined && c.aanmelderId === d.aanmelderId) ||
                (c.phase !== undefined && c.phase === d.phase),
            )),
      )
      .sort((a, b) => a.code.localeCompare(b.code))
      .slice(0, limit)
      .map((d) => ({
        id: d.id,
        code: d.code,
        phase: d.phase,
        casusregisseurName: d.casusregisseurName,
        casusregisseurId: d.casusregisseurId,
        aanmelderId: d.aanmelderId,
        casusregieStartDate: d.casusregieStartDate,
        afrondingDate: d.afrondingDate,
      }));
  }
}
