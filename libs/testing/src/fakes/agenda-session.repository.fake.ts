import { randomUUID } from 'node:crypto';
import type {
  AgendaSessionRepository,
  NewSessionRecord,
  SessionMove,
  SessionRecord,
  Transaction,
} from '@overlegtafels/application/testing';
import {
  awaitsAgendaSend,
  freezeSession,
  isCancelled,
  sendAgenda,
  type SessionTransitionOk,
  unfreezeSession,
} from '@overlegtafels/domain';
import { FakeTable } from './fake-unit-of-work';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A session row with defaults: planned, on its scheduled start, 2.5 hours, sequence 0. */
export function sessionRecord(
  fields: Partial<SessionRecord> & Pick<SessionRecord, 'startsAt'>,
): SessionRecord {
  return {
    id: randomUUID(),
    regionId: 'region-1',
    tableKey: 'ico',
    scheduledStart: fields.startsAt,
    endsAt: new Date(fields.startsAt.getTime() + 150 * 60_000),
    status: 'planned',
    cancelReason: null,
    movedFromStartsAt: null,
    moveReason: null,
    capacityMinutes: null,
    frozenAt: null,
    sentAt: null,
    heldAt: null,
    icsSequence: 0,
    ...fields,
  };
}

/**
 * The zittingen in memory, with the Prisma implementation's rules: freeze, unfreeze and send only
 * move on from the status the domain allows; the SEQUENCE rises when the transition says so.
 */
export class FakeAgendaSessionRepository implements AgendaSessionRepository {
  readonly rows: FakeTable<Mutable<SessionRecord>>;
  /** Every transaction handle a write came with (a write outside a unit of work shows up here). */
  readonly writes: { method: string; id: string; tx: Transaction }[] = [];
  /** The table locks taken, in order. */
  readonly locks: { regionId: string; tableKey: string; tx: Transaction }[] = [];

  constructor(rows: readonly SessionRecord[] = []) {
    this.rows = new FakeTable(rows);
  }

  async lockTable(tx: Transaction, regionId: string, tableKey: string): Promise<void> {
    this.locks.push({ regionId, tableKey, tx });
  }

  async session(id: string): Promise<SessionRecord | undefined> {
    return this.rows.get(id);
  }

  async lockSession(_tx: Transaction, id: string): Promise<SessionRecord | undefined> {
    return this.rows.get(id);
  }

  async sessionsOf(
    _tx: Transaction | undefined,
    regionId: string,
    tableKey: string,
    startsFrom?: Date,
  ): Promise<SessionRecord[]> {
    return this.rows
      .where(
        (r) =>
          r.regionId === regionId &&
          r.tableKey === tableKey &&
          (!startsFrom || r.startsAt.getTime() >= startsFrom.getTime()),
      )
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  async sessionsBetween(regionId: string, tableKey: string, from: Date, to: Date): Promise<SessionRecord[]> {
    return this.ofTable(regionId, tableKey).filter((r) => r.startsAt >= from && r.startsAt < to);
  }

  async awaitingAgenda(regionId: string, tableKey: string, from: Date, to: Date): Promise<SessionRecord[]> {
    return (await this.sessionsBetween(regionId, tableKey, from, to)).filter((r) => awaitsAgendaSend(r));
  }

  async nextOpenSession(
    _tx: Transaction,
    regionId: string,
    tableKey: string,
    after: Date,
  ): Promise<SessionRecord | undefined> {
    return this.ofTable(regionId, tableKey).find((r) => r.startsAt > after && !isCancelled(r));
  }

  async createSession(tx: Transaction, session: NewSessionRecord): Promise<SessionRecord> {
    const { cancelled, ...fields } = session;
    const row = sessionRecord({
      ...fields,
      ...(cancelled && { status: 'cancelled', cancelReason: cancelled.reason }),
    });
    this.writes.push({ method: 'createSession', id: row.id, tx });
    return this.rows.put(row);
  }

  async freeze(tx: Transaction, id: string, at: Date): Promise<boolean> {
    return this.moveOn(tx, 'freeze', id, freezeSession, { frozenAt: at });
  }

  async unfreeze(tx: Transaction, id: string): Promise<boolean> {
    return this.moveOn(tx, 'unfreeze', id, unfreezeSession, { frozenAt: null });
  }

  async markSent(tx: Transaction, id: string, at: Date): Promise<boolean> {
    return this.moveOn(tx, 'markSent', id, sendAgenda, { sentAt: at });
  }

  async cancelSession(
    tx: Transaction,
    id: string,
    reason: string,
    _at: Date,
    transition: SessionTransitionOk,
  ): Promise<SessionRecord> {
    this.writes.push({ method: 'cancelSession', id, tx });
    const row = this.existing(id);
    return this.rows.update(id, {
      status: transition.status,
      cancelReason: reason,
      icsSequence: row.icsSequence + (transition.raisesSequence ? 1 : 0),
    });
  }

  async moveSession(
    tx: Transaction,
    id: string,
    move: SessionMove,
    transition: SessionTransitionOk,
  ): Promise<SessionRecord> {
    this.writes.push({ method: 'moveSession', id, tx });
    const row = this.existing(id);
    return this.rows.update(id, {
      status: transition.status,
      startsAt: move.startsAt,
      endsAt: move.endsAt,
      movedFromStartsAt: row.movedFromStartsAt ?? row.startsAt,
      moveReason: move.reason,
      icsSequence: row.icsSequence + (transition.raisesSequence ? 1 : 0),
    });
  }

  async changeCapacity(tx: Transaction, id: string, capacityMinutes: number): Promise<SessionRecord> {
    this.writes.push({ method: 'changeCapacity', id, tx });
    this.existing(id);
    return this.rows.update(id, { capacityMinutes });
  }

  async setPlace(
    tx: Transaction,
    id: string,
    place: { location: string | null; onlineMeetingUrl: string | null },
  ): Promise<SessionRecord> {
    this.writes.push({ method: 'setPlace', id, tx });
    this.existing(id);
    return this.rows.update(id, place);
  }

  async bumpSessionSequence(tx: Transaction, id: string): Promise<number> {
    this.writes.push({ method: 'bumpSessionSequence', id, tx });
    return this.rows.update(id, { icsSequence: this.existing(id).icsSequence + 1 }).icsSequence;
  }

  async markHeld(tx: Transaction, id: string, at: Date, transition: SessionTransitionOk): Promise<void> {
    if (!transition.changed) return;
    this.writes.push({ method: 'markHeld', id, tx });
    this.rows.update(id, { status: transition.status, heldAt: at });
  }

  private ofTable(regionId: string, tableKey: string): SessionRecord[] {
    return this.rows
      .where((r) => r.regionId === regionId && r.tableKey === tableKey)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  private existing(id: string): SessionRecord {
    const row = this.rows.get(id);
    if (!row) throw new Error(`fake: no session ${id}`);
    return row;
  }

  private moveOn(
    tx: Transaction,
    method: string,
    id: string,
    transition: (s: SessionRecord) => { ok: true; status: SessionRecord['status'] } | { ok: false },
    change: Partial<Mutable<SessionRecord>>,
  ): boolean {
    const row = this.rows.get(id);
    const step = row && transition(row);
    if (!step?.ok) return false;
    this.writes.push({ method, id, tx });
    this.rows.update(id, { ...change, status: step.status });
    return true;
  }
}
