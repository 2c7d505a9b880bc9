import { Inject, Injectable } from '@nestjs/common';
import { childrenHeard } from '@overlegtafels/domain';
import { DossierRepository } from '../ports/dossier.repository.port';
import { childHearingsOf, ChildrenHeardResult } from './record-child-hearing.usecase';

/**
 * Where a dossier stands with its children over 12: how many it counts, each one recorded, and
 * whether all are accounted for. For someone with full access (OpenDossier decided and audited it).
 */
@Injectable()
export class ChildrenHeardQuery {
  constructor(@Inject(DossierRepository) private readonly dossiers: DossierRepository) {}

  async of(dossierId: string): Promise<ChildrenHeardResult | undefined> {
    const row = await this.dossiers.byId(undefined, dossierId);
    if (!row) return undefined;
    const children = childHearingsOf(await this.dossiers.childHearingsOf(undefined, row.id));
    return { code: row.code, ...childrenHeard(row.childrenOver12, children) };
  }
}
