import { Inject, Injectable } from '@nestjs/common';
import { hasRole, Principal } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { regionTimeZone } from '../region-time-zone';
import { DateTime } from 'luxon';
import { AgendaRefusal } from '../errors';
import { parseInput } from '../input/parse-input';
import { AuditLog } from '../ports/audit-log.port';
import { AuditTrail, AuditTrailFilter, AuditTrailRow } from '../ports/audit-trail.port';
import {
  AUDIT_COUNT_CAP,
  AUDIT_PAGE_SIZE,
  AuditTrailQuery,
  AuditTrailSchema,
  ReadAuditTrailCommand,
} from './read-audit-trail.command';

/** Who watches over the audit log: the region's coordinators and its data-protection officer. */
export function mayReadAuditTrail(p: Principal): boolean {
  return hasRole(p, 'coordinator') || hasRole(p, 'gegevensbescherming');
}

export interface AuditTrailPage {
  readonly rows: readonly AuditTrailRow[];
  /** Matching rows, counted up to AUDIT_COUNT_CAP; `capped` when there are more. */
  readonly total: number;
  readonly capped: boolean;
  readonly next?: string;
  readonly query: AuditTrailQuery;
}

const EXPORT_BATCH = 1_000;

/**
 * The audit page and its CSV export: who saw or changed a dossier, when, by which route, allowed
 * or refused — the rows of the reader's region only (a dossier's rows, and those of its people).
 * Looking at the log is itself logged, with the filter used.
 */
@Injectable()
export class ReadAuditTrailUseCase {
  private get zone(): string {
    return regionTimeZone(this.config);
  }

  constructor(
    @Inject(AuditTrail) private readonly trail: AuditTrail,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'regions'>,
  ) {}

  async page(reader: Principal, route: string, command: ReadAuditTrailCommand): Promise<AuditTrailPage> {
    const { query, filter } = await this.open(reader, command);
    const rows = await this.trail.page(filter, AUDIT_PAGE_SIZE + 1, query.after);
    const shown = rows.slice(0, AUDIT_PAGE_SIZE);
    const counted = await this.trail.count(filter, AUDIT_COUNT_CAP + 1);
    await this.record(reader, route, 'audit.read', query, { count: shown.length });
    return {
      rows: shown,
      total: Math.min(counted, AUDIT_COUNT_CAP),
      capped: counted > AUDIT_COUNT_CAP,
      ...(rows.length > AUDIT_PAGE_SIZE && { next: shown.at(-1)!.id }),
      query,
    };
  }

  /** Every matching row, newest first, a batch at a time (for the CSV export). */
  async *export(
    reader: Principal,
    route: string,
    command: ReadAuditTrailCommand,
  ): AsyncGenerator<AuditTrailRow> {
    const { query, filter } = await this.open(reader, { ...command, after: undefined });
    await this.record(reader, route, 'audit.export', query, {});
    let after: string | undefined;
    for (;;) {
      const rows = await this.trail.page(filter, EXPORT_BATCH, after);
      yield* rows;
      if (rows.length < EXPORT_BATCH) return;
      after = rows.at(-1)!.id;
    }
  }

  private async open(
    reader: Principal,
    command: ReadAuditTrailCommand,
  ): Promise<{ query: AuditTrailQuery; filter: AuditTrailFilter }> {
    if (!mayReadAuditTrail(reader)) {
      throw new AgendaRefusal(
        'AUDIT_NOT_YOURS',
        'Enkel coördinatoren en de functionaris gegevensbescherming zien het auditlogboek.',
        undefined,
        'forbidden',
      );
    }
    const query = parseInput(AuditTrailSchema, command);
    const day = (d: string, plus = 0) =>
      DateTime.fromISO(d, { zone: this.zone }).plus({ days: plus }).toJSDate();
    const filter: AuditTrailFilter = {
      regionId: reader.regionId,
      ...(query.code && {
        dossier: { code: query.code, id: await this.trail.dossierIdOf(reader.regionId, query.code) },
      }),
      ...(query.person && { actorPersonId: query.person }),
      ...(query.action && { action: query.action }),
      ...(query.outcome && { outcome: query.outcome }),
      ...(query.from && { from: day(query.from) }),
      ...(query.to && { before: day(query.to, 1) }),
    };
    return { query, filter };
  }

  private async record(
    reader: Principal,
    route: string,
    action: string,
    query: AuditTrailQuery,
    details: Record<string, number>,
  ): Promise<void> {
    const { after: _after, ...narrowedBy } = query;
    await this.audit.append(
      {
        actorPersonId: reader.personId,
        action,
        entityType: 'audit_log',
        entityId: null,
        outcome: 'allowed',
        route,
        details: {
          ...details,
          ...(Object.keys(narrowedBy).length > 0 && {
            filter: new URLSearchParams(narrowedBy as Record<string, string>).toString(),
          }),
        },
      },
      this.clock.now(),
    );
  }
}
