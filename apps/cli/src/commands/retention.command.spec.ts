import { runCli } from '../main';
import { CliIo } from '../cli-command';
import { parseRetentionArgs, RetentionCommand } from './retention.command';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stdinLines: async function* () {} };
  // No DATABASE_URL and an unreachable embedded port: a bad argument must be refused before any connect.
  const code = await runCli(['retention', ...args], io, [
    new RetentionCommand({ NODE_ENV: 'test', EMBEDDED_PG_PORT: '1' }),
  ]);
  return { code, out, err };
}

describe('cli retention: arguments', () => {
  it.each([
    [['--region'], '--region needs a value'],
    [
      ['--region', 'gent'],
      '--region: unknown region "gent" (regions: co3-antwerpen, vlaams-brabant, west-vlaanderen, oost-vlaanderen)',
    ],
    [['--dry-run', '--dry-run'], '--dry-run is given twice'],
    [['--wet'], 'unknown option "--wet"'],
    [['CO3-2026-0001'], 'unexpected argument "CO3-2026-0001"'],
    [['--operator', 'not-an-address'], '--operator: expected an e-mail address'],
    [['--region', 'co3-antwerpen', '--region', 'vlaams-brabant'], '--region is given twice'],
  ])('%j: exit code 2 and one line', async (args, message) => {
    const { code, out, err } = await cli(args);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
  });

  it('reads the options it knows', () => {
    expect(parseRetentionArgs(['--dry-run', '--region', 'vlaams-brabant'])).toEqual({
      dryRun: true,
      regionKey: 'vlaams-brabant',
      operatorEmail: undefined,
    });
    expect(parseRetentionArgs(['--operator', 'Lotte.Verbeke@example.be'])).toEqual({
      dryRun: false,
      regionKey: undefined,
      operatorEmail: 'lotte.verbeke@example.be',
    });
    expect(parseRetentionArgs(['--help'])).toBe('help');
  });
});
