import { fridayTable, iso, zdt } from '../testing';
import { firstOpenSessionBetween, placeOnOrAfter } from './earliest-session.policy';

const table = fridayTable();

describe('placing an item that must not come before a date', () => {
  it('lands where placement puts it when that session is on or after the date', () => {
    // Submitted Friday 4 December 00:00 exactly: the 11th's deadline has passed, so the 18th.
    const placed = placeOnOrAfter(table, zdt('2026-12-04 00:00'), '2026-12-16');
    expect(placed.ok && placed.session.date).toBe('2026-12-18');
    // A session on the date itself is late enough.
    const onTheDay = placeOnOrAfter(table, zdt('2026-12-04 00:00'), '2026-12-18');
    expect(onTheDay.ok && onTheDay.session.date).toBe('2026-12-18');
  });

  it('refuses the session before the date, one millisecond before the window opens', () => {
    const tooEarly = placeOnOrAfter(table, zdt('2026-12-03 23:59:59.999'), '2026-12-16');
    expect(tooEarly.ok).toBe(false);
    if (tooEarly.ok || tooEarly.code !== 'SESSION_TOO_EARLY') throw new Error('expected too early');
    expect(tooEarly.session.date).toBe('2026-12-11');
    expect(tooEarly.first?.date).toBe('2026-12-18');
    expect(iso(tooEarly.opensAtMs!)).toBe('2026-12-04T00:00:00+01:00');
  });

  it('skips a cancelled session: the first one late enough, and the window, move with the calendar', () => {
    const calendar = { cancellations: [{ scheduledDate: '2026-12-18', reason: 'Teamdag' }] };
    // The 18th is cancelled and Christmas Day and New Year's Day are holidays of the fixture: the
    // first open Friday on or after the 16th is 8 January 2027.
    const tooEarly = placeOnOrAfter(table, zdt('2026-12-01 10:00'), '2026-12-16', { calendar });
    if (tooEarly.ok || tooEarly.code !== 'SESSION_TOO_EARLY') throw new Error('expected too early');
    expect(tooEarly.first?.date).toBe('2027-01-08');
    // The last open session before it is the 11th; its deadline opens the window.
    expect(iso(tooEarly.opensAtMs!)).toBe('2026-12-04T00:00:00+01:00');
    expect(
      firstOpenSessionBetween(table, zdt('2026-12-16 00:00'), zdt('2027-12-16 00:00'), calendar)?.date,
    ).toBe('2027-01-08');
  });

  it('passes placement’s own refusals on', () => {
    expect(placeOnOrAfter(table, zdt('2026-12-01 10:00'), '2026-12-16', { itemType: 'groot' })).toMatchObject(
      {
        ok: false,
        code: 'UNKNOWN_ITEM_TYPE',
      },
    );
  });
});
