/**
 * What an uploaded file is, decided from its bytes, never from its name or the browser's claim.
 * Accepted: PDF, DOCX and ODT text documents. DOCX and ODT are ZIP containers; they are told apart
 * by their entries (word/document.xml; the ODF `mimetype` entry), read from the ZIP's central
 * directory so a renamed archive of something else is refused.
 */
export type DocumentKind = 'pdf' | 'docx' | 'odt';

export const DOCUMENT_MIME_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

const ODT_MIMETYPE = DOCUMENT_MIME_TYPES.odt;

export function detectDocumentKind(bytes: Buffer): DocumentKind | undefined {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== 0x04034b50) return undefined;
  const names = zipEntryNames(bytes);
  if (!names) return undefined;
  if (names.has('word/document.xml') && names.has('[Content_Types].xml')) return 'docx';
  if (names.has('content.xml') && names.has('mimetype') && odfMimetype(bytes) === ODT_MIMETYPE) return 'odt';
  return undefined;
}

/** The file names in the ZIP's central directory; undefined when the structure is not sound. */
export function zipEntryNames(bytes: Buffer): Set<string> | undefined {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd === undefined) return undefined;
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (offset + size > eocd) return undefined;
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd > bytes.length) return undefined;
    names.add(bytes.subarray(offset + 46, nameEnd).toString('utf8'));
    offset = nameEnd + extraLength + commentLength;
  }
  return names;
}

function findEndOfCentralDirectory(bytes: Buffer): number | undefined {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) return i;
  }
  return undefined;
}

/** ODF puts an uncompressed `mimetype` entry first; its content names the document type. */
function odfMimetype(bytes: Buffer): string | undefined {
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  const name = bytes.subarray(30, 30 + nameLength).toString('utf8');
  if (name !== 'mimetype' || bytes.readUInt16LE(8) !== 0) return undefined;
  const size = bytes.readUInt32LE(18);
  const start = 30 + nameLength + extraLength;
  return bytes.subarray(start, start + size).toString('ascii');
}
