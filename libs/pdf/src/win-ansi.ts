/**
 * The PDF's standard fonts (Helvetica) draw WinAnsi (Windows-1252) text: Dutch and French
 * diacritics (é, ë, ï, ç), quotes and dashes are there; Turkish, Polish or Arabic letters are
 * not, and would come out as wrong glyphs. Those lose their accents (ğ → g, ł → l) or become "?".
 */
const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const NO_DECOMPOSITION: Record<string, string> = { ł: 'l', Ł: 'L', ı: 'i', đ: 'd', Đ: 'D' };

function inWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    CP1252_EXTRAS.includes(ch)
  );
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (inWinAnsi(ch)) out += ch;
    else if (NO_DECOMPOSITION[ch]) out += NO_DECOMPOSITION[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base !== ch && [...base].every(inWinAnsi) ? base : '?';
    }
  }
  return out;
}
