import { sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it('keeps a readable name with the extension of the real type, and nothing that could break a header or path', () => {
    expect(sanitizeFileName('C:\\Users\\x\\Plan van aanpak.PDF', 'pdf')).toBe('Plan van aanpak.pdf');
    expect(sanitizeFileName('../../etc/passwd', 'odt')).toBe('passwd.odt');
    expect(sanitizeFileName('a"b\r\nc.docx', 'docx')).toBe('abc.docx');
    expect(sanitizeFileName('', 'pdf')).toBe('document.pdf');
  });
});
