import { z } from 'zod';
import { controlCharacterPath, hasControlCharacter } from './control-characters';
import { optionalText, text } from './input-fields';
import { parseInput } from './parse-input';

describe('control characters in typed text', () => {
  it('refuses NUL, escape and DEL, and keeps tab and line ends (a textarea sends CRLF)', () => {
    expect(['a\u0000b', '\u001b[2J', 'x\u007f', '\u0008'].map(hasControlCharacter)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(hasControlCharacter('regel 1\r\nregel 2\tkolom')).toBe(false);
    expect(hasControlCharacter('Zoë — “geen” stuurteken')).toBe(false);
  });

  it('names the field of a text rule, with its label', () => {
    const schema = z.object({ reason: text('Reden'), note: optionalText('Notitie') });
    expect(() => parseInput(schema, { reason: 'a\u0000b' })).toThrow(
      expect.objectContaining({
        errors: [
          expect.objectContaining({ field: 'reason', message: expect.stringContaining('Reden bevat') }),
        ],
      }),
    );
    expect(() => parseInput(schema, { reason: 'ok', note: 'bel\u0007' })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'note' })] }),
    );
  });

  it('finds the path of the first string or property name that holds one', () => {
    expect(controlCharacterPath({ clients: [{ label: 'A' }, { label: 'B\u0000' }] })).toBe('clients.1.label');
    expect(controlCharacterPath({ checks: { 'x\u0000': true } })).toBe('checks.x\u0000');
    expect(controlCharacterPath('\u0000')).toBe('');
    expect(controlCharacterPath({ fine: ['a', 1, null, true] })).toBeUndefined();
  });
});
