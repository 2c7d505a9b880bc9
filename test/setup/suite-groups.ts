// The integration suites, run a few to a jest file in `npm test` (test/groups). Jest gives every
// test file a module registry of its own, and a server suite's file paid about 3 s of CPU to load
// the app's modules and 1–2 s more for its first app (measured: the second app started in one
// registry costs a third of the first). Grouped, the suites of a group share one registry; each
// keeps its own database, app, hooks and tests, wrapped in a describe named after its file.
import { readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SEARCHED = ['apps', 'libs', 'test'];
const SKIPPED = new Set(['node_modules', 'dist', '.data', 'groups']);

/** Every file under apps, libs and test whose name ends in the suffix, relative and sorted. */
export function suiteFiles(suffix: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(rel);
      } else if (entry.name.endsWith(suffix)) {
        found.push(rel);
      }
    }
  };
  for (const dir of SEARCHED) walk(dir);
  return found.sort();
}

/** Group `index` (from 0) of `groups`: every groups-th suite, so a theme's suites spread out. */
export function suitesOfGroup(files: readonly string[], groups: number, index: number): string[] {
  if (!Number.isInteger(index) || index < 0 || index >= groups) {
    throw new Error(`group ${index} does not exist: there are ${groups}`);
  }
  return files.filter((_, i) => i % groups === index);
}

const GROUPS_DIR = path.join(ROOT, 'test', 'groups');
const GROUP_FILE = /^integration-(\d+)\.int-group\.ts$/;

/**
 * Registers, in the group file that calls it (test/groups/integration-NN.int-group.ts), the
 * suites of group NN of as many as there are such files, each under a describe of its path.
 */
export function registerSuiteGroup(groupFile: string): void {
  const groups = readdirSync(GROUPS_DIR).filter((f) => GROUP_FILE.test(f)).length;
  const number = GROUP_FILE.exec(path.basename(groupFile))?.[1];
  if (!number) throw new Error(`${groupFile} is not named integration-NN.int-group.ts`);
  for (const file of suitesOfGroup(suiteFiles('.int-spec.ts'), groups, Number(number) - 1)) {
    describe(file, () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(path.join(ROOT, file));
    });
  }
}
