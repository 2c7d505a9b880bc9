import { deflateRawSync } from 'node:zlib';
import { detectDocumentKind, zipEntryNames } from './document-type';

/** A small ZIP writer for the tests: entries stored (or deflated), central directory, end record. */
function zip(entries: { name: string; content: string; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const raw = Buffer.from(e.content, 'utf8');
    const data = e.deflate ? deflateRawSync(raw) : raw;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const DOCX = zip([
  { name: '[Content_Types].xml', content: '<Types/>', deflate: true },
  { name: 'word/document.xml', content: '<w:document/>', deflate: true },
]);
const ODT = zip([
  { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' },
  { name: 'content.xml', content: '<office:document-content/>', deflate: true },
]);

describe('detectDocumentKind', () => {
  it('recognises PDF, DOCX and ODT from their bytes', () => {
    expect(detectDocumentKind(Buffer.from('%PDF-1.7\n...'))).toBe('pdf');
    expect(detectDocumentKind(DOCX)).toBe('docx');
    expect(detectDocumentKind(ODT)).toBe('odt');
  });

  it('refuses other content whatever its name would say', () => {
    expect(detectDocumentKind(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toBeUndefined(); // PNG
    expect(detectDocumentKind(Buffer.from('<html><body>%PDF-</body></html>'))).toBeUndefined();
    expect(detectDocumentKind(Buffer.alloc(0))).toBeUndefined();
    // A spreadsheet (ODS) and a plain ZIP are ZIPs too, but not text documents.
    expect(
      detectDocumentKind(
        zip([
          { name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' },
          { name: 'content.xml', content: '<x/>' },
        ]),
      ),
    ).toBeUndefined();
    expect(detectDocumentKind(zip([{ name: 'readme.txt', content: 'hallo' }]))).toBeUndefined();
    // A DOCX cut short loses its central directory and is refused rather than half-read.
    expect(detectDocumentKind(DOCX.subarray(0, DOCX.length - 30))).toBeUndefined();
  });

  it('reads the entry names from the central directory', () => {
    expect([...zipEntryNames(DOCX)!]).toEqual(['[Content_Types].xml', 'word/document.xml']);
  });
});
