import { getRegion, listRegions } from './region.registry';

describe('region registry', () => {
  it('lists CO3 Antwerpen first, then Vlaams-Brabant, West-Vlaanderen and Oost-Vlaanderen', () => {
    expect(listRegions().map((r) => r.key)).toEqual([
      'co3-antwerpen',
      'vlaams-brabant',
      'west-vlaanderen',
      'oost-vlaanderen',
    ]);
  });

  it('finds a region by key and nothing for an unknown key', () => {
    expect(getRegion('co3-antwerpen')?.name).toBe('CO3 Antwerpen');
    expect(getRegion('west-vlaanderen')?.name).toBe('Ketenaanpak IFG West-Vlaanderen');
    expect(getRegion('oost-vlaanderen')?.name).toBe('Veilig Huis Oost-Vlaanderen');
    expect(getRegion('limburg')).toBeUndefined();
  });

  it('gives every region its own dossier code prefix', () => {
    const prefixes = listRegions().map((r) => r.dossierCodePrefix);
    expect(new Set(prefixes).size).toBe(listRegions().length);
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
