import { InputError } from '@overlegtafels/application';
import { sharedFlag } from './shared-flag';

describe('the shared flag of the share form', () => {
  it.each<[unknown, boolean]>([
    [true, true],
    ['true', true],
    ['on', true],
    [false, false],
    ['false', false],
  ])('reads %p as %p', (value, expected) => {
    expect(sharedFlag(value)).toBe(expected);
  });

  it.each([undefined, null, '', 'yes', 1, 0])('refuses %p next to the field', (value) => {
    expect(() => sharedFlag(value)).toThrow(InputError);
    expect(() => sharedFlag(value)).toThrow('shared: Kies of het agendapunt gedeeld wordt (ja of nee).');
  });
});
