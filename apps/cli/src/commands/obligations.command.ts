import { obligationPlanView } from '@overlegtafels/domain';
import { DEFAULT_REGION_KEY, getRegion, listRegions } from '@overlegtafels/regions';
import { CliCommand, CliIo, CliUsageError } from '../cli-command';

const USAGE =
  'usage: obligations --stdin (lines {"region":"co3-antwerpen","casusregieStart":"2026-02-06",' +
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
    let stdin = false;
    for (const arg of argv) {
      if (arg === '--help' || arg === '-h') {
        io.out(USAGE);
        return 0;
      }
      if (arg !== '--stdin') {
        throw new CliUsageError(
          arg.startsWith('-')
            ? `unknown option "${arg}" (options: --stdin)`
            : `unexpected argument "${arg}"; ${USAGE}`,
        );
      }
      if (stdin) throw new CliUsageError('--stdin is given twice');
      stdin = true;
    }
    if (!stdin) throw new CliUsageError('--stdin is required: the dossiers come one JSON object a line');
    for await (const line of io.stdinLines()) io.out(planLine(line));
    return 0;
  }
}

/** One stdin line in, one JSON line out: the plan or `{"error": …}`; never throws. */
export function planLine(line: string): string {
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
  const regionKey = fields.region ?? DEFAULT_REGION_KEY;
  const region = typeof regionKey === 'string' ? getRegion(regionKey) : undefined;
  if (!region) {
    const known = listRegions()
      .map((r) => r.key)
      .join(', ');
    return error(`region: unknown region ${JSON.stringify(regionKey)} (known: ${known})`);
  }
  const result = obligationPlanView(region, fields);
  return JSON.stringify(result.ok ? result.view : { error: result.error.message });
}
