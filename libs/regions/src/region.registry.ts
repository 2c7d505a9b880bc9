import { RegionConfig } from '@overlegtafels/domain';
import { parseRegionFile } from './region-file';
import { CO3_ANTWERPEN } from './co3-antwerpen/co3-antwerpen.region';
import { OOST_VLAANDEREN } from './oost-vlaanderen/oost-vlaanderen.region';
import { VLAAMS_BRABANT } from './vlaams-brabant/vlaams-brabant.region';
import { WEST_VLAANDEREN } from './west-vlaanderen/west-vlaanderen.region';

export const DEFAULT_REGION_KEY = 'co3-antwerpen';

const BUILT_IN: readonly RegionConfig[] = [CO3_ANTWERPEN, VLAAMS_BRABANT, WEST_VLAANDEREN, OOST_VLAANDEREN];
const REGIONS = new Map<string, RegionConfig>(BUILT_IN.map((region) => [region.key, region]));
/** The file each file region came from and its text: loading the same file again changes nothing. */
const FROM_FILES = new Map<string, { file: string; contents: string }>();

export function getRegion(key: string): RegionConfig | undefined {
  return REGIONS.get(key);
}

export function listRegions(): readonly RegionConfig[] {
  return [...REGIONS.values()];
}

/**
 * Adds the region of one configuration file (its text; `file` names it, for the messages and to
 * know it again) to the built-in ones and returns it. A file whose key or dossier code prefix is
 * taken, or that does not hold together, throws RegionFileError naming the file and the field.
 * The same unchanged file again (a second app in one process) adds nothing. The files are read
 * by the configuration (libs/config `loadConfig`, REGION_DIR): this lib does no I/O.
 */
export function registerRegionFile(contents: string, file: string): RegionConfig {
  const again = [...FROM_FILES.entries()].find(([, f]) => f.file === file && f.contents === contents);
  if (again) return REGIONS.get(again[0])!;
  const others = [...REGIONS.values()];
  const region = parseRegionFile(contents, file.split('/').pop()!, {
    keys: others.map((r) => r.key),
    prefixes: others.flatMap((r) => (r.dossierCodePrefix ? [r.dossierCodePrefix] : [])),
  });
  REGIONS.set(region.key, region);
  FROM_FILES.set(region.key, { file, contents });
  return region;
}

/** Who a region mails as (`Name <address>`): its configuration's mailFrom, or one made of its name and key. */
export function mailFromOf(region: RegionConfig): string {
  return region.mailFrom ?? `${region.name} overlegtafels <overlegtafels@${region.key}.example.be>`;
}
