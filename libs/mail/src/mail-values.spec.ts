import {
  MailValueError,
  assertHeaderSafe,
  cleanText,
  dossierCode,
  emailAddress,
  formatSender,
  hostName,
  label,
  uuid,
  webLink,
} from './mail-values';

const HOSTILE = [
  'x\r\nATTENDEE:mailto:evil@example.org',
  'a\rBCC: x@example.org',
  'a\nBcc: x@example.org',
  '\\;,',
  'x"; y',
  '<script>alert(1)</script>',
  'a\u2028b',
  'a\u0085b',
  '',
  ' ',
];

describe('brand constructors', () => {
  it('accept the configured and generated values the service uses', () => {
    expect(dossierCode('CO3-2026-0042')).toBe('CO3-2026-0042');
    expect(dossierCode('VH-2027-12345')).toBe('VH-2027-12345');
    for (const l of [
      'Weegploeg',
      'Ronde Tafel',
      'Verkennend casusoverleg (ICO)',
      'Vraag (info- of expertisedeling)',
      'Fundamenteel gewijzigd plan van aanpak',
      'CO3 Antwerpen',
      'Veilig Huis Vlaams-Brabant',
      'Opvolging na de Weegploeg',
      'Zaal 2.14',
    ]) {
      expect(label(l)).toBe(l);
    }
    expect(emailAddress('lotte.vermeulen+ico@caw.example.org')).toBe('lotte.vermeulen+ico@caw.example.org');
    expect(webLink('http://127.0.0.1:3000/zittingen/1')).toBe('http://127.0.0.1:3000/zittingen/1');
    expect(webLink('https://overlegtafels.example.be/agenderen?dossier=CO3-2026-0042&type=plan')).toContain(
      '&type=',
    );
    expect(uuid('6F0C2A8E-4B7D-4C1E-9A3F-2D5E8B1C7A90')).toBe('6f0c2a8e-4b7d-4c1e-9a3f-2d5e8b1c7a90');
    expect(hostName('overlegtafels.example.be')).toBe('overlegtafels.example.be');
  });

  it.each(HOSTILE)('refuse hostile text %j everywhere', (hostile) => {
    expect(() => dossierCode(hostile)).toThrow(MailValueError);
    expect(() => label(hostile)).toThrow(MailValueError);
    expect(() => emailAddress(hostile)).toThrow(MailValueError);
    expect(() => webLink(hostile)).toThrow(MailValueError);
    expect(() => uuid(hostile)).toThrow(MailValueError);
    expect(() => hostName(hostile)).toThrow(MailValueError);
  });

  it('refuse near misses with a stable code', () => {
    expect(() => dossierCode('co3-2026-0042')).toThrow(
      expect.objectContaining({ code: 'INVALID_DOSSIER_CODE' }),
    );
    expect(() => dossierCode('CO3-2026-0042\n')).toThrow(MailValueError);
    expect(() => label('Weegploeg, Antwerpen')).toThrow(expect.objectContaining({ code: 'INVALID_LABEL' }));
    expect(() => label('Weegploeg;')).toThrow(MailValueError);
    expect(() => label('Weeg  ploeg')).toThrow(MailValueError);
    expect(() => label(' Weegploeg')).toThrow(MailValueError);
    expect(() => label('x'.repeat(81))).toThrow(MailValueError);
    expect(() => emailAddress('Lotte <lotte@example.org>')).toThrow(MailValueError);
    expect(() => emailAddress('lotte@example.org, evil@example.org')).toThrow(MailValueError);
    expect(() => emailAddress('lotte..x@example.org')).toThrow(MailValueError);
    expect(() => emailAddress('lotte@localhost')).toThrow(MailValueError);
    expect(() => webLink('javascript:alert(1)')).toThrow(
      expect.objectContaining({ code: 'INVALID_WEB_LINK' }),
    );
    expect(() => webLink('data:text/html,x')).toThrow(MailValueError);
    expect(() => webLink('https://user:pw@example.be/')).toThrow(MailValueError);
    expect(() => webLink('https://example.be/a"onmouseover="x')).toThrow(MailValueError);
    expect(() => webLink('https://example.be/a b')).toThrow(MailValueError);
    expect(() => hostName('Example.BE')).toThrow(MailValueError);
  });

  it('formats the sender as a quoted display name', () => {
    expect(
      formatSender({ address: emailAddress('co3@example.be'), name: label('Verkennend casusoverleg (ICO)') }),
    ).toBe('"Verkennend casusoverleg (ICO)" <co3@example.be>');
  });
});

describe('cleanText', () => {
  it('makes every kind of line break one LF in multi-line text, and keeps paragraphs', () => {
    expect(cleanText('een\r\ntwee\rdrie\nvier\u2028vijf\u2029zes\u0085zeven', { multiline: true })).toBe(
      'een\ntwee\ndrie\nvier\nvijf\nzes\nzeven',
    );
    expect(cleanText('alinea 1\n\n\n\n\nalinea 2   \n', { multiline: true })).toBe('alinea 1\n\nalinea 2');
  });

  it('collapses single-line text to one line', () => {
    expect(cleanText('x\r\nATTENDEE:mailto:evil@example.org')).toBe('x ATTENDEE:mailto:evil@example.org');
    expect(cleanText('a\rBCC: x@example.org')).toBe('a BCC: x@example.org');
    expect(cleanText('\t Lotte\u0000 Vermeulen \u202e')).toBe('Lotte Vermeulen');
  });

  it('keeps characters that are only special elsewhere (escaping is the output’s job)', () => {
    expect(cleanText('\\;,')).toBe('\\;,');
    expect(cleanText('<script>')).toBe('<script>');
  });

  it('limits the length', () => {
    expect(cleanText('x'.repeat(500))).toHaveLength(300);
    expect(cleanText('x'.repeat(50), { maxLength: 10 })).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('assertHeaderSafe', () => {
  it.each(['a\r\nBcc: x@example.org', 'a\rb', 'a\nb', 'a\u2028b', 'a\u0000b', ''])('refuses %j', (v) => {
    expect(() => assertHeaderSafe(v, 'subject')).toThrow(expect.objectContaining({ code: 'UNSAFE_HEADER' }));
  });
  it('passes a normal subject', () => {
    expect(assertHeaderSafe('Weegploeg 1 december 2026 – CO3 Antwerpen', 'subject')).toBe(
      'Weegploeg 1 december 2026 – CO3 Antwerpen',
    );
  });
});
