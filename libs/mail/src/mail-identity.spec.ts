import { mailIdentity, messageIdFor, parseMailFrom } from './mail-identity';

describe('the mail identity from MAIL_FROM', () => {
  it('reads a named sender and a bare address', () => {
    expect(parseMailFrom('CO3 Antwerpen overlegtafels <overlegtafels@example.be>')).toEqual({
      name: 'CO3 Antwerpen overlegtafels',
      address: 'overlegtafels@example.be',
    });
    expect(parseMailFrom('"Veilig Huis" <vh@example.org>')).toEqual({
      name: 'Veilig Huis',
      address: 'vh@example.org',
    });
    expect(parseMailFrom('overleg@example.be')).toEqual({ name: 'overleg', address: 'overleg@example.be' });
  });

  it('refuses what could break a header', () => {
    expect(() => parseMailFrom('X <a@example.be>\r\nBcc: b@example.org')).toThrow();
    expect(() => parseMailFrom('geen adres')).toThrow('not an e-mail address');
  });

  it('uses the sender domain for Message-IDs and calendar UIDs', () => {
    const identity = mailIdentity('CO3 <overleg@example.be>', 'CO3 Antwerpen');
    expect(identity.uidHost).toBe('example.be');
    expect(identity.region).toBe('CO3 Antwerpen');
    expect(messageIdFor(identity.uidHost, 'abc')).toBe('<abc@example.be>');
  });
});
