import { InputError } from '@overlegtafels/application';
import { CliCommand, CliIo, CliUsageError } from '../cli-command';
import { cliConfig } from './cli-config';

const USAGE =
  'usage: beheerder add --region <key> --email <address> --name <name> --reason <why> ' +
  "(makes a region's beheerder, who adds its people on the beheer pages)";
const OPTIONS = {
  '--region': 'region',
  '--email': 'email',
  '--name': 'displayName',
  '--reason': 'reason',
} as const;
type Field = (typeof OPTIONS)[keyof typeof OPTIONS];

/** The command line, checked before anything connects: bad input is one line and exit code 2. */
export function parseBeheerderArgs(argv: readonly string[]): Record<Field, string> | 'help' {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') return 'help';
  if (sub !== 'add')
    throw new CliUsageError(sub === undefined ? USAGE : `unknown subcommand "${sub.slice(0, 40)}"; ${USAGE}`);
  const values: Partial<Record<Field, string>> = {};
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--help' || flag === '-h') return 'help';
    const field = OPTIONS[flag as keyof typeof OPTIONS];
    if (!field) {
      throw new CliUsageError(
        flag.startsWith('-')
          ? `unknown option "${flag.slice(0, 40)}" (options: ${Object.keys(OPTIONS).join(', ')})`
          : `unexpected argument "${flag.slice(0, 40)}"; ${USAGE}`,
      );
    }
    const value = inline ?? rest[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new CliUsageError(`${flag} needs a value; ${USAGE}`);
    if (values[field] !== undefined) throw new CliUsageError(`${flag} is given twice`);
    values[field] = value;
  }
  for (const [flag, field] of Object.entries(OPTIONS)) {
    if (values[field] === undefined) throw new CliUsageError(`${flag} is required; ${USAGE}`);
  }
  return values as Record<Field, string>;
}

/**
 * `beheerder add`: a region's beheerder (AddRegionBeheerderUseCase), for a region that has nobody
 * yet — one of REGIONS, or a region of REGION_DIR, once the service has started with it. Prints
 * `{personId, region}`; input the use case refuses is one line naming the field, exit 2. The
 * database is DATABASE_URL's, or the default mode's embedded PostgreSQL (`npm start` running).
 */
export class BeheerderCommand implements CliCommand {
  readonly name = 'beheerder';
  readonly summary = "make a region's beheerder (`beheerder add --region … --email … --name … --reason …`)";

  constructor(private readonly env?: Record<string, string | undefined>) {}

  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseBeheerderArgs(argv);
    if (args === 'help') {
      io.out(USAGE);
      return 0;
    }
    const config = cliConfig(this.env);
    // Loaded here: the CLI's other commands need no database and should not load its client.
    const { openBeheerder } = await import('./beheerder.context');
    const context = await openBeheerder(config);
    try {
      const made = await context.useCase.execute(args);
      io.out(JSON.stringify({ personId: made.personId, region: made.regionKey }));
      return 0;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const flagOf = (field: string) => Object.entries(OPTIONS).find(([, f]) => f === field)?.[0] ?? field;
      throw new CliUsageError(`${flagOf(error.errors[0]!.field)}: ${error.errors[0]!.message}`);
    } finally {
      await context.close();
    }
  }
}
