import { CliUsageError } from '../cli-command';
import { parseBeheerderArgs } from './beheerder.command';

const FULL = [
  'add',
  '--region',
  'vlaams-brabant',
  '--email',
  'bea@example.be',
  '--name',
  'Bea Beheer',
  '--reason',
  'Eerste beheerder',
];

describe('cli beheerder: the command line', () => {
  it('takes the four options, also as --option=value', () => {
    expect(parseBeheerderArgs(FULL)).toEqual({
      region: 'vlaams-brabant',
      email: 'bea@example.be',
      displayName: 'Bea Beheer',
      reason: 'Eerste beheerder',
    });
    expect(
      parseBeheerderArgs(['add', '--region=x', '--email=a@example.be', '--name=A = B', '--reason=r']),
    ).toEqual({
      region: 'x',
      email: 'a@example.be',
      displayName: 'A = B',
      reason: 'r',
    });
    expect(parseBeheerderArgs(['--help'])).toBe('help');
  });

  it.each([
    [[], /^usage: beheerder add/],
    [['verwijder'], /^unknown subcommand "verwijder"/],
    [FULL.filter((a) => a !== '--reason' && a !== 'Eerste beheerder'), /^--reason is required/],
    [[...FULL, '--region', 'y'], /^--region is given twice/],
    [['add', '--email'], /^--email needs a value/],
    [['add', '--name', '--email', 'a@example.be'], /^--name needs a value/],
    [[...FULL, '--rol', 'admin'], /^unknown option "--rol" \(options: --region, --email, --name, --reason\)/],
    [[...FULL, 'extra'], /^unexpected argument "extra"/],
  ])('refuses %j with one line', (argv, message) => {
    expect(() => parseBeheerderArgs(argv)).toThrow(CliUsageError);
    expect(() => parseBeheerderArgs(argv)).toThrow(message);
  });
});
