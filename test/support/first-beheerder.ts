import { BeheerderCommand } from '../../apps/cli/src/commands/beheerder.command';
import { runCli } from '../../apps/cli/src/main';
import type { TestApp } from './test-app';

/** A region's first beheerder as the operator makes one. */
export interface FirstBeheerder {
  readonly region: string;
  readonly email: string;
  readonly name: string;
  readonly reason: string;
}

/**
 * Makes a region's first beheerder through the operator's CLI (`beheerder add`), on the test app's
 * database, as a deployment does for a new region; `env` adds settings such as REGION_DIR. Returns
 * the person's id, or throws with the CLI's own lines when it refused.
 */
export async function addFirstBeheerder(
  t: TestApp,
  who: FirstBeheerder,
  env: Record<string, string> = {},
): Promise<string> {
  const lines: string[] = [];
  const io = {
    out: (l: string) => lines.push(l),
    err: (l: string) => lines.push(`error: ${l}`),
    stdinLines: async function* () {},
  };
  const command = new BeheerderCommand({ DATABASE_URL: t.config.databaseUrl, NODE_ENV: 'test', ...env });
  const args = ['--region', who.region, '--email', who.email, '--name', who.name, '--reason', who.reason];
  const code = await runCli(['beheerder', 'add', ...args], io, [command]);
  if (code !== 0 || lines.length !== 1) throw new Error(`beheerder add: exit ${code}: ${lines.join(' | ')}`);
  return (JSON.parse(lines[0]!) as { personId: string }).personId;
}
