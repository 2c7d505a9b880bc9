import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { hasRole, Principal } from '@overlegtafels/auth';
import { dutchDate } from '@overlegtafels/mail';
import { minutesItemView, MinutesItemView } from '../minutes/minutes-view';
import { ObligationRules } from '../obligations/obligation-rules';
import { parseInput } from '../input/parse-input';
import { PageFieldsSchema, PageLinks, pageLinksOf, pageRequestOf } from '../paging/keyset-paging';
import { SessionMinutesRepository } from '../ports/session-minutes.port';

export interface DossierMinutesView {
  readonly sessionId: string;
  readonly tableName: string;
  readonly dateText: string;
  readonly closed: boolean;
  readonly item: MinutesItemView;
}

/** A page of a dossier's verslagen (fifty sessions, newest first), the total and the pages beside it. */
export interface DossierMinutesPage extends PageLinks {
  readonly items: readonly DossierMinutesView[];
}

/**
 * The verslag and action points of a dossier's items, for the dossier page: its casusregisseur
 * reads them once the verslag is closed, a coordinator of the table also while it is written.
 * Fifty sessions a page, newest first, filtered in the query so that no page is cut (issue #18).
 * For someone the dossier page already let in (OpenDossier decided and audited that).
 */
@Injectable()
export class DossierMinutesQuery {
  constructor(
    @Inject(SessionMinutesRepository) private readonly minutes: SessionMinutesRepository,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
  ) {}

  async of(
    principal: Principal,
    dossierId: string,
    /** `after`, `before` and `limit` as sent (bad ones answer 400 naming the field). */
    page: Record<string, unknown> = {},
  ): Promise<DossierMinutesPage> {
    const tables = this.rules.region.tables;
    const found = await this.minutes.ofDossier(
      dossierId,
      {
        tables: tables.map((t) => t.key),
        writingAt: tables.filter((t) => hasRole(principal, 'coordinator', t.key)).map((t) => t.key),
        personId: principal.personId,
      },
      pageRequestOf(parseInput(PageFieldsSchema, page)),
    );
    const items = found.rows.map((entry) => {
      const table = tables.find((t) => t.key === entry.tableKey)!;
      return {
        sessionId: entry.sessionId,
        tableName: table.name,
        dateText: dutchDate(DateTime.fromJSDate(entry.startsAt, { zone: table.timeZone })),
        closed: entry.minutesClosed,
        item: minutesItemView(entry.item, 'all', table),
      };
    });
    return { items, ...pageLinksOf(found) };
  }
}
