import { execFileSync } from 'node:child_process';
import path from 'node:path';
import globalSetup from './global-setup';

/**
 * The e2e suites start the built api and worker from dist/. It is built here, once for the run and
 * before any suite starts, so suites that run side by side never start a process from files
 * another suite's build is rewriting.
 */
export default async function e2eGlobalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  await globalSetup();
}
