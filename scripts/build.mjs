// Compiles apps/ and libs/ to dist/ with SWC (a second or two). Type checking is `npm run typecheck`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'libs/persistence/src/generated/prisma/client.ts'))) {
  const gen = spawnSync(process.execPath, [path.join(root, 'scripts/prisma-generate.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (gen.status !== 0) process.exit(gen.status ?? 1);
}
const swc = path.join(root, 'node_modules/@swc/cli/bin/swc.js');
const res = spawnSync(
  process.execPath,
  [
    swc,
    'apps',
    'libs',
    'bench',
    '-d',
    'dist',
    '--quiet',
    '--ignore',
    '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts',
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
process.exit(res.status ?? 1);
