import type PDFKitDocument from 'pdfkit';
import type { PrintBlock, PrintDocument, PrintFields, PrintTable } from './print-document';
import { toWinAnsi } from './win-ansi';

export interface RenderOptions {
  /** The document's creation time (from the injected clock, so the bytes follow from the input). */
  readonly createdAt: Date;
}

const MARGIN = 56;
/** Room at the foot of each page for the notice and the page number. */
const FOOTER = 92;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const TEXT = '#1b1f23';
const MUTED = '#5f6b76';
const CELL_PAD = 4;

type Doc = InstanceType<typeof PDFKitDocument>;

/**
 * pdfkit (and the font machinery under it) is loaded with the first PDF, not with the app: most
 * processes never print, and loading it cost each start-up a quarter of a second of CPU.
 */
let pdfkit: typeof PDFKitDocument | undefined;
async function loadPdfkit(): Promise<typeof PDFKitDocument> {
  pdfkit ??= (await import('pdfkit')).default;
  return pdfkit;
}

/**
 * Draws a PrintDocument as an A4 PDF with pdfkit: title, meta lines, sections of paragraphs,
 * label/value lists and tables (a row is never split over two pages; the header row is repeated
 * on the next page), and on every page the notice and "Pagina i van n".
 */
export async function renderPdf(document: PrintDocument, options: RenderOptions): Promise<Buffer> {
  const PDFDocument = await loadPdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    layout: document.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: FOOTER, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'nl-BE',
    displayTitle: true,
    info: {
      Title: toWinAnsi(document.title),
      Creator: 'Overlegtafels',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  new Drawing(doc).document(document);
  doc.end();
  return done;
}

class Drawing {
  private readonly width: number;

  constructor(private readonly doc: Doc) {
    this.width = doc.page.width - 2 * MARGIN;
  }

  document(d: PrintDocument): void {
    const doc = this.doc;
    doc.font(BOLD).fontSize(16).fillColor(TEXT).text(toWinAnsi(d.title), { width: this.width });
    doc.moveDown(0.3).font(REGULAR).fontSize(10).fillColor(MUTED);
    for (const line of d.meta) doc.text(toWinAnsi(line), { width: this.width });
    doc.fillColor(TEXT);
    for (const section of d.sections) {
      doc.moveDown(0.8);
      this.keepRoom(48);
      doc.font(BOLD).fontSize(12).text(toWinAnsi(section.heading), MARGIN, doc.y, { width: this.width });
      doc.moveDown(0.3);
      for (const block of section.blocks) this.block(block);
    }
    this.footers(toWinAnsi(d.notice));
  }

  private block(block: PrintBlock): void {
    const doc = this.doc;
    doc.font(REGULAR).fontSize(10).fillColor(TEXT);
    if (block.kind === 'paragraph') {
      doc
        .fillColor(block.muted ? MUTED : TEXT)
        .text(toWinAnsi(block.text), MARGIN, doc.y, { width: this.width, paragraphGap: 4 });
      doc.fillColor(TEXT);
    } else if (block.kind === 'fields') this.fields(block);
    else this.table(block);
  }

  private fields(block: PrintFields): void {
    const doc = this.doc;
    for (const [label, value] of block.rows) {
      // A label that asks a question ("Waarom nu?") takes no colon after it.
      const lead = /[?:]$/.test(label) ? `${toWinAnsi(label)} ` : `${toWinAnsi(label)}: `;
      doc.font(BOLD).text(lead, MARGIN, doc.y, { width: this.width, continued: true });
      doc.font(REGULAR).text(toWinAnsi(value), { paragraphGap: 2 });
    }
  }

  private table(block: PrintTable): void {
    const doc = this.doc;
    const total = block.columns.reduce((n, c) => n + (c.weight ?? 1), 0);
    const widths = block.columns.map((c) => (this.width * (c.weight ?? 1)) / total);
    const header = block.columns.map((c) => toWinAnsi(c.header));
    const rows = block.rows.map((r) => block.columns.map((_, i) => toWinAnsi(r[i] ?? '')));
    const usable = doc.page.height - MARGIN - FOOTER;
    doc.fontSize(9);
    const headerHeight = this.rowHeight(header, widths, BOLD);
    const first = rows[0] ? this.rowHeight(rows[0], widths, REGULAR) : 0;
    this.keepRoom(headerHeight + first);
    this.row(header, widths, BOLD, headerHeight, '#eef1f4');
    for (const cells of rows) {
      const height = this.rowHeight(cells, widths, REGULAR);
      if (height + headerHeight > usable) {
        // A row longer than a page cannot stay whole: it is printed as a list instead.
        this.fields({ kind: 'fields', rows: cells.map((c, i) => [header[i]!, c] as const) });
        continue;
      }
      if (doc.y + height > this.bottom()) {
        doc.addPage();
        this.row(header, widths, BOLD, headerHeight, '#eef1f4');
      }
      this.row(cells, widths, REGULAR, height);
    }
    doc.x = MARGIN;
    doc.moveDown(0.5);
  }

  private rowHeight(cells: readonly string[], widths: readonly number[], font: string): number {
    this.doc.font(font);
    const heights = cells.map((c, i) => this.doc.heightOfString(c, { width: widths[i]! - 2 * CELL_PAD }));
    return Math.max(...heights) + 2 * CELL_PAD;
  }

  private row(
    cells: readonly string[],
    widths: readonly number[],
    font: string,
    height: number,
    fill?: string,
  ) {
    const doc = this.doc;
    const top = doc.y;
    if (fill) doc.rect(MARGIN, top, this.width, height).fill(fill).fillColor(TEXT);
    doc.font(font);
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.text(cell, x + CELL_PAD, top + CELL_PAD, { width: widths[i]! - 2 * CELL_PAD });
      x += widths[i]!;
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + this.width, top + height)
      .lineWidth(0.5)
      .strokeColor('#c5ccd3')
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  }

  private bottom(): number {
    return this.doc.page.height - FOOTER;
  }

  /** A heading or a table's first row does not stand alone at the foot of a page. */
  private keepRoom(height: number): void {
    if (this.doc.y + height > this.bottom()) this.doc.addPage();
  }

  private footers(notice: string): void {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      // Drawing inside the bottom margin: without this pdfkit would start a new page.
      const margins = doc.page.margins;
      doc.page.margins = { ...margins, bottom: 0 };
      const y = doc.page.height - FOOTER + 14;
      doc
        .moveTo(MARGIN, y - 6)
        .lineTo(MARGIN + this.width, y - 6)
        .lineWidth(0.5)
        .strokeColor('#c5ccd3')
        .stroke();
      doc.font(REGULAR).fontSize(7.5).fillColor(MUTED).text(notice, MARGIN, y, { width: this.width });
      doc.text(`Pagina ${i - start + 1} van ${count}`, MARGIN, doc.page.height - MARGIN + 14, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      });
      doc.page.margins = margins;
    }
  }
}
