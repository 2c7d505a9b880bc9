import type { Response } from 'express';
import { renderPdf, type PrintDocument } from '@overlegtafels/pdf';

/**
 * Renders a document and sends it as a download: a file name of ids and codes only, and never
 * kept by a browser or proxy cache (the content is under the professional-secrecy exception).
 */
export async function sendPdf(
  res: Response,
  document: PrintDocument,
  fileName: string,
  createdAt: Date,
): Promise<void> {
  if (!/^[a-z0-9-]+\.pdf$/i.test(fileName)) throw new Error(`not a safe PDF file name: ${fileName}`);
  const bytes = await renderPdf(document, { createdAt });
  res
    .status(200)
    .type('application/pdf')
    .setHeader('Content-Disposition', `attachment; filename="${fileName}"`)
    .setHeader('Cache-Control', 'no-store')
    .setHeader('X-Content-Type-Options', 'nosniff')
    .send(bytes);
}

/** The OpenAPI description of a PDF download. */
export const PDF_RESPONSE = {
  status: 200,
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
} as const;
