import { spawn } from 'node:child_process';
import path from 'node:path';

export interface PdfText {
  /** The text of each page, whitespace (line ends included) collapsed to single spaces. */
  readonly pages: string[];
  readonly title: string | null;
}

/** The text of a PDF as a reader's PDF viewer extracts it (pdf.js, in a child process). */
export function pdfText(bytes: Buffer | Uint8Array): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'pdf-text.mjs')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`pdf-text exited ${code}: ${Buffer.concat(err).toString()}`));
      const parsed = JSON.parse(Buffer.concat(out).toString('utf8')) as {
        pages: string[];
        title: string | null;
      };
      resolve({ pages: parsed.pages.map((p) => p.replace(/\s+/g, ' ').trim()), title: parsed.title });
    });
    child.stdin.end(Buffer.from(bytes));
  });
}
