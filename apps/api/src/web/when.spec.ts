import { when } from './when';

describe('when: dates and times as every page writes them', () => {
  it('writes a calendar date as a Brussels day in Dutch, whatever zone the process runs in', () => {
    expect(when.date('2026-06-12')).toBe('vrijdag 12 juni 2026');
    // A DATE column comes back as midnight UTC: still that day in Brussels.
    expect(when.date(new Date('2026-12-15T00:00:00Z'))).toBe('dinsdag 15 december 2026');
  });

  it('writes an instant in Brussels time, winter and summer', () => {
    expect(when.dateTime(new Date('2026-11-23T10:00:00Z'))).toBe('maandag 23 november 2026 om 11:00');
    expect(when.dateTime('2026-07-01T10:00:00Z')).toBe('woensdag 1 juli 2026 om 12:00');
    expect(when.time('2026-07-01T10:00:00Z')).toBe('12:00');
  });
});
