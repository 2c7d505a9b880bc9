import { placementView, RegionConfig } from '@overlegtafels/domain';
import { DEFAULT_REGION_KEY, getRegion, listRegions } from '@overlegtafels/regions';
import { CliCommand, CliIo, CliUsageError } from '../cli-command';

interface PlacementArgs {
  readonly table?: string;
  readonly submittedAt?: string;
  readonly region: string;
  readonly type?: string;
  readonly stdin: boolean;
}

const VALUE_FLAGS = {
  '--table': 'table',
  '--submitted-at': 'submittedAt',
  '--region': 'region',
  '--type': 'type',
} as const;
const USAGE =
  'usage: placement --table <key> --submitted-at <ISO-8601 instant with offset> [--region <key>] [--type <item type>]' +
  ' | placement --stdin [--region <key>] [--type <item type>] (lines "<table> <instant> [<type>]")';

/**
 * `placement`: which zitting a submission lands on, with its deadline, freeze and agenda send, as
 * one JSON line. Answers from configuration alone (holidays, no coordinator decisions), through
 * the same placementView the API uses, so both print the same bytes.
 */
export class PlacementCommand implements CliCommand {
  readonly name = 'placement';
  readonly summary = 'the zitting a submission lands on, with deadline, freeze and agenda send (JSON)';

  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv);
    if (args === 'help') {
      io.out(USAGE);
      return 0;
    }
    const region = getRegion(args.region);
    if (!region) {
      const known = listRegions()
        .map((r) => r.key)
        .join(', ');
      throw new CliUsageError(`unknown region "${args.region}" (known: ${known})`);
    }
    if (args.stdin) {
      for await (const line of io.stdinLines()) io.out(placeLine(region, line, args.type));
      return 0;
    }
    if (args.table === undefined) throw new CliUsageError('--table is required (or use --stdin)');
    if (args.submittedAt === undefined) throw new CliUsageError('--submitted-at is required');
    const result = placementView(region, args.table, args.submittedAt, args.type);
    if (result.ok) {
      io.out(JSON.stringify(result.view));
      return 0;
    }
    // Nothing wrong with the input when no session lies within reach: an answer, not a usage error.
    if (result.error.code === 'NO_SESSION_IN_RANGE') {
      io.err(result.error.message);
      return 1;
    }
    // Name the option the operator typed, so the one line says which input is wrong.
    const flag = { table: '--table', submittedAt: '--submitted-at', type: '--type' }[result.error.field];
    throw new CliUsageError(`${flag}: ${result.error.message}`);
  }
}

/** One stdin line in, one JSON line out: the placement or `{"error": …}`; never throws. */
function placeLine(region: RegionConfig, line: string, defaultType: string | undefined): string {
  const fields = line.trim().split(/\s+/).filter(Boolean);
  if (fields.length < 2 || fields.length > 3) {
    return JSON.stringify({
      error: `expected "<table> <instant> [<type>]", got ${JSON.stringify(line.trim())}`,
    });
  }
  const [table, instant, type = defaultType] = fields as [string, string, string | undefined];
  const result = placementView(region, table, instant, type);
  return JSON.stringify(result.ok ? result.view : { error: result.error.message });
}

function parseArgs(argv: readonly string[]): PlacementArgs | 'help' {
  const values: { -readonly [K in keyof PlacementArgs]?: PlacementArgs[K] } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--stdin') {
      values.stdin = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!Object.prototype.hasOwnProperty.call(VALUE_FLAGS, flag)) {
      throw new CliUsageError(
        arg.startsWith('-')
          ? `unknown option "${flag}" (options: --table, --submitted-at, --region, --type, --stdin)`
          : `unexpected argument "${arg}"; ${USAGE}`,
      );
    }
    const key = VALUE_FLAGS[flag as keyof typeof VALUE_FLAGS];
    let value: string | undefined;
    if (eq > 0) {
      value = arg.slice(eq + 1);
    } else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new CliUsageError(`${flag} needs a value`);
      i++;
    }
    if (value === '') throw new CliUsageError(`${flag} needs a value`);
    if (values[key] !== undefined) throw new CliUsageError(`${flag} is given twice`);
    values[key] = value;
  }
  if (values.stdin && (values.table !== undefined || values.submittedAt !== undefined)) {
    throw new CliUsageError(
      '--stdin reads "<table> <instant>" lines; do not combine it with --table or --submitted-at',
    );
  }
  return { ...values, region: values.region ?? DEFAULT_REGION_KEY, stdin: values.stdin ?? false };
}
