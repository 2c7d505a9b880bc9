// Reads a PDF on standard input and writes the text of each page as a JSON array of strings.
// A separate Node process: pdfjs-dist is an ES module with top-level await, which jest's
// CommonJS runtime cannot load.
import { Buffer } from 'node:buffer';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({
  data: new Uint8Array(Buffer.concat(chunks)),
  disableFontFace: true,
  useSystemFonts: false,
  verbosity: 0,
}).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const content = await (await pdf.getPage(n)).getTextContent();
  pages.push(
    content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
  );
}
const info = (await pdf.getMetadata()).info;
process.stdout.write(JSON.stringify({ pages, title: info?.Title ?? null }));
