// eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
const LINE_BREAKING_OR_CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

/** The name shown for a download: no path, no control characters, the extension of its real type. */
export function sanitizeFileName(name: string, kind: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(LINE_BREAKING_OR_CONTROL, '')
    .replace(/["<>|:*?]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 100);
  return `${base || 'document'}.${kind}`;
}
