import type {
  CasusregieHandoverReads,
  HandoverDossier,
  OwnedObligation,
  Transaction,
} from '@overlegtafels/application';
import type { FakeObligationRepository } from './obligation.repository.fake';

/**
 * The handover's reads over the obligations fake: its dossiers (with the phase each is in, given
 * here, since the obligations fake keeps none) and its obligations.
 */
export class FakeCasusregieHandoverReads implements CasusregieHandoverReads {
  constructor(
    private readonly repo: FakeObligationRepository,
    private readonly phases: Readonly<Record<string, string>>,
  ) {}

  async dossiersDirectedBy(
    _tx: Transaction,
    regionId: string,
    personId: string,
    phases: readonly string[],
  ): Promise<HandoverDossier[]> {
    return this.repo.dossiers
      .where(
        (d) =>
          d.dossier.regionId === regionId &&
          d.dossier.casusregisseurId === personId &&
          phases.includes(this.phases[d.id] ?? ''),
      )
      .map((d) => ({ id: d.id, code: d.dossier.code }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  async markCasusregisseurLeft(_tx: Transaction, dossierIds: readonly string[]): Promise<void> {
    for (const id of dossierIds) this.repo.changeDossier(id, { casusregisseurActive: false });
  }

  async openObligationsOwnedBy(
    _tx: Transaction,
    regionId: string,
    personId: string,
  ): Promise<OwnedObligation[]> {
    return this.repo.obligations
      .where((o) => o.status === 'open' && o.ownerId === personId)
      .flatMap((o) => {
        const d = this.repo.dossiers.get(o.dossierId);
        if (!d || d.dossier.regionId !== regionId) return [];
        return [
          {
            id: o.id,
            dossierId: o.dossierId,
            dossierCode: d.dossier.code,
            ruleKey: o.ruleKey,
            tableKey: o.tableKey,
          },
        ];
      })
      .sort((a, b) => a.id.localeCompare(b.id));
  }
}
