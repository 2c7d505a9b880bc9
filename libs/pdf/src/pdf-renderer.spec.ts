import { pdfText } from '@overlegtafels/pdf/testing';
import { renderPdf } from './pdf-renderer';
import { fields, paragraph, PrintDocument, table } from './print-document';
import { toWinAnsi } from './win-ansi';

const NOTICE = 'Vertrouwelijk: dit document valt onder het gedeeld beroepsgeheim (art. 458ter Strafwetboek).';
const createdAt = new Date('2026-11-27T09:00:00Z');

function document(rows: number): PrintDocument {
  return {
    title: 'ICO: agenda van vrijdag 27 november 2026',
    meta: ['09:30–12:00 · agenda definitief'],
    notice: NOTICE,
    sections: [
      {
        heading: 'Overzicht',
        blocks: [
          table(
            [{ header: 'Tijd' }, { header: 'Dossier', weight: 2 }, { header: 'Soort', weight: 2 }],
            Array.from({ length: rows }, (_, i) => [
              `rij ${i + 1}`,
              `CO3-2026-${String(i).padStart(4, '0')}`,
              'Aanmelding',
            ]),
          ),
        ],
      },
      {
        heading: 'Eén gezin, geëvalueerd, naïef',
        blocks: [
          fields([
            ['Gebracht door', 'Eva Wouters, CAW'],
            ['Beslissing', null],
            ['Waarom nu?', 'Een nieuw incident.'],
          ]),
          paragraph('Vraag aan de tafel: is ketenaanpak aangewezen? Çà, “ja” – of niet.'),
          paragraph('De inhoud is niet gedeeld.', true),
        ],
      },
    ],
  };
}

// Drawing and then parsing a 90-row document takes seconds on a busy two-core machine.
jest.setTimeout(20_000);

describe('the PDF renderer', () => {
  // pdfkit is loaded with the first PDF (renderPdf): here, outside the tests' own time limits.
  beforeAll(() => renderPdf(document(1), { createdAt }), 60_000);

  it('draws the title, meta, sections, tables and fields as text a PDF reader extracts, diacritics kept', async () => {
    const pdf = await pdfText(await renderPdf(document(3), { createdAt }));
    expect(pdf.title).toBe('ICO: agenda van vrijdag 27 november 2026');
    expect(pdf.pages).toHaveLength(1);
    const text = pdf.pages[0]!;
    expect(text).toContain('ICO: agenda van vrijdag 27 november 2026');
    expect(text).toContain('09:30–12:00 · agenda definitief');
    expect(text).toContain('Tijd Dossier Soort');
    expect(text).toContain('rij 2 CO3-2026-0001 Aanmelding');
    expect(text).toContain('Eén gezin, geëvalueerd, naïef');
    expect(text).toContain('Gebracht door: Eva Wouters, CAW');
    expect(text).not.toContain('Beslissing');
    expect(text).toContain('Waarom nu? Een nieuw incident.');
    expect(text).toContain('Vraag aan de tafel: is ketenaanpak aangewezen? Çà, “ja” – of niet.');
    expect(text).toContain(NOTICE);
    expect(text).toContain('Pagina 1 van 1');
  });

  it('puts the notice and the page number on every page, repeats the table header, never splits a row', async () => {
    const pdf = await pdfText(await renderPdf(document(90), { createdAt }));
    const count = pdf.pages.length;
    expect(count).toBeGreaterThan(2);
    pdf.pages.forEach((page, i) => {
      expect(page).toContain(NOTICE);
      expect(page).toContain(`Pagina ${i + 1} van ${count}`);
    });
    expect(pdf.pages[1]).toMatch(/^Tijd Dossier Soort rij \d+ /);
    const all = pdf.pages.join(' ');
    for (let i = 1; i <= 90; i++)
      expect(all).toContain(`rij ${i} CO3-2026-${String(i - 1).padStart(4, '0')} Aanmelding`);
  });

  it('turns the page for a wide document, the notice still at its foot', async () => {
    const wide = await renderPdf({ ...document(3), landscape: true }, { createdAt });
    const size = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(wide.toString('latin1'))!;
    expect(Number(size[1])).toBeGreaterThan(Number(size[2]));
    expect((await pdfText(wide)).pages[0]).toContain(NOTICE);
  });

  it('makes the same bytes from the same document and time', async () => {
    const a = await renderPdf(document(2), { createdAt });
    const b = await renderPdf(document(2), { createdAt });
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
  });

  it('keeps WinAnsi text and folds the letters Helvetica cannot draw', () => {
    expect(toWinAnsi('één, ë, ï, ç, “à” – €')).toBe('één, ë, ï, ç, “à” – €');
    expect(toWinAnsi('Yılmaz Doğan, Łukasz Śliwa')).toBe('Yilmaz Dogan, Lukasz Sliwa');
    expect(toWinAnsi('تست\tx\r\ny')).toBe('??? x\ny');
  });
});
