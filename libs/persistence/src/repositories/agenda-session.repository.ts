import { Inject, Injectable } from '@nestjs/common';
import type {
  AgendaSessionRepository,
  NewSessionRecord,
  SessionMove,
  SessionRecord,
} from '@overlegtafels/application';
import {
  freezeSession,
  sendAgenda,
  SESSION_STATUSES,
  SESSION_STATUSES_AWAITING_AGENDA,
  SESSION_STATUSES_ON_CALENDAR,
  type SessionStatus,
  type SessionTransitionOk,
  unfreezeSession,
} from '@overlegtafels/domain';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';

export const sessionSelect = {
  id: true,
  regionId: true,
  tableKey: true,
  scheduledStart: true,
  startsAt: true,
  endsAt: true,
  status: true,
  cancelReason: true,
  movedFromStartsAt: true,
  moveReason: true,
  capacityMinutes: true,
  frozenAt: true,
  sentAt: true,
  heldAt: true,
  icsSequence: true,
  location: true,
  onlineMeetingUrl: true,
} as const;

/** The statuses from which a lifecycle transition may start, as the domain decides them. */
function statusesFrom(transition: (s: { status: SessionStatus }) => { ok: boolean }): SessionStatus[] {
  return SESSION_STATUSES.filter((status) => transition({ status }).ok);
}

const FREEZABLE = statusesFrom(freezeSession);
const UNFREEZABLE = statusesFrom(unfreezeSession);
const SENDABLE = statusesFrom(sendAgenda);

/** Lock keys live in their own namespace (first int) so they never meet the migrator's lock. */
const AGENDA_LOCK_NAMESPACE = 4_104;

/**
 * The zittingen (rows of `sessions`) as the lifecycle changes them: each write is one intent.
 * Freeze, unfreeze and send only move on from the status the domain allows, so a concurrent
 * transition that got there first makes them return false instead of overwriting it.
 */
