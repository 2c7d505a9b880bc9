import fc from 'fast-check';
import { InvalidInstantError } from '../errors/domain.error';
import { generateSessions, getSession } from '../sessions/session-calendar.policy';
import { CalendarState, Session } from '../sessions/session.model';
import { biweeklyTable, fridayTable } from '../testing/table-fixtures.test-util';
import { iso, zdt } from '../testing/zdt.test-util';
import { formatLocalDate, MS_PER_DAY, parseLocalDate } from '../time/local-date.util';
import { checkSubmissionFor, placeSubmission, PlacementOutcome } from './placement.policy';

const friday = fridayTable();
const biweekly = biweeklyTable();

function placedStart(outcome: PlacementOutcome): string {
  if (!outcome.ok) throw new Error(`not placed: ${outcome.code}`);
  return iso(outcome.session.startMs);
}

describe('placing an agendapunt on a zitting', () => {
  it('lands on the first session whose deadline is still ahead', () => {
    expect(placedStart(placeSubmission(friday, zdt('2026-11-16 10:00')))).toBe('2026-11-27T09:30:00+01:00');
  });

  it('skips a session a coordinator cancelled, without moving any deadline', () => {
    const calendar: CalendarState = { cancellations: [{ scheduledDate: '2026-11-27', reason: 'Staking' }] };
    const outcome = placeSubmission(friday, zdt('2026-11-16 10:00'), { calendar });
    expect(placedStart(outcome)).toBe('2026-12-04T09:30:00+01:00');
    expect(outcome.ok && iso(outcome.session.deadlineMs)).toBe('2026-11-27T00:00:00+01:00');
  });

  it('skips the sessions of a closed period', () => {
    const calendar: CalendarState = {
      closedPeriods: [{ from: '2026-11-23', to: '2026-12-06', reason: 'Verhuis' }],
    };
    expect(placedStart(placeSubmission(friday, zdt('2026-11-16 10:00'), { calendar }))).toBe(
      '2026-12-11T09:30:00+01:00',
    );
  });

  it('lands on a session moved earlier only if it is on time for the moved deadline', () => {
    const calendar: CalendarState = {
      moves: [{ scheduledDate: '2026-11-27', date: '2026-11-25', reason: 'Zaal' }],
    };
    // Moved to Wednesday: the deadline becomes Wednesday 18 November 00:00.
    expect(placedStart(placeSubmission(friday, zdt('2026-11-17 23:00'), { calendar }))).toBe(
      '2026-11-25T09:30:00+01:00',
    );
    expect(placedStart(placeSubmission(friday, zdt('2026-11-18 08:00'), { calendar }))).toBe(
      '2026-12-04T09:30:00+01:00',
    );
  });

  it('answers NO_SESSION_IN_RANGE when a year holds no open session', () => {
    const calendar: CalendarState = {
      closedPeriods: [{ from: '2026-11-01', to: '2028-01-01', reason: 'Opgeschort' }],
    };
    expect(placeSubmission(friday, zdt('2026-11-16 10:00'), { calendar })).toEqual({
      ok: false,
      code: 'NO_SESSION_IN_RANGE',
      searchedUntilMs: zdt('2026-11-16 10:00') + 366 * MS_PER_DAY,
    });
  });

  it('answers NO_SESSION_IN_RANGE after the series has ended and long before it began', () => {
    const ended = fridayTable({
      recurrence: { weekday: 'friday', everyWeeks: 1, seriesStart: '2026-01-02', seriesEnd: '2026-06-30' },
    });
    expect(placeSubmission(ended, zdt('2026-06-27 10:00')).ok).toBe(false);
    expect(placeSubmission(friday, zdt('2020-06-27 10:00')).ok).toBe(false);
    expect(placedStart(placeSubmission(friday, zdt('2025-12-20 10:00')))).toBe('2026-01-02T09:30:00+01:00');
  });

  it('answers UNKNOWN_ITEM_TYPE for a type the table does not know', () => {
    expect(placeSubmission(friday, zdt('2026-11-16 10:00'), { itemType: 'afsluiting' })).toEqual({
      ok: false,
      code: 'UNKNOWN_ITEM_TYPE',
      itemType: 'afsluiting',
      knownItemTypes: ['lang', 'kort', 'mini'],
    });
  });

  it('returns the item type when it is known', () => {
    const outcome = placeSubmission(friday, zdt('2026-11-16 10:00'), { itemType: 'kort' });
    expect(outcome.ok && outcome.itemType?.durationMinutes).toBe(15);
  });

  it('refuses an instant that is not a number', () => {
    expect(() => placeSubmission(friday, Number.NaN)).toThrow(InvalidInstantError);
  });
});

