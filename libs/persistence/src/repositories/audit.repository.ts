import { Inject, Injectable } from '@nestjs/common';
import type { AuditEntry, AuditLog } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';

/** Writes to the append-only audit log (the table refuses UPDATE and DELETE). */
@Injectable()
export class AuditRepository implements AuditLog {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /** With `tx`, the event commits (or not) with the change it records. */
  async append(event: AuditEntry, at: Date, tx?: Transaction): Promise<void> {
    await on(tx, this.prisma).auditEvent.create({
      data: {
        at,
        actorPersonId: event.actorPersonId,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        dossierId: event.dossierId ?? null,
        route: event.route ?? null,
        outcome: event.outcome,
        details: event.details ?? {},
      },
    });
  }
}