@Injectable()
export class PrismaAgendaSessionRepository implements AgendaSessionRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /** Serialises every change to one table's agenda until the transaction ends. */
  async lockTable(tx: Transaction, regionId: string, tableKey: string): Promise<void> {
    await on(tx, this.prisma)
      .$executeRaw`SELECT pg_advisory_xact_lock(${AGENDA_LOCK_NAMESPACE}::int, hashtext(${regionId + ':' + tableKey}))`;
  }

  async session(id: string, tx?: Transaction): Promise<SessionRecord | undefined> {
    return (
      (await on(tx, this.prisma).session.findUnique({ where: { id }, select: sessionSelect })) ?? undefined
    );
  }

  async lockSession(tx: Transaction, id: string): Promise<SessionRecord | undefined> {
    const locked = await on(tx, this.prisma).$queryRaw<
      { id: string }[]
    >`SELECT id FROM sessions WHERE id = ${id}::uuid FOR UPDATE`;
    return locked.length ? this.session(id, tx) : undefined;
  }

  async sessionsOf(
    tx: Transaction | undefined,
    regionId: string,
    tableKey: string,
    startsFrom?: Date,
  ): Promise<SessionRecord[]> {
    return on(tx, this.prisma).session.findMany({
      where: { regionId, tableKey, ...(startsFrom ? { startsAt: { gte: startsFrom } } : {}) },
      select: sessionSelect,
      orderBy: { startsAt: 'asc' },
    });
  }

  async sessionsBetween(
    regionId: string,
    tableKey: string,
    from: Date,
    to: Date,
    tx?: Transaction,
  ): Promise<SessionRecord[]> {
    return on(tx, this.prisma).session.findMany({
      where: { regionId, tableKey, startsAt: { gte: from, lt: to } },
      select: sessionSelect,
      orderBy: { startsAt: 'asc' },
    });
  }

  async awaitingAgenda(regionId: string, tableKey: string, from: Date, to: Date): Promise<SessionRecord[]> {
    return this.prisma.session.findMany({
      where: {
        regionId,
        tableKey,
        startsAt: { gte: from, lt: to },
        status: { in: [...SESSION_STATUSES_AWAITING_AGENDA] },
      },
      select: sessionSelect,
      orderBy: { startsAt: 'asc' },
    });
  }

  async nextOpenSession(
    tx: Transaction,
    regionId: string,
    tableKey: string,
    after: Date,
  ): Promise<SessionRecord | undefined> {
    const row = await on(tx, this.prisma).session.findFirst({
      where: {
        regionId,
        tableKey,
        startsAt: { gt: after },
        status: { in: [...SESSION_STATUSES_ON_CALENDAR] },
      },
      orderBy: { startsAt: 'asc' },
      select: sessionSelect,
    });
    return row ?? undefined;
  }

  async createSession(tx: Transaction, data: NewSessionRecord): Promise<SessionRecord> {
    const { cancelled, ...row } = data;
    return on(tx, this.prisma).session.create({
      data: {
        ...row,
        ...(cancelled && { status: 'cancelled', cancelReason: cancelled.reason, cancelledAt: new Date() }),
      },
      select: sessionSelect,
    });
  }

  async freeze(tx: Transaction, id: string, at: Date): Promise<boolean> {
    return this.moveOn(tx, id, FREEZABLE, { status: 'frozen', frozenAt: at });
  }

  async unfreeze(tx: Transaction, id: string): Promise<boolean> {
    return this.moveOn(tx, id, UNFREEZABLE, { status: 'planned', frozenAt: null });
  }

  async markSent(tx: Transaction, id: string, at: Date): Promise<boolean> {
    return this.moveOn(tx, id, SENDABLE, { status: 'sent', sentAt: at });
  }

  async cancelSession(
    tx: Transaction,
    id: string,
    reason: string,
    at: Date,
    transition: SessionTransitionOk,
  ): Promise<SessionRecord> {
    return on(tx, this.prisma).session.update({
      where: { id },
      data: {
        status: transition.status,
        cancelReason: reason,
        cancelledAt: at,
        ...(transition.raisesSequence && { icsSequence: { increment: 1 } }),
      },
      select: sessionSelect,
    });
  }

  async moveSession(
    tx: Transaction,
    id: string,
    move: SessionMove,
    transition: SessionTransitionOk,
  ): Promise<SessionRecord> {
    const before = await on(tx, this.prisma).session.findUniqueOrThrow({
      where: { id },
      select: { startsAt: true, movedFromStartsAt: true },
    });
    return on(tx, this.prisma).session.update({
      where: { id },
      data: {
        status: transition.status,
        startsAt: move.startsAt,
        endsAt: move.endsAt,
        movedFromStartsAt: before.movedFromStartsAt ?? before.startsAt,
        moveReason: move.reason,
        ...(transition.raisesSequence && { icsSequence: { increment: 1 } }),
      },
      select: sessionSelect,
    });
  }

  async changeCapacity(tx: Transaction, id: string, capacityMinutes: number): Promise<SessionRecord> {
    return on(tx, this.prisma).session.update({
      where: { id },
      data: { capacityMinutes },
      select: sessionSelect,
    });
  }

  async setPlace(
    tx: Transaction,
    id: string,
    place: { location: string | null; onlineMeetingUrl: string | null },
  ): Promise<SessionRecord> {
    return on(tx, this.prisma).session.update({
      where: { id },
      data: { location: place.location, onlineMeetingUrl: place.onlineMeetingUrl },
      select: sessionSelect,
    });
  }

  async bumpSessionSequence(tx: Transaction, id: string): Promise<number> {
    const row = await on(tx, this.prisma).session.update({
      where: { id },
      data: { icsSequence: { increment: 1 } },
      select: { icsSequence: true },
    });
    return row.icsSequence;
  }

  /** Held: a decision was taken on one of its items. */
  async markHeld(tx: Transaction, id: string, at: Date, transition: SessionTransitionOk): Promise<void> {
    if (!transition.changed) return;
    await on(tx, this.prisma).session.update({
      where: { id },
      data: { status: transition.status, heldAt: at },
    });
  }

  private async moveOn(
    tx: Transaction,
    id: string,
    from: SessionStatus[],
    data: { status: SessionStatus; frozenAt?: Date | null; sentAt?: Date },
  ): Promise<boolean> {
    const { count } = await on(tx, this.prisma).session.updateMany({
      where: { id, status: { in: from } },
      data,
    });
    return count === 1;
  }
}