describe('checking a submission for one particular zitting', () => {
  const session = getSession(friday, '2026-11-27');

  it('accepts it strictly before the deadline', () => {
    expect(checkSubmissionFor(session, zdt('2026-11-19 23:59:59.999'))).toEqual({ ok: true });
  });

  it('calls it late at the deadline and after', () => {
    for (const at of [zdt('2026-11-20 00:00'), zdt('2026-11-20 00:00:00.001')]) {
      expect(checkSubmissionFor(session, at)).toEqual({
        ok: false,
        code: 'CUTOFF_PASSED',
        deadlineMs: zdt('2026-11-20 00:00'),
      });
    }
  });

  it('refuses a cancelled session', () => {
    const christmas = getSession(friday, '2026-12-25');
    expect(checkSubmissionFor(christmas, zdt('2026-12-01 10:00'))).toEqual({
      ok: false,
      code: 'SESSION_CANCELLED',
      reason: 'Feestdag: Kerstmis',
    });
  });
});

// ---- properties --------------------------------------------------------------------------------

const FIRST = zdt('2026-01-01 00:00');
const LAST = zdt('2031-01-01 00:00');
const submission = fc.integer({ min: FIRST, max: LAST });
const tables = fc.constantFrom(friday, biweekly);

/** Random coordinator decisions over the five years: cancellations and closed periods. */
function calendarFor(table: typeof friday): fc.Arbitrary<CalendarState> {
  const dates = generateSessions(table, { fromMs: FIRST, toMs: LAST }).map((s) => s.scheduledDate);
  const period = fc
    .tuple(fc.integer({ min: 0, max: 5 * 365 }), fc.integer({ min: 0, max: 40 }))
    .map(([start, length]) => {
      const from = (parseLocalDate('2026-01-01') as number) + start;
      return { from: formatLocalDate(from), to: formatLocalDate(from + length), reason: 'Gesloten' };
    });
  return fc.record({
    cancellations: fc
      .uniqueArray(fc.constantFrom(...dates), { maxLength: 30 })
      .map((ds) => ds.map((scheduledDate) => ({ scheduledDate, reason: 'Geannuleerd' }))),
    closedPeriods: fc.array(period, { maxLength: 4 }),
  });
}

const scenario = tables.chain((table) =>
  fc.record({ table: fc.constant(table), calendar: calendarFor(table) }),
);

function placed(table: typeof friday, at: number, calendar?: CalendarState): Session | undefined {
  const outcome = placeSubmission(table, at, { calendar });
  return outcome.ok ? outcome.session : undefined;
}

describe('placement properties', () => {
  it('places on a session that starts after the submission, with its deadline after it too', () => {
    fc.assert(
      fc.property(scenario, submission, ({ table, calendar }, at) => {
        const session = placed(table, at, calendar);
        if (!session) return;
        expect(session.status).toBe('open');
        expect(session.startMs).toBeGreaterThan(at);
        expect(session.deadlineMs).toBeGreaterThan(at);
      }),
      { numRuns: 300 },
    );
  });

  it('never passes over an earlier open session that was still taking submissions', () => {
    fc.assert(
      fc.property(scenario, submission, ({ table, calendar }, at) => {
        const session = placed(table, at, calendar);
        if (!session) return;
        const earlier = generateSessions(
          table,
          { fromMs: at - 60 * MS_PER_DAY, toMs: session.startMs },
          calendar,
        );
        for (const s of earlier) {
          if (s.status === 'open') expect(s.deadlineMs).toBeLessThanOrEqual(at);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never gives a later submission an earlier session', () => {
    fc.assert(
      fc.property(scenario, submission, submission, ({ table, calendar }, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = placed(table, early, calendar);
        const second = placed(table, late, calendar);
        if (first && second) expect(second.startMs).toBeGreaterThanOrEqual(first.startMs);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer on the precomputed path as on the general one', () => {
    // A closed period long ago forces the general path without changing any session.
    const inert: CalendarState = { closedPeriods: [{ from: '1990-01-01', to: '1990-01-02', reason: 'x' }] };
    fc.assert(
      fc.property(tables, submission, (table, at) => {
        expect(placed(table, at)).toEqual(placed(table, at, inert));
      }),
      { numRuns: 500 },
    );
  });
});
