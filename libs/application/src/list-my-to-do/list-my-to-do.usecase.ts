import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { hasRole, Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { findTable, getSession, preparationWindow, TableDefinition } from '@overlegtafels/domain';
import { ObligationRules } from '../obligations/obligation-rules';
import {
  coordinatedTables,
  obligationView,
  ObligationView,
  orderObligations,
} from '../obligations/obligation-view';
import { AuditLog, dossierCodesShown } from '../ports/audit-log.port';
import { ObligationReadModel } from '../ports/obligation-read-model.port';
import { ToDoReadModel } from '../ports/to-do-read-model.port';
import { ReadMinutesUseCase } from '../read-minutes/read-minutes.usecase';
import {
  ListMyToDoCommand,
  TO_DO_DUE_DAYS,
  TO_DO_MINUTES_DAYS,
  TO_DO_PAGE_SIZE,
} from './list-my-to-do.command';

/** Something on the session of an item, as the list shows it: ids, code, table, type and date. */
export interface ToDoItem {
  readonly itemId: string;
  readonly sessionId: string;
  readonly dossierCode: string;
  readonly tableName: string;
  readonly itemTypeLabel: string;
  readonly sessionStartsAt: string;
  readonly url: string;
}

export type ToDoEntry =
  | { readonly kind: 'obligation'; readonly obligation: ObligationView }
  | ({ readonly kind: 'preparation' } & ToDoItem)
  | ({ readonly kind: 'decision' } & ToDoItem)
  | {
      readonly kind: 'verslag';
      readonly sessionId: string;
      readonly tableName: string;
      readonly sessionStartsAt: string;
      readonly closedAt: string;
      readonly url: string;
    };

export interface ToDoList {
  readonly entries: readonly ToDoEntry[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly counts: Readonly<Record<ToDoEntry['kind'], number>>;
}

/**
 * "Voor mij te doen" (issue #15, item 8): what the logged-in person has to do now, in one list —
 * their open follow-up obligations due within two weeks or overdue (the same as on Mijn
 * opvolging), the items of coming sessions their organisation has not prepared while the
 * preparation is open (guide II.C), the closed verslagen of the last 30 days they may read, and
 * for a coordinator the items of started sessions of their tables that wait for a decision. Fifty
 * a page with the total; the dossier codes shown are in the audit log, as on the dossier list.
 */
@Injectable()
export class ListMyToDoUseCase {
  constructor(
    @Inject(ObligationReadModel) private readonly obligations: ObligationReadModel,
    @Inject(ToDoReadModel) private readonly reads: ToDoReadModel,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(ReadMinutesUseCase) private readonly minutes: Pick<ReadMinutesUseCase, 'mayOpen'>,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, command: ListMyToDoCommand): Promise<ToDoList> {
    const all = await this.entries(principal, command.route);
    const pages = Math.max(1, Math.ceil(all.length / TO_DO_PAGE_SIZE));
    const page = command.page ?? 1;
    const entries = all.slice((page - 1) * TO_DO_PAGE_SIZE, page * TO_DO_PAGE_SIZE);
    const codes = entries.flatMap((e) =>
      e.kind === 'obligation' ? [e.obligation.dossierCode] : e.kind === 'verslag' ? [] : [e.dossierCode],
    );
    await this.audit.append(
      {
        actorPersonId: principal.personId,
        action: 'todo.list',
        entityType: 'person',
        entityId: principal.personId,
        outcome: 'allowed',
        route: command.route,
        details: { total: all.length, page, shown: entries.length, codes: dossierCodesShown(codes) },
      },
      this.clock.now(),
    );
    const counts = { obligation: 0, preparation: 0, decision: 0, verslag: 0 };
    for (const e of all) counts[e.kind] += 1;
    return { entries, total: all.length, page, pages, counts };
  }

  /** How many things there are to do, for the home page: a number, no codes, so not audited. */
  async count(principal: Principal, route: string): Promise<number> {
    return (await this.entries(principal, route)).length;
  }

  private async entries(principal: Principal, route: string): Promise<ToDoEntry[]> {
    const now = this.clock.now();
    const zone = this.rules.timeZone;
    const iso = (d: Date) => DateTime.fromJSDate(d, { zone }).toISO() as string;
    const region = this.rules.region;
    const tableOf = (key: string) => findTable(region, key);
    const itemOf = (
      table: TableDefinition,
      r: { itemId: string; itemType: string; dossierCode: string },
    ) => ({
      itemId: r.itemId,
      dossierCode: r.dossierCode,
      tableName: table.name,
      itemTypeLabel: table.itemTypes.find((t) => t.key === r.itemType)?.label ?? r.itemType,
    });

    const rows = await this.obligations.list({
      regionId: principal.regionId,
      status: 'open',
      dueBefore: DateTime.fromJSDate(now, { zone }).plus({ days: TO_DO_DUE_DAYS }).toJSDate(),
      ownedBy: {
        personId: principal.personId,
        coordinatorTables: coordinatedTables(principal.grants, this.rules),
        strategicCoordinator: hasRole(principal, 'strategisch-coordinator'),
      },
    });
    const obligations: ToDoEntry[] = orderObligations(rows, this.rules).map((r) => ({
      kind: 'obligation',
      obligation: obligationView(r, this.rules, now.getTime()),
    }));

    const preparations: ToDoEntry[] = [];
    for (const c of await this.reads.preparationCandidates(principal.regionId, principal.personId, now)) {
      const table = tableOf(c.tableKey);
      const kinds = new Set(
        table?.participants.flatMap((p) => ('organisation' in p ? [p.organisation] : [])),
      );
      if (!table || !kinds.has(c.organisationKind as never)) continue;
      // The window opens at the preparation start of the slot the session stands for (also after a move).
      const scheduled = DateTime.fromJSDate(c.session.scheduledStart, { zone: table.timeZone }).toISODate()!;
      const window = preparationWindow(
        {
          status: c.session.status,
          startsAtMs: c.session.startsAt.getTime(),
          endsAtMs: c.session.endsAt.getTime(),
          preparationStartMs: getSession(table, scheduled).preparationStartMs,
        },
        now.getTime(),
      );
      if (!window.open) continue;
      preparations.push({
        kind: 'preparation',
        ...itemOf(table, c),
        sessionId: c.session.id,
        sessionStartsAt: iso(c.session.startsAt),
        url: `/voorbereiding/${c.itemId}`,
      });
    }

    const coordinated = region.tables.map((t) => t.key).filter((k) => hasRole(principal, 'coordinator', k));
    const decisions: ToDoEntry[] = [];
    for (const r of await this.reads.awaitingDecision(principal.regionId, coordinated, now)) {
      const table = tableOf(r.tableKey);
      if (!table) continue;
      decisions.push({
        kind: 'decision',
        ...itemOf(table, r),
        sessionId: r.sessionId,
        sessionStartsAt: iso(r.startsAt),
        url: `/agenda/${r.sessionId}#punt-${r.itemId}`,
      });
    }

    const since = DateTime.fromJSDate(now, { zone }).minus({ days: TO_DO_MINUTES_DAYS }).toJSDate();
    const verslagen: ToDoEntry[] = [];
    for (const m of await this.reads.closedMinutes(principal.regionId, since, now)) {
      const table = tableOf(m.tableKey);
      // Only the verslagen this person may open: who took part, each their own part.
      if (!table || !(await this.minutes.mayOpen(principal, m.sessionId, route))) continue;
      verslagen.push({
        kind: 'verslag',
        sessionId: m.sessionId,
        tableName: table.name,
        sessionStartsAt: iso(m.startsAt),
        closedAt: iso(m.closedAt),
        url: `/verslag/${m.sessionId}`,
      });
    }
    return [...obligations, ...preparations, ...decisions, ...verslagen];
  }
}
