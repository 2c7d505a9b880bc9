import { getRegion, listRegions } from '@overlegtafels/regions';
import { CliCommand, CliIo, CliUsageError } from '../cli-command';
import { cliConfig } from './cli-config';

const USAGE =
  'usage: retention [--dry-run] [--region <key>] [--operator <email>] ' +
  '(destroys the ended dossiers whose retention period is over; --dry-run only lists them)';

interface RetentionArgs {
  readonly dryRun: boolean;
  readonly regionKey?: string;
  readonly operatorEmail?: string;
}

/** The command line, checked before anything connects: bad input is one line and exit code 2. */
export function parseRetentionArgs(argv: readonly string[]): RetentionArgs | 'help' {
  let dryRun = false;
  let regionKey: string | undefined;
  let operatorEmail: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--dry-run') {
      if (dryRun) throw new CliUsageError('--dry-run is given twice');
      dryRun = true;
    } else if (arg === '--region' || arg === '--operator') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-'))
        throw new CliUsageError(`${arg} needs a value; ${USAGE}`);
      if (arg === '--region') {
        if (regionKey !== undefined) throw new CliUsageError('--region is given twice');
        if (!getRegion(value)) {
          const known = listRegions()
            .map((r) => r.key)
            .join(', ');
          throw new CliUsageError(`--region: unknown region "${value.slice(0, 60)}" (regions: ${known})`);
        }
        regionKey = value;
      } else {
        if (operatorEmail !== undefined) throw new CliUsageError('--operator is given twice');
        if (!/^[^\s@]+@[^\s@]+$/.test(value))
          throw new CliUsageError('--operator: expected an e-mail address');
        operatorEmail = value.toLowerCase();
      }
    } else {
      throw new CliUsageError(
        arg.startsWith('-')
          ? `unknown option "${arg.slice(0, 40)}" (options: --dry-run, --region <key>, --operator <email>)`
          : `unexpected argument "${arg.slice(0, 40)}"; ${USAGE}`,
      );
    }
  }
  return { dryRun, regionKey, operatorEmail };
}

/**
 * `retention [--dry-run] [--region <key>]`: the dossiers whose retention period is over
 * (DestroyExpiredDossiersUseCase), one JSON line each `{code, phase, endedOn, dueOn}`. With
 * --dry-run nothing changes; without, they are destroyed (each with its tombstone in the audit
 * log; `--operator` names who ran it there) and the lines say what went. The database is
 * DATABASE_URL's, or the default mode's embedded PostgreSQL (`npm start` running).
 */
export class RetentionCommand implements CliCommand {
  readonly name = 'retention';
  readonly summary = 'destroy ended dossiers past their retention period (`--dry-run` lists them)';

  constructor(private readonly env?: Record<string, string | undefined>) {}

  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseRetentionArgs(argv);
    if (args === 'help') {
      io.out(USAGE);
      return 0;
    }
    const config = cliConfig(this.env);
    // Loaded here: the CLI's other commands need no database and should not load its client.
    const { openRetention } = await import('./retention.context');
    const context = await openRetention(config);
    try {
      let actorPersonId: string | null = null;
      if (args.operatorEmail) {
        actorPersonId = await context.personIdOf(args.operatorEmail);
        if (!actorPersonId) throw new CliUsageError(`--operator: no person with that e-mail address`);
      }
      const result = await context.useCase.execute({
        dryRun: args.dryRun,
        regionKey: args.regionKey,
        actorPersonId,
        trigger: args.dryRun ? 'cli retention --dry-run' : 'cli retention',
      });
      for (const line of result.dossiers) {
        io.out(
          JSON.stringify({ code: line.code, phase: line.phase, endedOn: line.endedOn, dueOn: line.dueOn }),
        );
      }
      return 0;
    } finally {
      await context.close();
    }
  }
}
