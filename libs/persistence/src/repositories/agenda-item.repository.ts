import { Inject, Injectable } from '@nestjs/common';
import type {
  AgendaItemRecord,
  AgendaItemRepository,
  ItemPlacement,
  NewAgendaItem,
} from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';

export const itemSelect = {
  id: true,
  sessionId: true,
  dossierId: true,
  tableKey: true,
  itemType: true,
  durationMinutes: true,
  position: true,
  slotStart: true,
  slotEnd: true,
  status: true,
  submittedAt: true,
  submittedById: true,
  originalSessionId: true,
  pinned: true,
  pinnedPosition: true,
  overrideReason: true,
  lateReason: true,
  icsSequence: true,
} as const;

const TO_BE_HELD = ['placed', 'rolled_over'] as const;

/**
 * The agendapunten as the allocation and the coordinators change them: each write is one intent.
 * Every write takes the transaction of the change (which holds the table's lock).
 */
@Injectable()
export class PrismaAgendaItemRepository implements AgendaItemRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async item(id: string, tx?: Transaction): Promise<AgendaItemRecord | undefined> {
    return (
      (await on(tx, this.prisma).agendaItem.findUnique({ where: { id }, select: itemSelect })) ?? undefined
    );
  }

  async activeItems(tx: Transaction, sessionIds: readonly string[]): Promise<AgendaItemRecord[]> {
    if (sessionIds.length === 0) return [];
    return on(tx, this.prisma).agendaItem.findMany({
      where: { sessionId: { in: [...sessionIds] }, status: { in: [...TO_BE_HELD] } },
      select: itemSelect,
      // Arrival order: the allocation keeps it for items submitted at the same instant.
      orderBy: [{ submittedAt: 'asc' }, { arrival: 'asc' }],
    });
  }

  async createItem(tx: Transaction, input: NewAgendaItem): Promise<AgendaItemRecord> {
    const { guests, ...data } = input;
    return on(tx, this.prisma).agendaItem.create({
      data: {
        ...data,
        status: 'placed',
        ...(guests && guests.length > 0 ? { guests: { create: [...guests] } } : {}),
      },
      select: itemSelect,
    });
  }

  async place(tx: Transaction, id: string, placement: ItemPlacement): Promise<void> {
    await on(tx, this.prisma).agendaItem.update({
      where: { id },
      data: {
        sessionId: placement.sessionId,
        position: placement.position,
        slotStart: placement.slotStart,
        slotEnd: placement.slotEnd,
        status: placement.rolledOver ? 'rolled_over' : 'placed',
        originalSessionId: placement.originalSessionId,
        ...(placement.dropPin && { pinned: false, pinnedPosition: null }),
      },
    });
  }

  async pinToSession(
    tx: Transaction,
    id: string,
    sessionId: string,
    override: { reason: string; byPersonId: string },
  ): Promise<void> {
    await on(tx, this.prisma).agendaItem.update({
      where: { id },
      data: {
        sessionId,
        pinned: true,
        pinnedPosition: null,
        overrideReason: override.reason,
        overriddenById: override.byPersonId,
      },
    });
  }

  async pinAtPosition(
    tx: Transaction,
    id: string,
    position: number,
    override: { reason: string; byPersonId: string },
  ): Promise<void> {
    await on(tx, this.prisma).agendaItem.update({
      where: { id },
      data: {
        pinned: true,
        pinnedPosition: position,
        overrideReason: override.reason,
        overriddenById: override.byPersonId,
      },
    });
  }

  async acceptLate(
    tx: Transaction,
    id: string,
    slot: { sessionId: string; position: number; slotStart: Date; slotEnd: Date },
    override: { reason: string; byPersonId: string },
  ): Promise<void> {
    await on(tx, this.prisma).agendaItem.update({
      where: { id },
      data: {
        ...slot,
        pinned: true,
        pinnedPosition: null,
        overrideReason: override.reason,
        lateReason: override.reason,
        overriddenById: override.byPersonId,
        status: 'placed',
        originalSessionId: null,
      },
    });
  }

  async unpin(tx: Transaction, id: string): Promise<void> {
    await on(tx, this.prisma).agendaItem.update({
      where: { id },
      data: { pinned: false, pinnedPosition: null },
    });
  }

  async reslot(
    tx: Transaction,
    id: string,
    slot: { position: number; slotStart: Date; slotEnd: Date },
  ): Promise<void> {
    await on(tx, this.prisma).agendaItem.update({ where: { id }, data: slot });
  }

  async markDiscussed(tx: Transaction, id: string): Promise<void> {
    await on(tx, this.prisma).agendaItem.update({ where: { id }, data: { status: 'discussed' } });
  }

  async setShared(tx: Transaction, id: string, shared: boolean): Promise<void> {
    await on(tx, this.prisma).agendaItem.update({ where: { id }, data: { sharedWithSession: shared } });
  }
}
