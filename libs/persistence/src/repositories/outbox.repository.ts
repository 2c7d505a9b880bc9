import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export type Tx = Prisma.TransactionClient;

export interface NewOutboxMessage {
  idempotencyKey: string;
  purpose: string;
  templateKey: string;
  recipientEmail: string;
  recipientPersonId?: string | null;
  sessionId?: string | null;
  agendaItemId?: string | null;
  dossierId?: string | null;
  sequence?: number;
  messageId: string;
  fromAddress: string;
  subject: string;
  textBody: string;
  htmlBody?: string | null;
  icsMethod?: string | null;
  icsContent?: string | null;
  /** Ids only, for the record of why this message exists. */
  payload?: Record<string, string | number | null>;
}

export interface OutboxRow extends NewOutboxMessage {
  id: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * Every mail is first an outbox row, written in the same transaction as the change that caused
 * it; the mail queue only carries the row's id.
 */
@Injectable()
export class OutboxRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /** Inserts unless a row with this idempotency key exists; returns the row id either way. */
  async add(message: NewOutboxMessage, tx: Tx = this.prisma): Promise<{ id: string; created: boolean }> {
    const existing = await tx.mailOutbox.findUnique({
      where: { idempotencyKey: message.idempotencyKey },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
    const row = await tx.mailOutbox.create({
      data: {
        ...message,
        sequence: message.sequence ?? 0,
        payload: message.payload ?? {},
        status: 'pending',
        attempts: 0,
      },
      select: { id: true },
    });
    return { id: row.id, created: true };
  }

  async find(id: string): Promise<OutboxRow | undefined> {
    const row = await this.prisma.mailOutbox.findUnique({ where: { id } });
    return (row as unknown as OutboxRow) ?? undefined;
  }

  /** Claims a row for sending; false when it was already sent (a duplicate job after a crash). */
  async markSending(id: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.mailOutbox.updateMany({
      where: { id, status: { in: ['pending', 'sending', 'failed'] } },
      data: { status: 'sending', attempts: { increment: 1 }, updatedAt: now },
    });
    return count === 1;
  }

  async markSent(id: string, now: Date): Promise<void> {
    await this.prisma.mailOutbox.update({
      where: { id },
      data: { status: 'sent', sentAt: now, lastError: null, updatedAt: now },
    });
  }

  async markAttemptFailed(id: string, error: string, now: Date, final: boolean): Promise<void> {
    await this.prisma.mailOutbox.update({
      where: { id },
      data: { status: final ? 'failed' : 'pending', lastError: error.slice(0, 1000), updatedAt: now },
    });
  }

  /** Rows whose enqueue may have been lost (process died between commit and enqueue). */
  async pendingOlderThan(before: Date, limit = 500): Promise<{ id: string; idempotencyKey: string }[]> {
    return this.prisma.mailOutbox.findMany({
      where: { status: 'pending', createdAt: { lt: before } },
      select: { id: true, idempotencyKey: true },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }

  async failed(limit = 200) {
    return this.prisma.mailOutbox.findMany({
      where: { status: 'failed' },
      orderBy: { updatedAt: 'desc' },
      take: limit,
      select: {
        id: true,
        idempotencyKey: true,
        purpose: true,
        recipientEmail: true,
        subject: true,
        attempts: true,
        lastError: true,
        updatedAt: true,
      },
    });
  }

  async resetForRetry(id: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.mailOutbox.updateMany({
      where: { id, status: 'failed' },
      data: { status: 'pending', updatedAt: now },
    });
    return count === 1;
  }
}
