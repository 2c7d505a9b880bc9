import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { hasRole, Principal } from '@overlegtafels/auth';
import { dutchDate } from '@overlegtafels/mail';
import { minutesItemView, MinutesItemView } from '../minutes/minutes-view';
import { ObligationRules } from '../obligations/obligation-rules';
import { SessionMinutesRepository } from '../ports/session-minutes.port';

export interface DossierMinutesView {
  readonly sessionId: string;
  readonly tableName: string;
  readonly dateText: string;
  readonly closed: boolean;
  readonly item: MinutesItemView;
}

/**
 * The verslag and action points of a dossier's items, for the dossier page: its casusregisseur
 * reads them once the verslag is closed, a coordinator of the table also while it is written.
 * For someone the dossier page already let in (OpenDossier decided and audited that).
 */
@Injectable()
export class DossierMinutesQuery {
  constructor(
    @Inject(SessionMinutesRepository) private readonly minutes: SessionMinutesRepository,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
  ) {}

  async of(principal: Principal, dossierId: string): Promise<DossierMinutesView[]> {
    const out: DossierMinutesView[] = [];
    for (const entry of await this.minutes.ofDossier(dossierId)) {
      const table = this.rules.region.tables.find((t) => t.key === entry.tableKey);
      if (!table) continue;
      const coordinator = hasRole(principal, 'coordinator', table.key);
      const own = entry.item.casusregisseurId === principal.personId;
      if (!coordinator && !(own && entry.minutesClosed)) continue;
      out.push({
        sessionId: entry.sessionId,
        tableName: table.name,
        dateText: dutchDate(DateTime.fromJSDate(entry.startsAt, { zone: table.timeZone })),
        closed: entry.minutesClosed,
        item: minutesItemView(entry.item, 'all', table),
      });
    }
    return out;
  }
}
