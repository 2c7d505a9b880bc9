import { InvalidCalendarStateError } from '../errors/domain.error';
import { fridayTable } from '../testing/table-fixtures.test-util';
import { iso, zdt } from '../testing/zdt.test-util';
import { generateSessions, getSession } from './session-calendar.policy';
import { CalendarState } from './session.model';
import { toSessionView } from './session.view';

const table = fridayTable();

function between(from: string, to: string, calendar?: CalendarState) {
  return generateSessions(table, { fromMs: zdt(from), toMs: zdt(to) }, calendar);
}

describe('generating the zittingen of a table', () => {
  it('lists the sessions of a range with every moment at its Brussels offset', () => {
    const [session] = between('2026-11-27 00:00', '2026-11-28 00:00');
    expect(session && toSessionView(table, session)).toEqual({
      key: 'vrijdagtafel:2026-11-27',
      table: 'vrijdagtafel',
      scheduledDate: '2026-11-27',
      date: '2026-11-27',
      start: '2026-11-27T09:30:00+01:00',
      end: '2026-11-27T12:00:00+01:00',
      deadline: '2026-11-20T00:00:00+01:00',
      preparationStart: '2026-11-20T00:00:00+01:00',
      freezeAt: '2026-11-26T13:00:00+01:00',
      agendaSendAt: '2026-11-26T13:00:00+01:00',
      capacityMinutes: 150,
      status: 'open',
    });
  });

  it('includes a session starting at the range start and excludes one starting at its end', () => {
    const sessions = between('2026-11-27 09:30', '2026-12-04 09:30');
    expect(sessions.map((s) => s.date)).toEqual(['2026-11-27']);
  });

  it('has no sessions before the series starts', () => {
    expect(between('2025-12-01 00:00', '2026-01-10 00:00').map((s) => s.date)).toEqual([
      '2026-01-02',
      '2026-01-09',
    ]);
  });

  it('ends the series on its last date', () => {
    const ending = fridayTable({
      recurrence: { weekday: 'friday', everyWeeks: 1, seriesStart: '2026-01-02', seriesEnd: '2026-01-20' },
    });
    const sessions = generateSessions(ending, {
      fromMs: zdt('2026-01-01 00:00'),
      toMs: zdt('2026-03-01 00:00'),
    });
    expect(sessions.map((s) => s.date)).toEqual(['2026-01-02', '2026-01-09', '2026-01-16']);
  });

  it('cancels the session on a holiday and says which', () => {
    const [christmas] = between('2026-12-25 00:00', '2026-12-26 00:00');
    expect(christmas?.status).toBe('cancelled');
    expect(christmas?.cancellation).toEqual({ source: 'holiday', reason: 'Feestdag: Kerstmis' });
  });

  it('keeps a coordinator cancellation with its reason', () => {
    const calendar: CalendarState = {
      cancellations: [{ scheduledDate: '2026-11-27', reason: 'Voorzitter en coördinator op opleiding' }],
    };
    const [session] = between('2026-11-27 00:00', '2026-11-28 00:00', calendar);
    expect(session?.status).toBe('cancelled');
    expect(session?.cancellation).toEqual({
      source: 'coordinator',
      reason: 'Voorzitter en coördinator op opleiding',
    });
  });

  it('cancels every session in a closed period, also one that is a holiday', () => {
    const calendar: CalendarState = {
      closedPeriods: [{ from: '2026-12-19', to: '2027-01-03', reason: 'Kerstvakantie' }],
    };
    const sessions = between('2026-12-18 00:00', '2027-01-09 00:00', calendar);
    expect(sessions.map((s) => [s.date, s.status, s.cancellation?.source, s.cancellation?.reason])).toEqual([
      ['2026-12-18', 'open', undefined, undefined],
      ['2026-12-25', 'cancelled', 'closed-period', 'Kerstvakantie'],
      ['2027-01-01', 'cancelled', 'closed-period', 'Kerstvakantie'],
      ['2027-01-08', 'open', undefined, undefined],
    ]);
  });

  it('holds a session moved off Christmas on its new day, with deadlines that follow it', () => {
    const calendar: CalendarState = {
      moves: [{ scheduledDate: '2026-12-25', date: '2026-12-23', reason: 'Kerstmis valt op vrijdag' }],
    };
    const [moved] = between('2026-12-21 00:00', '2026-12-26 00:00', calendar);
    expect(moved && toSessionView(table, moved)).toEqual({
      key: 'vrijdagtafel:2026-12-25',
      table: 'vrijdagtafel',
      scheduledDate: '2026-12-25',
      date: '2026-12-23',
      start: '2026-12-23T09:30:00+01:00',
      end: '2026-12-23T12:00:00+01:00',
      deadline: '2026-12-16T00:00:00+01:00',
      preparationStart: '2026-12-16T00:00:00+01:00',
      freezeAt: '2026-12-22T13:00:00+01:00',
      agendaSendAt: '2026-12-22T13:00:00+01:00',
      capacityMinutes: 150,
      status: 'open',
      movedFrom: {
        start: '2026-12-25T09:30:00+01:00',
        end: '2026-12-25T12:00:00+01:00',
        reason: 'Kerstmis valt op vrijdag',
      },
    });
  });

  it('moves a session out of a range and into another, at other hours', () => {
    const calendar: CalendarState = {
      moves: [
        {
          scheduledDate: '2026-11-27',
          date: '2026-12-01',
          startTime: '13:00',
          endTime: '14:30',
          reason: 'Zaal bezet',
        },
      ],
    };
    expect(between('2026-11-23 00:00', '2026-11-30 00:00', calendar)).toEqual([]);
    const [moved] = between('2026-11-30 00:00', '2026-12-02 00:00', calendar);
    expect(moved?.key).toBe('vrijdagtafel:2026-11-27');
    expect(iso(moved?.startMs as number)).toBe('2026-12-01T13:00:00+01:00');
    expect(iso(moved?.endMs as number)).toBe('2026-12-01T14:30:00+01:00');
    // Shorter hours shrink the minutes available.
    expect(moved?.capacityMinutes).toBe(90);
  });

  it('lets a cancellation win over a move', () => {
    const calendar: CalendarState = {
      moves: [{ scheduledDate: '2026-11-27', date: '2026-11-26', reason: 'Vroeger' }],
      cancellations: [{ scheduledDate: '2026-11-27', reason: 'Toch niet' }],
    };
    expect(getSession(table, '2026-11-27', calendar).cancellation).toEqual({
      source: 'coordinator',
      reason: 'Toch niet',
    });
  });

  it('applies a capacity override and keeps its reason', () => {
    const calendar: CalendarState = {
      capacityOverrides: [
        { scheduledDate: '2026-11-27', capacityMinutes: 90, reason: 'Halve zitting: teamdag' },
      ],
    };
    const session = getSession(table, '2026-11-27', calendar);
    expect(session.capacityMinutes).toBe(90);
    expect(session.capacityOverride).toEqual({ capacityMinutes: 90, reason: 'Halve zitting: teamdag' });
  });

  it.each<[string, CalendarState, string]>([
    [
      'a date that is not a session',
      { cancellations: [{ scheduledDate: '2026-11-26', reason: 'x' }] },
      'calendar of table "vrijdagtafel": cancellation: 2026-11-26 is not a session date of the series',
    ],
    [
      'a cancellation without reason',
      { cancellations: [{ scheduledDate: '2026-11-27', reason: '  ' }] },
      'calendar of table "vrijdagtafel": cancellation of 2026-11-27 needs a reason',
    ],
    [
      'a session moved twice',
      {
        moves: [
          { scheduledDate: '2026-11-27', date: '2026-11-26', reason: 'a' },
          { scheduledDate: '2026-11-27', date: '2026-11-25', reason: 'b' },
        ],
      },
      'calendar of table "vrijdagtafel": session 2026-11-27 is moved twice',
    ],
    [
      'a closed period that ends before it starts',
      { closedPeriods: [{ from: '2026-12-31', to: '2026-12-01', reason: 'x' }] },
      'calendar of table "vrijdagtafel": closed period 2026-12-31–2026-12-01 ends before it starts',
    ],
    [
      'more minutes than the session lasts',
      { capacityOverrides: [{ scheduledDate: '2026-11-27', capacityMinutes: 200, reason: 'x' }] },
      'calendar of table "vrijdagtafel": capacity override of 2026-11-27 must be a whole number from 0 to 150',
    ],
  ])('refuses calendar state with %s', (_, calendar, message) => {
    const attempt = () => between('2026-11-01 00:00', '2026-12-01 00:00', calendar);
    expect(attempt).toThrow(InvalidCalendarStateError);
    expect(attempt).toThrow(message);
  });

  it('refuses a date outside the series when asked for one session', () => {
    expect(() => getSession(table, '2026-11-26')).toThrow(
      'calendar of table "vrijdagtafel": 2026-11-26 is not a session date of the series',
    );
  });
});
