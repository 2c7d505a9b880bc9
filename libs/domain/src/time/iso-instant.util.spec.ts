import { parseIsoInstant } from './iso-instant.util';

describe('reading a submission instant', () => {
  it.each([
    ['2026-11-20T10:00:00+01:00', '2026-11-20T09:00:00.000Z'],
    ['2026-11-20T09:00:00Z', '2026-11-20T09:00:00.000Z'],
    ['2026-11-20T09:00:00+00:00', '2026-11-20T09:00:00.000Z'],
    ['2026-11-20T04:00:00-05:00', '2026-11-20T09:00:00.000Z'],
    ['2026-11-20T10:00+01:00', '2026-11-20T09:00:00.000Z'],
    ['2026-11-20T10:00:00.123+01:00', '2026-11-20T09:00:00.123Z'],
    ['20261120T100000+0100', '2026-11-20T09:00:00.000Z'],
  ])('reads %s as %s', (text, utc) => {
    const result = parseIsoInstant(text);
    expect(result.ok && new Date(result.instant).toISOString()).toBe(utc);
  });

  it.each(['2026-11-20T10:00:00', '2026-11-20T10:00', '2026-11-20'])(
    'refuses %s, which has no offset',
    (text) => {
      expect(parseIsoInstant(text)).toEqual({
        ok: false,
        code: 'MISSING_OFFSET',
        message: `"${text}" has no UTC offset (add Z or an offset such as +01:00)`,
      });
    },
  );

  it.each(['morgen', '', '2026-02-30T10:00:00+01:00', '2026-11-20 10:00:00+01:00', '2026-11-20T25:00:00Z'])(
    'refuses %j, which is no ISO-8601 instant',
    (text) => {
      const result = parseIsoInstant(text);
      expect(result.ok ? 'ok' : result.code).toBe('INVALID_INSTANT');
    },
  );
});
