import type { AgendaPlacement, Placement, PlacementRequest } from '@overlegtafels/application/testing';
import type { SessionTooEarly } from '@overlegtafels/domain';
import type { Transaction } from '@overlegtafels/application/testing';
import type { Rollbackable } from './fake-unit-of-work';

/** The session every agendapunt lands on, and the id of the n-th placed agendapunt (UUIDs, as mails need). */
export const FAKE_SESSION_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
export const fakeItemId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Places every agendapunt on one session (`session`), or answers `refuse` as a full or empty
 * calendar would, or `tooEarly` for a request with a `notBeforeDate`. Placed requests roll back
 * with their transaction.
 */
export class FakeAgendaPlacement implements AgendaPlacement, Rollbackable {
  refuse: 'no_session' | 'full' | undefined;
  /** Answered to a request with a notBeforeDate, as a calendar whose next zitting is too early would. */
  tooEarly: SessionTooEarly | undefined;
  /** Every request, placed or not. */
  readonly asked: PlacementRequest[] = [];
  session = {
    id: FAKE_SESSION_ID,
    start: new Date('2026-12-10T08:00:00Z'),
    end: new Date('2026-12-10T12:00:00Z'),
    agendaSendAt: new Date('2026-12-08T11:00:00Z'),
  };
  private placed: { itemId: string; request: PlacementRequest; tx: Transaction }[] = [];
  private ids = 0;

  async place(tx: Transaction, request: PlacementRequest): Promise<Placement> {
    this.asked.push(structuredClone(request));
    if (this.refuse) return { ok: false, reason: this.refuse };
    if (this.tooEarly && request.notBeforeDate !== undefined) {
      return { ok: false, reason: 'too_early', tooEarly: this.tooEarly };
    }
    const itemId = fakeItemId(++this.ids);
    this.placed.push({ itemId, request: structuredClone(request), tx });
    const slotStart = new Date(this.session.start.getTime() + 30 * 60_000 * (this.ids - 1));
    const slotEnd = new Date(slotStart.getTime() + 30 * 60_000);
    return {
      ok: true,
      itemId,
      sessionId: this.session.id,
      sessionStart: this.session.start,
      sessionEnd: this.session.end,
      slot: {
        sessionId: this.session.id,
        tableKey: request.tableKey,
        tableName: request.tableKey,
        sessionStart: this.session.start.toISOString(),
        slotStart: slotStart.toISOString(),
        slotEnd: slotEnd.toISOString(),
        freezeAtMs: this.session.agendaSendAt.getTime() - 86_400_000,
        freezeAt: new Date(this.session.agendaSendAt.getTime() - 86_400_000).toISOString(),
        provisional: true,
        text: 'een slot',
      },
      icsSequence: 0,
      agendaSendAt: this.session.agendaSendAt,
    };
  }

  requests(): { itemId: string; request: PlacementRequest; tx: Transaction }[] {
    return [...this.placed];
  }

  snapshot(): unknown {
    return [...this.placed];
  }

  restore(snapshot: unknown): void {
    this.placed = snapshot as typeof this.placed;
  }
}
