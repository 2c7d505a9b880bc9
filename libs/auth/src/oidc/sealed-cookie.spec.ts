import { CookieSeal } from './sealed-cookie';

describe('CookieSeal', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const later = new Date('2026-03-02T09:10:00Z');
  const seal = new CookieSeal('a-shared-client-secret', 'oidc-flow');

  it('opens what it sealed until its end, and nothing after', () => {
    const sealed = seal.seal({ state: 's1', next: '/dossiers' }, later);
    expect(sealed).not.toContain('s1');
    expect(seal.open(sealed, now)).toEqual({ state: 's1', next: '/dossiers' });
    expect(seal.open(sealed, later)).toBeUndefined();
  });

  it('refuses a changed value, another purpose, another secret and garbage', () => {
    const sealed = seal.seal({ state: 's1' }, later);
    const [iv, body, tag] = sealed.split('.') as [string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(seal.open([iv, flipped.toString('base64url'), tag].join('.'), now)).toBeUndefined();
    expect(new CookieSeal('a-shared-client-secret', 'oidc-logout').open(sealed, now)).toBeUndefined();
    expect(new CookieSeal('another-client-secret!', 'oidc-flow').open(sealed, now)).toBeUndefined();
    for (const junk of [undefined, '', 'a.b', 'a.b.c', 'x'.repeat(9_000), 42])
      expect(seal.open(junk, now)).toBeUndefined();
  });
});
