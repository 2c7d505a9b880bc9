import { runCli } from './main';
import { CliCommand, CliIo, CliUsageError } from './cli-command';

function captureIo(): CliIo & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    outLines,
    errLines,
    out: (l) => outLines.push(l),
    err: (l) => errLines.push(l),
    stdinLines: async function* () {},
  };
}

const echo: CliCommand = {
  name: 'echo',
  summary: 'prints its arguments',
  run: async (argv, io) => {
    if (argv.length === 0) throw new CliUsageError('--text is required');
    io.out(argv.join(' '));
    return 0;
  },
};

describe('cli dispatcher', () => {
  it('runs the named command with the remaining arguments', async () => {
    const io = captureIo();
    await expect(runCli(['echo', 'a', 'b'], io, [echo])).resolves.toBe(0);
    expect(io.outLines).toEqual(['a b']);
  });

  it('exits 2 with one line for an unknown command', async () => {
    const io = captureIo();
    await expect(runCli(['nope'], io, [echo])).resolves.toBe(2);
    expect(io.errLines).toEqual(['unknown command "nope" (available: echo)']);
  });

  it('turns a usage error into exit 2 and one line', async () => {
    const io = captureIo();
    await expect(runCli(['echo'], io, [echo])).resolves.toBe(2);
    expect(io.errLines).toEqual(['--text is required']);
  });
});
