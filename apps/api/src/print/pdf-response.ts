import type { Response } from 'express';

/**
 * Sends a generated PDF as a download: a file name of ids and codes only, and never kept by a
 * browser or proxy cache (the content is under the professional-secrecy exception).
 */
export function sendPdf(res: Response, fileName: string, bytes: Buffer): void {
  if (!/^[a-z0-9-]+\.pdf$/i.test(fileName)) throw new Error(`not a safe PDF file name: ${fileName}`);
  res
    .status(200)
    .type('application/pdf')
    .setHeader('Content-Disposition', `attachment; filename="${fileName}"`)
    .setHeader('Cache-Control', 'no-store')
    .setHeader('X-Content-Type-Options', 'nosniff')
    .send(bytes);
}
