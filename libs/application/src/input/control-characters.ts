/**
 * Control characters nobody types into a form: everything below U+0020 except tab, newline and
 * carriage return (a textarea's line ends), and DEL. PostgreSQL cannot even store NUL in text.
 */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

export const controlCharacterMessage = (label: string) =>
  `${label} bevat een onzichtbaar stuurteken (bv. een nulteken); laat het weg.`;

/**
 * Where in a value (a parsed body, the path parameters, the query) a string — or a property
 * name — holds a control character, as a field path (`clients.0.label`); '' for the value itself,
 * undefined when there is none.
 */
export function controlCharacterPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return hasControlCharacter(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (hasControlCharacter(key)) return at;
    const found = controlCharacterPath(inner, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
