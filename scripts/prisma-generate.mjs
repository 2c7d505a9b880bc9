// Generates the Prisma client into libs/persistence/src/generated (not committed).
// Prisma's CLI insists on locating its native schema engine even for `generate`, which does not
// use it; that binary is downloaded from outside the npm registry and is not available here.
// Migrations are applied by our own migrator (libs/persistence/src/migrator.ts), so a stub that
// refuses to run is enough for the CLI's presence check.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  ...process.env,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  PRISMA_SCHEMA_ENGINE_BINARY:
    process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, 'scripts/schema-engine-unavailable.sh'),
};
const res = spawnSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'generate'], {
  cwd: root,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
process.exit(res.status ?? 1);
