import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { DOCUMENT_MAX_BYTES } from '@overlegtafels/application';

export interface UploadedDocument {
  readonly originalName: string;
  readonly bytes: Buffer;
}

/** What the upload middleware leaves on the request: the file, or why it was refused. */
export interface UploadRequest extends Request {
  upload?: UploadedDocument;
  uploadError?: 'TOO_LARGE' | 'INVALID';
}

const parser = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 60, fieldSize: 64 * 1024, parts: 70 },
}).single('document');

/**
 * Parses multipart forms with one `document` before the guards run, so the CSRF field of a form
 * without JavaScript is read like any other. A refused file does not fail the request: the form
 * comes back with the message next to the field and everything else that was typed.
 */
export function uploadMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'POST' || !req.is('multipart/form-data')) {
    next();
    return;
  }
  parser(req, res, (error?: unknown) => {
    const upload = req as UploadRequest & { file?: { originalname: string; buffer: Buffer } };
    if (error) {
      upload.uploadError = (error as { code?: string }).code === 'LIMIT_FILE_SIZE' ? 'TOO_LARGE' : 'INVALID';
      upload.body ??= {};
    } else if (upload.file && upload.file.buffer.length > 0) {
      upload.upload = { originalName: upload.file.originalname, bytes: upload.file.buffer };
    }
    next();
  });
}

export function uploadFieldError(code: 'TOO_LARGE' | 'INVALID') {
  return {
    field: 'document',
    code,
    message:
      code === 'TOO_LARGE'
        ? 'Het bestand is groter dan 10 MB.'
        : 'Het bestand kon niet gelezen worden; voeg het opnieuw toe.',
  };
}
