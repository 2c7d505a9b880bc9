import { createInterface } from 'node:readline';
import { ConfigError, loadConfig, readRegionFiles } from '@overlegtafels/config';
import { registerRegionFile } from '@overlegtafels/regions';
import { CliCommand, CliIo, CliUsageError } from './cli-command';
import { commands } from './commands';

/**
 * Runs one command. `regionDir` (REGION_DIR) adds the regions of that directory's configuration
 * files to the built-in ones first, as the service does; a bad file or directory is a usage error
 * (exit 2, one line naming the file and the field).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  available: readonly CliCommand[] = commands,
  regionDir?: string,
): Promise<number> {
  if (regionDir) {
    try {
      for (const { file, contents } of readRegionFiles(regionDir)) registerRegionFile(contents, file);
    } catch (error) {
      io.err(`REGION_DIR: ${(error as { message?: string }).message ?? String(error)}`);
      return 2;
    }
  }
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
  let regionDir: string | undefined;
  try {
    regionDir = loadConfig().regionDir;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    processIo.err(error.message);
    process.exit(2);
  }
  void runCli(process.argv.slice(2), processIo, commands, regionDir).then((code) => {
    process.exitCode = code;
  });
}
