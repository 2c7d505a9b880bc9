import { auditCsvLine, csvCell } from './audit-csv';

describe('the audit export as CSV', () => {
  it('quotes what needs it and defuses what a spreadsheet would run as a formula', () => {
    expect(csvCell('dossier.read')).toBe('dossier.read');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zegt "ja"')).toBe('"zegt ""ja"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe('');
  });

  it('writes one line per row, Brussels time with its offset, the outcome in Dutch, CRLF', () => {
    const line = auditCsvLine({
      id: '42',
      at: new Date('2026-07-01T08:05:03.120Z'),
      actorPersonId: 'p1',
      actorName: 'Lotte Verbeke',
      action: 'dossier.read',
      entityType: 'dossier',
      entityId: 'd1',
      dossierCode: 'CO3-2026-0007',
      route: 'GET /dossiers/:code',
      outcome: 'denied',
      details: { code: 'CO3-2026-0007', status: 403 },
    });
    expect(line).toBe(
      '42;2026-07-01T10:05:03.120+02:00;p1;Lotte Verbeke;dossier.read;geweigerd;CO3-2026-0007;dossier;d1;' +
        'GET /dossiers/:code;"{""code"":""CO3-2026-0007"",""status"":403}"\r\n',
    );
  });
});
