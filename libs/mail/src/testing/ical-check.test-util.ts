import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The independent checks of ../shared/tools/ical-check, found beside the clone or beside any
 * folder above it (a git worktree under /work/wt/<name> shares /work/shared with the main clone).
 */
function findIcalCheckDir(): string {
  let dir = path.resolve(__dirname, '../../../..');
  const first = path.join(path.dirname(dir), 'shared/tools/ical-check');
  for (;;) {
    const candidate = path.join(path.dirname(dir), 'shared/tools/ical-check');
    if (existsSync(path.join(candidate, 'libical_check.py'))) return candidate;
    if (path.dirname(dir) === dir) return first;
    dir = path.dirname(dir);
  }
}

export const ICAL_CHECK_DIR = findIcalCheckDir();
/** Debian's own interpreter, the one with libical's GIR. */
export const ICAL_PYTHON = '/usr/bin/python3';

/** Both the checker scripts and libical for python3 are there. */
export const libicalAvailable =
  existsSync(path.join(ICAL_CHECK_DIR, 'eml_check.py')) &&
  spawnSync(ICAL_PYTHON, ['-c', "import gi; gi.require_version('ICalGLib','3.0')"], { stdio: 'ignore' })
    .status === 0;
