import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One region configuration file: its absolute path and its text. */
export interface RegionFile {
  readonly file: string;
  readonly contents: string;
}

/**
 * The region configuration files of a directory (REGION_DIR): every `*.json` in it, in name order.
 * What they say is read and checked by libs/regions (`registerRegionFile`); this only reads them.
 */
export function readRegionFiles(dir: string): RegionFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new Error(`"${dir}" is not a directory that can be read`);
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.resolve(dir, name);
      return { file, contents: readFileSync(file, 'utf8') };
    });
}
