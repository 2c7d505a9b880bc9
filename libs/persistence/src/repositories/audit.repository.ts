import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';

export interface AuditEventInput {
  actorPersonId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  dossierId?: string | null;
  route?: string | null;
  outcome: 'allowed' | 'denied';
  /** Ids and codes only; never names or case content. */
  details?: Record<string, string | number | boolean | null>;
}

/** Writes to the append-only audit log (the table refuses UPDATE and DELETE). */
@Injectable()
export class AuditRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /** With `tx`, the event commits (or not) with the change it records. */
  async append(event: AuditEventInput, at: Date, tx?: Transaction): Promise<void> {
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
