import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../agenda/agenda-views';
import { DossierRepository } from '../ports/dossier.repository.port';
import { ofRegion } from '../region-fence/region-fence';

/** Whether the afronding of a dossier may be approved as far as its consulent goes (annex B). */
export interface ConsulentCheck {
  readonly involved: boolean;
  /** YYYY-MM-DD, or null when not (yet) consulted. */
  readonly consultedOn: string | null;
}

/**
 * For the Weegploeg's decision form: per dossier code, whether an OCJ/SDJ consulent is involved
 * and consulted about the afronding. Only the actor's region; a code it does not know is left out.
 * The agenda page that asks has audited the read of the agendapunten it shows.
 */
@Injectable()
export class ConsulentCheckQuery {
  constructor(@Inject(DossierRepository) private readonly dossiers: DossierRepository) {}

  async forDossiers(actor: Actor, codes: readonly string[]): Promise<ReadonlyMap<string, ConsulentCheck>> {
    const checks = new Map<string, ConsulentCheck>();
    for (const code of new Set(codes)) {
      const row = await this.dossiers.byCode(undefined, code);
      if (!ofRegion(actor, row)) continue;
      checks.set(code, { involved: row.consulentInvolved, consultedOn: row.consulentConsultedOn });
    }
    return checks;
  }
}
