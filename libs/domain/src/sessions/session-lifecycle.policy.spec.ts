import {
  acceptsItems,
  awaitsAgendaSend,
  awaitsFreeze,
  cancelSession,
  changeSessionCapacity,
  checkMoveTimes,
  freezeSession,
  hasStarted,
  holdSession,
  isAgendaSent,
  isCancelled,
  isFixed,
  isHeld,
  isOver,
  isProvisional,
  keepsItemsOnReallocation,
  moveSession,
  SESSION_STATUSES,
  SessionStatus,
  sendAgenda,
  sessionLengthMinutes,
  statusAt,
  takesPlacements,
  unfreezeSession,
} from './session-lifecycle.policy';

// Instants only: the lifecycle never looks at a clock or a zone, so DST cannot matter.
const NOW = Date.UTC(2026, 2, 29, 0, 30); // the night Brussels goes to summer time
const LATER = NOW + 3_600_000;
const EARLIER = NOW - 3_600_000;

const at = (status: SessionStatus, startsAtMs = LATER) => ({ status, startsAtMs });

describe('the lifecycle of a zitting', () => {
  it('knows exactly five statuses', () => {
    expect(SESSION_STATUSES).toEqual(['planned', 'frozen', 'sent', 'held', 'cancelled']);
  });

  describe('freezing the agenda', () => {
    it.each<[SessionStatus, string | SessionStatus]>([
      ['planned', 'frozen'],
      ['frozen', 'NOT_PLANNED'],
      ['sent', 'NOT_PLANNED'],
      ['held', 'NOT_PLANNED'],
      ['cancelled', 'NOT_PLANNED'],
    ])('from %s: %s', (status, expected) => {
      const outcome = freezeSession(at(status));
      expect(outcome.ok ? outcome.status : outcome.code).toBe(expected);
      if (outcome.ok)
        expect(outcome).toEqual({ ok: true, status: 'frozen', changed: true, raisesSequence: false });
    });
  });

  describe('opening a frozen agenda again', () => {
    it.each<[SessionStatus, string]>([
      ['planned', 'NOT_FROZEN'],
      ['frozen', 'planned'],
      ['sent', 'NOT_FROZEN'],
      ['held', 'NOT_FROZEN'],
      ['cancelled', 'NOT_FROZEN'],
    ])('from %s: %s', (status, expected) => {
      const outcome = unfreezeSession(at(status));
      expect(outcome.ok ? outcome.status : outcome.code).toBe(expected);
    });

    it('says why in Dutch', () => {
      expect(unfreezeSession(at('sent'))).toEqual({
        ok: false,
        code: 'NOT_FROZEN',
        message: 'Enkel een bevroren agenda die nog niet verstuurd is, kan weer open.',
      });
    });
  });

  describe('sending the agenda', () => {
    it.each<[SessionStatus, string]>([
      ['planned', 'NOT_FROZEN'],
      ['frozen', 'sent'],
      ['sent', 'NOT_FROZEN'],
      ['held', 'NOT_FROZEN'],
      ['cancelled', 'NOT_FROZEN'],
    ])('from %s: %s', (status, expected) => {
      const outcome = sendAgenda(at(status));
      expect(outcome.ok ? outcome.status : outcome.code).toBe(expected);
    });
  });

  describe('holding the session (a decision on one of its items)', () => {
    it.each<[SessionStatus, string, boolean | undefined]>([
      ['planned', 'held', true],
      ['frozen', 'held', true],
      ['sent', 'held', true],
      ['held', 'held', false],
      ['cancelled', 'SESSION_CANCELLED', undefined],
    ])('from %s: %s (changed %s)', (status, expected, changed) => {
      const outcome = holdSession(at(status));
      expect(outcome.ok ? outcome.status : outcome.code).toBe(expected);
      expect(outcome.ok ? outcome.changed : undefined).toBe(changed);
    });
  });

  describe('cancelling', () => {
    it.each<[SessionStatus, number, string, boolean | undefined]>([
      ['planned', LATER, 'cancelled', true],
      ['frozen', LATER, 'cancelled', true],
      ['sent', LATER, 'cancelled', true],
      ['held', LATER, 'SESSION_PAST', undefined],
      ['cancelled', LATER, 'cancelled', false],
      ['planned', NOW, 'SESSION_PAST', undefined],
      ['frozen', EARLIER, 'SESSION_PAST', undefined],
      ['sent', EARLIER, 'SESSION_PAST', undefined],
      ['held', EARLIER, 'SESSION_PAST', undefined],
      ['cancelled', EARLIER, 'cancelled', false],
    ])('from %s starting at %p: %s', (status, startsAtMs, expected, changed) => {
      const outcome = cancelSession(at(status, startsAtMs), NOW);
      expect(outcome.ok ? outcome.status : outcome.code).toBe(expected);
      if (outcome.ok) {
        expect(outcome.changed).toBe(changed);
        // Only a real cancellation changes the calendar entry.
        expect(outcome.raisesSequence).toBe(changed);
      }
    });
  });

  describe('moving', () => {
    const ahead = { startMs: LATER + 86_400_000, endMs: LATER + 86_400_000 + 9_000_000 };

    it.each<[SessionStatus, number, string, boolean | undefined]>([
      ['planned', LATER, 'planned', false],
      ['frozen', LATER, 'frozen', true],
      ['sent', LATER, 'sent', true],
      ['held', LATER, 'SESSION_NOT_OPEN', undefined],
      ['cancelled', LATER, 'SESSION_NOT_OPEN', undefined],
      ['planned', EARLIER, 'planned', true],
      ['held', EARLIER, 'SESSION_NOT_OPEN', undefined],
    ])('from %s starting at %p: %s (keeps its agenda %s)', (status, startsAtMs, expected, keepsAgenda) => {
      const outcome = moveSession(at(status, startsAtMs), ahead, NOW);
      expect(outcome.ok ? outcome.status : outcome.code).toBe(expected);
      if (outcome.ok) {
        expect(outcome.keepsAgenda).toBe(keepsAgenda);
        expect(outcome.raisesSequence).toBe(true);
        expect(outcome.changed).toBe(true);
      }
    });

    it.each<[string, { startMs: number; endMs: number }, string | undefined]>([
      ['to the future', ahead, undefined],
      ['to now', { startMs: NOW, endMs: LATER }, 'MOVE_IN_PAST'],
      ['to the past', { startMs: EARLIER - 1, endMs: EARLIER }, 'MOVE_IN_PAST'],
      ['ending when it starts', { startMs: LATER, endMs: LATER }, 'MOVE_ENDS_BEFORE_START'],
      ['ending before it starts', { startMs: LATER, endMs: LATER - 1 }, 'MOVE_ENDS_BEFORE_START'],
    ])('checks the new moment: %s', (_, target, code) => {
      expect(checkMoveTimes(target, NOW)?.code).toBe(code);
    });

    it('refuses a bad moment before it looks at the status', () => {
      const outcome = moveSession(at('cancelled'), { startMs: EARLIER, endMs: LATER }, NOW);
      expect(outcome.ok ? outcome.status : outcome.code).toBe('MOVE_IN_PAST');
    });
  });

  describe('changing the capacity', () => {
    const session = (status: SessionStatus) => ({
      status,
      startsAtMs: LATER,
      endsAtMs: LATER + 150 * 60_000,
    });

    it.each(SESSION_STATUSES)('is allowed from %s and keeps the status and the calendar entry', (status) => {
      expect(changeSessionCapacity(session(status), 90)).toEqual({
        ok: true,
        status,
        changed: true,
        raisesSequence: false,
      });
    });

    it.each([0, 150])('accepts %p minutes', (minutes) => {
      expect(changeSessionCapacity(session('planned'), minutes).ok).toBe(true);
    });

    it.each([151, -1, 12.5])('refuses %p minutes, naming the length', (minutes) => {
      expect(changeSessionCapacity(session('planned'), minutes)).toEqual({
        ok: false,
        code: 'CAPACITY_INVALID',
        message: 'Capaciteit: hoogstens 150 minuten, de duur van de zitting.',
      });
    });

    it('measures the length in whole minutes', () => {
      expect(sessionLengthMinutes({ startsAtMs: 0, endsAtMs: 90 * 60_000 + 20_000 })).toBe(90);
    });
  });

  describe('what a status means', () => {
    // status, started?, fixed, over, accepts items, keeps items on re-allocation
    it.each<[SessionStatus, number, boolean, boolean, boolean, boolean]>([
      ['planned', LATER, false, false, true, false],
      ['frozen', LATER, true, false, true, true],
      ['sent', LATER, true, false, true, true],
      ['held', LATER, true, true, false, true],
      ['cancelled', LATER, false, false, false, false],
      ['planned', NOW, true, true, false, true],
      ['frozen', EARLIER, true, true, false, true],
      ['sent', EARLIER, true, true, false, true],
      ['held', EARLIER, true, true, false, true],
      ['cancelled', EARLIER, true, true, false, false],
    ])('%s starting at %p', (status, startsAtMs, fixed, over, accepts, keeps) => {
      const s = at(status, startsAtMs);
      expect([
        isFixed(s, NOW),
        isOver(s, NOW),
        acceptsItems(s, NOW),
        keepsItemsOnReallocation(s, NOW),
      ]).toEqual([fixed, over, accepts, keeps]);
      expect(hasStarted(s, NOW)).toBe(startsAtMs <= NOW);
    });

    it.each<[SessionStatus | 'open', boolean, boolean, boolean, boolean, boolean, boolean, boolean]>([
      // status, cancelled, held, provisional, sent, takes placements, awaits freeze, awaits send
      ['planned', false, false, true, false, true, true, true],
      ['frozen', false, false, false, false, false, false, true],
      ['sent', false, false, false, true, false, false, false],
      ['held', false, true, false, false, false, false, false],
      ['cancelled', true, false, false, false, false, false, false],
      ['open', false, false, false, false, false, false, false],
    ])('%s', (status, cancelled, held, provisional, sent, placements, freeze, send) => {
      const s = { status };
      expect([
        isCancelled(s),
        isHeld(s),
        isProvisional(s),
        isAgendaSent(s),
        takesPlacements(s),
        awaitsFreeze(s),
        awaitsAgendaSend(s),
      ]).toEqual([cancelled, held, provisional, sent, placements, freeze, send]);
    });
  });

  describe('statusAt: gehouden once the end has passed (issue #15)', () => {
    // ICO of Friday 4 December 2026, 09:30–12:00 in Brussels (08:30–11:00 UTC).
    const session = (status: SessionStatus) => ({
      status,
      endsAtMs: Date.parse('2026-12-04T12:00:00+01:00'),
    });
    it.each<[SessionStatus, string, SessionStatus]>([
      ['planned', '2026-12-04T11:59:59+01:00', 'planned'],
      ['planned', '2026-12-04T12:00:00+01:00', 'held'],
      ['planned', '2026-12-04T15:00:00+01:00', 'held'],
      ['frozen', '2026-12-04T15:00:00+01:00', 'held'],
      ['sent', '2026-12-04T15:00:00+01:00', 'held'],
      ['sent', '2026-12-04T10:00:00+01:00', 'sent'],
      ['cancelled', '2026-12-05T10:00:00+01:00', 'cancelled'],
      ['held', '2026-12-04T11:00:00+01:00', 'held'],
    ])('%s at %s reads %s', (status, at, expected) => {
      expect(statusAt(session(status), Date.parse(at))).toBe(expected);
    });
  });
});
