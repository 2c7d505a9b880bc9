import { obligationPlanView } from '@overlegtafels/domain';
import { DEFAULT_REGION_KEY, getRegion, listRegions } from '@overlegtafels/regions';
import { CliCommand, CliIo, CliUsageError } from '../cli-command';

const USAGE =
  'usage: obligations --stdin [--region <key>] (lines {"region":"co3-antwerpen","casusregieStart":"2026-02-06",' +
  '"afronding":"2026-09-08"|null,"consulentSince":"2026-03-17"|null} in, one JSON line out per line)';
const FIELDS = ['region', 'casusregieStart', 'afronding', 'consulentSince'] as const;

/**
 * `obligations --stdin`: a dossier's follow-up obligations as its region's rules plan them from
 * its dates, for checks and support. One JSON object per line in, one JSON line out (or
 * `{"error": …}` naming the field, and the next line goes on). Answers from configuration alone
 * (rules and holidays), through the domain's obligationPlanView; no database.
 */
export class ObligationsCommand implements CliCommand {
  readonly name = 'obligations';
  readonly summary = "a dossier's follow-up obligations from its dates: due dates and sessions (JSON lines)";

  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const args = parseArgs(argv);
    if (args === 'help') {
      io.out(USAGE);
      return 0;
    }
    for await (const line of io.stdinLines()) io.out(planLine(line, args.region));
    return 0;
  }
}

/**
 * `--stdin` (required) and `--region <key>`: the region of the lines that name none (default
 * co3-antwerpen). An unknown region is a usage error: nothing could be answered.
 */
function parseArgs(argv: readonly string[]): { readonly region: string | undefined } | 'help' {
  let stdin = false;
  let region: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--region' || arg.startsWith('--region=')) {
      const value = arg === '--region' ? argv[++i] : arg.slice('--region='.length);
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new CliUsageError('--region needs a value');
      }
      if (region !== undefined) throw new CliUsageError('--region is given twice');
      if (!getRegion(value)) throw new CliUsageError(`--region: ${unknownRegion(value)}`);
      region = value;
      continue;
    }
    if (arg !== '--stdin') {
      throw new CliUsageError(
        arg.startsWith('-')
          ? `unknown option "${arg}" (options: --stdin, --region)`
          : `unexpected argument "${arg}"; ${USAGE}`,
      );
    }
    if (stdin) throw new CliUsageError('--stdin is given twice');
    stdin = true;
  }
  if (!stdin) throw new CliUsageError('--stdin is required: the dossiers come one JSON object a line');
  return { region };
}

function unknownRegion(key: unknown): string {
  const known = listRegions()
    .map((r) => r.key)
    .join(', ');
  return `unknown region ${JSON.stringify(key)} (known: ${known})`;
}

/**
 * One stdin line in, one JSON line out: the plan or `{"error": …}`; never throws. The line's
 * `region` field, or else `defaultRegion` (`--region`), or else co3-antwerpen; a line that names
 * another region than `--region` is an error (which one was meant?).
 */
export function planLine(line: string, defaultRegion?: string): string {
  const error = (message: string) => JSON.stringify({ error: message });
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return error(`expected one JSON object, got ${JSON.stringify(line.trim().slice(0, 80))}`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return error(`expected one JSON object, got ${JSON.stringify(line.trim().slice(0, 80))}`);
  }
  const fields = input as Record<string, unknown>;
  const unknown = Object.keys(fields).find((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown !== undefined) return error(`${unknown}: unknown field (fields: ${FIELDS.join(', ')})`);
  if (defaultRegion !== undefined && fields.region !== undefined && fields.region !== defaultRegion) {
    return error(
      `region: ${JSON.stringify(fields.region)} is not the --region ${JSON.stringify(defaultRegion)}`,
    );
  }
  const regionKey = fields.region ?? defaultRegion ?? DEFAULT_REGION_KEY;
  const region = typeof regionKey === 'string' ? getRegion(regionKey) : undefined;
  if (!region) return error(`region: ${unknownRegion(regionKey)}`);
  const result = obligationPlanView(region, fields);
  return JSON.stringify(result.ok ? result.view : { error: result.error.message });
}
