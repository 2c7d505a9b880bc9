import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A small value the browser keeps for us (the OIDC flow's state, nonce and PKCE verifier; the ID
 * token for the provider's logout), sealed with AES-256-GCM: the browser can neither read nor
 * change it, and every api process opens it with the same key, so no server-side store is needed.
 * The key is derived from a secret all processes share (the OIDC client secret) and a purpose, so
 * a value sealed for one purpose does not open as another.
 */
export class CookieSeal {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'overlegtafels', `cookie-seal:${purpose}`, 32));
  }

  /** `value` with its end (ms since the epoch): opening it after that gives nothing. */
  seal(value: unknown, expiresAt: Date): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const plain = Buffer.from(JSON.stringify({ v: value, e: expiresAt.getTime() }), 'utf8');
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
  }

  /** The sealed value, or undefined when it is missing, changed, sealed for another purpose or expired. */
  open<T>(sealed: unknown, now: Date): T | undefined {
    if (typeof sealed !== 'string' || sealed.length > 8_000) return undefined;
    const parts = sealed.split('.');
    if (parts.length !== 3) return undefined;
    const [iv, body, tag] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
    if (iv.length !== 12 || tag.length !== 16) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      const parsed = JSON.parse(plain) as { v: T; e: number };
      return typeof parsed.e === 'number' && parsed.e > now.getTime() ? parsed.v : undefined;
    } catch {
      return undefined;
    }
  }
}
