// The unit suite's two time zones (test/setup/two-zones*.js): each test below is registered once
// per zone, and its beforeEach hook and body run in that zone, as a run started with that TZ would.
let offsetInHook: number | undefined;
beforeEach(() => {
  offsetInHook = new Date(Date.UTC(2026, 0, 15, 12)).getTimezoneOffset();
});

const zoneOfThisTest = () => /\[TZ=([^\]]+)\]$/.exec(expect.getState().currentTestName ?? '')?.[1];

describe('the unit suite runs every test in both time zones', () => {
  it('sets the zone named in the test before its hooks and its body', () => {
    const zone = zoneOfThisTest();
    expect(['UTC', 'America/New_York']).toContain(zone);
    // 15 January 2026 at noon UTC: New York is on EST (UTC−5), so the offset is 300 minutes.
    const expected = zone === 'UTC' ? 0 : 300;
    expect(new Date(Date.UTC(2026, 0, 15, 12)).getTimezoneOffset()).toBe(expected);
    expect(offsetInHook).toBe(expected);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    expect(new Date(Date.UTC(2026, 0, 15, 12)).getHours()).toBe(zone === 'UTC' ? 12 : 7);
  });

  it.each([['a'], ['b']])('names each row of a table per zone (%s)', (row) => {
    expect(expect.getState().currentTestName).toMatch(
      new RegExp(`\\(${row}\\) \\[TZ=(UTC|America/New_York)\\]$`),
    );
  });
});
