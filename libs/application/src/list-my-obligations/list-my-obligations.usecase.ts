import { Inject, Injectable } from '@nestjs/common';
import { hasRole, Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { parseInput } from '../input/parse-input';
import { AuditLog, dossierCodesShown } from '../ports/audit-log.port';
import { ObligationReadModel } from '../ports/obligation-read-model.port';
import { ObligationRules } from '../obligations/obligation-rules';
import {
  cursorOf,
  cursorToken,
  filterText,
  OBLIGATION_PAGE_SIZE,
  ObligationListQuery,
  ObligationListSchema,
  pageFilterOf,
  ruleOrderOf,
} from '../obligations/obligation-page';
import { coordinatedTables, obligationView, ObligationView } from '../obligations/obligation-view';
import type { ListMyObligationsCommand } from './list-my-obligations.command';

/** One page of "Mijn opvolging": the rows, how many match in all, and the next page's token. */
export interface MyObligations {
  readonly obligations: readonly ObligationView[];
  readonly total: number;
  /** The `after` of the next page; absent on the last one. */
  readonly next?: string;
  /** The query as understood (blank fields dropped), for the search form to show again. */
  readonly query: ObligationListQuery;
}

/**
 * "Mijn opvolging": the open obligations a person owns, as casusregisseur of the dossier, as
 * coordinator of the table that owns them, or as one of the region's strategic coordinators (the
 * quality check): the overdue ones first, then the nearest, fifty a page with the total, never cut
 * silently; narrowed by dossier code, kind and due period. The read is audited (counts and the
 * codes shown).
 */
@Injectable()
export class ListMyObligationsUseCase {
  constructor(
    @Inject(ObligationReadModel) private readonly reads: ObligationReadModel,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, command: ListMyObligationsCommand): Promise<MyObligations> {
    const { route, ...fields } = command;
    const query = parseInput(ObligationListSchema.omit({ casusregisseur: true, organisation: true }), fields);
    const now = this.clock.now();
    const filter = pageFilterOf(
      query,
      {
        regionId: principal.regionId,
        ownedBy: {
          personId: principal.personId,
          coordinatorTables: coordinatedTables(principal.grants, this.rules),
          strategicCoordinator: hasRole(principal, 'strategisch-coordinator'),
        },
      },
      this.rules,
      now,
    );
    const page = await this.reads.page(
      filter,
      ruleOrderOf(this.rules),
      query.after ? cursorOf(query.after) : undefined,
      query.limit ?? OBLIGATION_PAGE_SIZE,
    );
    const obligations = page.rows.map((r) => obligationView(r, this.rules, now.getTime()));
    const narrowedBy = filterText(query);
    await this.audit.append(
      {
        actorPersonId: principal.personId,
        action: 'obligation.list',
        entityType: 'obligation',
        entityId: null,
        outcome: 'allowed',
        route,
        details: {
          count: obligations.length,
          total: page.total,
          dossiers: new Set(obligations.map((o) => o.dossierId)).size,
          codes: dossierCodesShown(obligations.map((o) => o.dossierCode)),
          ...(narrowedBy && { filter: narrowedBy }),
          ...(query.after && { after: query.after }),
        },
      },
      this.clock.now(),
    );
    return { obligations, total: page.total, ...(page.next && { next: cursorToken(page.next) }), query };
  }
}
