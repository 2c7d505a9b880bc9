import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'regions', 'voorbeeldstreek.json');
const TEXT = readFileSync(FIXTURE, 'utf8');

function withKey(key: string, prefix: string): string {
  return JSON.stringify({ ...(JSON.parse(TEXT) as object), key, dossierCodePrefix: prefix });
}

describe('loadConfig with a directory of region files (REGION_DIR)', () => {
  let dir: string;
  /** A registry of its own per test: a loaded file stays in its module's registry for good. */
  let fresh: { load: typeof import('./app-config'); regions: typeof import('@overlegtafels/regions') };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ot-regions-'));
    jest.isolateModules(() => {
      fresh = {
        /* eslint-disable @typescript-eslint/no-require-imports */
        load: require('./app-config') as typeof import('./app-config'),
        regions: require('@overlegtafels/regions') as typeof import('@overlegtafels/regions'),
        /* eslint-enable @typescript-eslint/no-require-imports */
      };
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  /** The configuration of an installation serving the directory's region (relative REGION_DIR). */
  const load = (region = 'voorbeeldstreek') =>
    fresh.load.loadConfig({ REGION_DIR: path.basename(dir), REGIONS: region }, path.dirname(dir));

  it('adds the region after the built-in ones, and nothing when the same file is loaded again', () => {
    writeFileSync(path.join(dir, 'voorbeeldstreek.json'), TEXT);
    writeFileSync(path.join(dir, 'LEESMIJ.txt'), 'geen regio');
    const { getRegion, listRegions } = fresh.regions;
    expect(getRegion('voorbeeldstreek')).toBeUndefined();
    expect(load().regions).toEqual(['voorbeeldstreek']);
    const first = getRegion('voorbeeldstreek');
    expect(first?.tables[0]?.key).toBe('casustafel');
    expect(load().regions).toEqual(['voorbeeldstreek']);
    expect(getRegion('voorbeeldstreek')).toBe(first);
    expect(listRegions().map((r) => r.key)).toEqual([
      'co3-antwerpen',
      'vlaams-brabant',
      'west-vlaanderen',
      'oost-vlaanderen',
      'voorbeeldstreek',
    ]);
  });

  it('loads the files in name order and refuses a second file with a key already loaded, naming it', () => {
    writeFileSync(path.join(dir, 'b.json'), withKey('streek-a', 'SB'));
    writeFileSync(path.join(dir, 'a.json'), withKey('streek-a', 'SA'));
    expect(() => load('streek-a')).toThrow(
      'configuration error: REGION_DIR b.json: key "streek-a" is the key of a region that exists already',
    );
    expect(fresh.regions.getRegion('streek-a')?.dossierCodePrefix).toBe('SA');
  });

  it('refuses a changed file for a region loaded before', () => {
    writeFileSync(path.join(dir, 'voorbeeldstreek.json'), TEXT);
    load();
    writeFileSync(path.join(dir, 'voorbeeldstreek.json'), withKey('voorbeeldstreek', 'VBX'));
    expect(() => load()).toThrow('configuration error: REGION_DIR voorbeeldstreek.json: key "voorbeeldstreek"');
  });
});
