import { getRegion, listRegions } from './region.registry';

describe('region registry', () => {
  it('lists CO3 Antwerpen first, then Vlaams-Brabant', () => {
    expect(listRegions().map((r) => r.key)).toEqual(['co3-antwerpen', 'vlaams-brabant']);
  });

  it('finds a region by key and nothing for an unknown key', () => {
    expect(getRegion('co3-antwerpen')?.name).toBe('CO3 Antwerpen');
    expect(getRegion('west-vlaanderen')).toBeUndefined();
  });

  it('gives every table of every region the Brussels zone and the Flemish holiday calendar', () => {
    for (const region of listRegions()) {
      for (const table of region.tables) {
        expect(table.timeZone).toBe('Europe/Brussels');
        expect(table.holidays.key).toBe('be-vlaams');
      }
    }
  });
});
