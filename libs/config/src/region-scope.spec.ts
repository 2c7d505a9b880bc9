import { currentRegionKey, inRegion } from './region-scope';

describe('the region scope', () => {
  const two = { regions: ['co3-antwerpen', 'vlaams-brabant'] };

  it('answers the region the work runs in, through what it awaits', async () => {
    const seen = await inRegion('vlaams-brabant', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentRegionKey(two);
    });
    expect(seen).toBe('vlaams-brabant');
    expect(inRegion('co3-antwerpen', () => currentRegionKey(two))).toBe('co3-antwerpen');
  });

  it('keeps two regions’ work apart when they run at once', async () => {
    const keyAfter = (key: string, ms: number) =>
      inRegion(key, async () => {
        await new Promise((r) => setTimeout(r, ms));
        return currentRegionKey(two);
      });
    expect(await Promise.all([keyAfter('vlaams-brabant', 5), keyAfter('co3-antwerpen', 1)])).toEqual([
      'vlaams-brabant',
      'co3-antwerpen',
    ]);
  });

  it('outside any region: the only region of one, an error with several', () => {
    expect(currentRegionKey({ regions: ['west-vlaanderen'] })).toBe('west-vlaanderen');
    expect(() => currentRegionKey(two)).toThrow('no region in scope');
  });
});
