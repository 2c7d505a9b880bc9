import { readRegionFiles } from '@overlegtafels/config';
import { registerRegionFile } from '@overlegtafels/regions';

/**
 * Adds the regions of a directory's configuration files (REGION_DIR; libs/regions region-file.ts)
 * to the built-in ones, in file-name order, and returns them. Throws RegionFileError naming the
 * file and the field for a file that does not hold together.
 */
export function loadRegionFiles(dir: string): ReturnType<typeof registerRegionFile>[] {
  return readRegionFiles(dir).map(({ file, contents }) => registerRegionFile(contents, file));
}
