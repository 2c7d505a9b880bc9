import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '@overlegtafels/config';
import { CliCommand, CliIo, CliUsageError } from './cli-command';
import { commands } from './commands';

/**
 * Reads the configuration as the service does (REGION_DIR's regions join the built-in ones there)
 * and runs one command. A bad variable, region file or directory is a usage error: exit 2, one line
 * naming the variable, the file and the field, and no command runs.
 */
export async function runConfiguredCli(
  argv: readonly string[],
  io: CliIo,
  env?: Record<string, string | undefined>,
  cwd?: string,
): Promise<number> {
  try {
    // Without `env`, the process's environment and working directory (loadConfig's defaults).
    if (env) loadConfig(env, cwd);
    else loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 2;
  }
  return runCli(argv, io);
}

/** Runs one command among `available`, with the regions already known. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  available: readonly CliCommand[] = commands,
): Promise<number> {
  const [name, ...rest] = argv;
  const command = available.find((c) => c.name === name);
  if (!command) {
    const list = available.map((c) => c.name).join(', ');
    io.err(
      name
        ? `unknown command "${name}" (available: ${list})`
        : `usage: cli <command> [options] (commands: ${list})`,
    );
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(error.message);
      return 2;
    }
    io.err(`${command.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
};

if (require.main === module) {
  // Piped into `head` and the like: the reader has all it wanted, so stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  void runConfiguredCli(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
