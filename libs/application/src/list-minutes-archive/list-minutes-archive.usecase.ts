import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { hasRole, Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { mayWriteMinutes, minutesItemScope } from '@overlegtafels/domain';
import { dutchDate } from '@overlegtafels/mail';
import { AgendaRefusal } from '../errors';
import { ObligationRules } from '../obligations/obligation-rules';
import { PageLinks, pageLinksOf, pageRequestOf } from '../paging/keyset-paging';
import { AuditLog } from '../ports/audit-log.port';
import { SessionMinutesRepository } from '../ports/session-minutes.port';
import type { ListMinutesArchiveCommand } from './list-minutes-archive.command';

export interface ArchivedSessionView {
  readonly sessionId: string;
  readonly startsAt: string;
  readonly dateText: string;
  readonly minutesClosed: boolean;
  /** How many agendapunten the session had. */
  readonly items: number;
  /** The dossier codes of the items the reader may see in the verslag. */
  readonly dossierCodes: readonly string[];
}

/** One page of the archive (fifty sessions), the total of the search and the pages beside it. */
export interface MinutesArchive extends PageLinks {
  readonly tableKey: string;
  readonly tableName: string;
  readonly from: string;
  readonly to: string;
  readonly dossierCode: string | null;
  readonly items: readonly ArchivedSessionView[];
}

/**
 * A table's held sessions, newest first, fifty a page with the total, for its coordinators and
 * members: by date range (the last twelve months by default) and by dossier code. A code search shows only the sessions
 * where the reader may see that dossier's item in the verslag, so it tells nobody more than the
 * verslag would. Audited with the counts (and the code searched, a code being no content).
 */
@Injectable()
export class ListMinutesArchiveUseCase {
  constructor(
    @Inject(SessionMinutesRepository) private readonly minutes: SessionMinutesRepository,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, command: ListMinutesArchiveCommand): Promise<MinutesArchive> {
    const table = this.rules.region.tables.find((t) => t.key === command.tableKey);
    const coordinator = table ? hasRole(principal, 'coordinator', table.key) : false;
    const tableFunction = table
      ? await this.minutes.tableFunctionOf(principal.regionId, table.key, principal.personId)
      : null;
    const writer = mayWriteMinutes({ coordinator, tableFunction });
    const member = table ? hasRole(principal, 'member', table.key) || tableFunction !== null : false;
    const record = (outcome: 'allowed' | 'denied', details: Record<string, string | number | null>) =>
      this.audit.append(
        {
          actorPersonId: principal.personId,
          action: 'minutes.archive',
          entityType: 'table',
          entityId: command.tableKey,
          route: command.route,
          outcome,
          details,
        },
        this.clock.now(),
      );
    if (!table || (!writer && !member)) {
      await record('denied', { code: 'TABLE_NOT_FOUND' });
      throw new AgendaRefusal('TABLE_NOT_FOUND', 'Tafel niet gevonden.', undefined, 'not_found');
    }
    const zone = table.timeZone;
    const today = DateTime.fromJSDate(this.clock.now(), { zone }).startOf('day');
    const to = command.to ? DateTime.fromISO(command.to, { zone }) : today;
    const from = command.from ? DateTime.fromISO(command.from, { zone }) : to.minus({ months: 12 });
    if (from > to)
      throw new AgendaRefusal('RANGE_INVALID', 'Van moet voor Tot liggen.', 'van', 'unprocessable');
    const reader = { writer, member };
    const page = await this.minutes.archive(
      principal.regionId,
      table.key,
      { from: from.toJSDate(), until: to.plus({ days: 1 }).toJSDate() },
      {
        ...(command.dossierCode && { dossierCode: command.dossierCode }),
        reader: { personId: principal.personId, ...reader },
      },
      pageRequestOf(command),
    );
    const sessions: ArchivedSessionView[] = [];
    for (const row of page.rows) {
      const seen = row.items.filter(
        (i) =>
          minutesItemScope(reader, {
            sharedWithSession: i.sharedWithSession,
            ownCasusregie: i.casusregisseurId === principal.personId,
            ownAanmelding: i.aanmelderId === principal.personId,
          }) !== 'none',
      );
      // Before it is closed only its writers read a verslag (the code search finds only what the reader reads).
      const readable = writer || row.minutesClosed;
      const start = DateTime.fromJSDate(row.startsAt, { zone });
      sessions.push({
        sessionId: row.id,
        startsAt: start.toISO()!,
        dateText: dutchDate(start),
        minutesClosed: row.minutesClosed,
        items: row.items.length,
        dossierCodes: readable ? [...new Set(seen.map((i) => i.dossierCode))] : [],
      });
    }
    await record('allowed', {
      sessions: sessions.length,
      total: page.total,
      dossierCode: command.dossierCode ?? null,
      ...(command.after && { after: command.after }),
      ...(command.before && { before: command.before }),
    });
    return {
      tableKey: table.key,
      tableName: table.name,
      from: from.toISODate()!,
      to: to.toISODate()!,
      dossierCode: command.dossierCode ?? null,
      items: sessions,
      ...pageLinksOf(page),
    };
  }
}
