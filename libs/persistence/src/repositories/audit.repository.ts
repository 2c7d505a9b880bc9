import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@overlegtafels/application';
import type { AuditEntry } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';

function row(event: AuditEntry, at: Date) {
  return {
    at,
    actorPersonId: event.actorPersonId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    dossierId: event.dossierId ?? null,
    route: event.route ?? null,
    outcome: event.outcome,
    details: event.details ?? {},
  };
}

/** Writes to the append-only audit log (the table refuses UPDATE and DELETE). */
@Injectable()
export class AuditRepository extends AuditLog {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {
    super();
  }

  /** With `tx`, the event commits (or not) with the change it records. */
  async append(event: AuditEntry, at: Date, tx?: Transaction): Promise<void> {
    await on(tx, this.prisma).auditEvent.create({ data: row(event, at) });
  }

  /**
   * One INSERT for all: the chain trigger runs per row, and a row-level trigger sees the rows the
   * same statement inserted before it, so they are chained in this order.
   */
  override async appendMany(events: readonly AuditEntry[], at: Date, tx?: Transaction): Promise<void> {
    if (events.length === 0) return;
    if (events.length === 1) return this.append(events[0]!, at, tx);
    await on(tx, this.prisma).auditEvent.createMany({ data: events.map((e) => row(e, at)) });
  }
}
