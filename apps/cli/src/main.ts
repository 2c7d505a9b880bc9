import { createInterface } from 'node:readline';
import { CliCommand, CliIo, CliUsageError } from './cli-command';
import { commands } from './commands';

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
  void runCli(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
