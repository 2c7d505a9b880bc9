/** Where a command writes; injected so tests can capture output without touching the process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Lines of standard input, for commands that read a stream (e.g. `placement --stdin`). */
  stdinLines(): AsyncIterable<string>;
}

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Returns the process exit code: 0 ok, 1 failure, 2 bad input (one line on stderr). */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Bad input on the command line: exit code 2 and exactly one line naming the problem. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
