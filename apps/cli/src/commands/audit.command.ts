import { CliCommand, CliIo, CliUsageError } from '../cli-command';
import { cliConfig } from './cli-config';

const USAGE = "usage: audit verify (recomputes the audit log's hash chain; exit 0 intact, 1 broken)";

/**
 * `audit verify`: walks the audit log in order and recomputes its hash chain. Intact: one line
 * with the number of rows, exit 0. Broken: one line naming the first row that does not hold, exit
 * 1. The database is DATABASE_URL's, or without it the default mode's embedded PostgreSQL (which
 * must be running: `npm start`); reading needs no more than the app role's rights.
 */
export class AuditCommand implements CliCommand {
  readonly name = 'audit';
  readonly summary = "the audit log's hash chain: `audit verify` names the first broken row";

  /** `env` for tests; the process environment otherwise (read by @overlegtafels/config). */
  constructor(private readonly env?: Record<string, string | undefined>) {}

  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = argv;
    if (sub === '--help' || sub === '-h') {
      io.out(USAGE);
      return 0;
    }
    if (sub !== 'verify') {
      throw new CliUsageError(sub === undefined ? USAGE : `unknown subcommand "${sub}"; ${USAGE}`);
    }
    if (rest.length) throw new CliUsageError(`unexpected argument "${rest[0]}"; ${USAGE}`);
    const config = cliConfig(this.env);
    // Loaded here: the CLI's other commands need no database and should not load its client.
    const { derivedAppUrl, embeddedPostgresUrl, verifyAuditChain } =
      await import('@overlegtafels/persistence');
    const url =
      config.databaseUrl ?? derivedAppUrl(embeddedPostgresUrl(config.embeddedPgPort, 'overlegtafels'));
    let report: Awaited<ReturnType<typeof verifyAuditChain>>;
    try {
      report = await verifyAuditChain(url);
    } catch (error) {
      const where = config.databaseUrl
        ? 'DATABASE_URL'
        : "the default mode's embedded PostgreSQL (is `npm start` running?)";
      io.err(`audit verify could not read the audit log from ${where}: ${(error as Error).message}`);
      return 1;
    }
    if (report.broken) {
      io.out(report.broken.message);
      return 1;
    }
    const last = report.last ? `; last row ${report.last.id}, hash ${report.last.hash}` : '';
    io.out(`audit log intact: ${report.rows} rows, each linked to the one before${last}`);
    return 0;
  }
}
