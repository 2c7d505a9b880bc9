import type { AddressInfo } from 'node:net';
import express from 'express';
import { securityHeaders } from './edge.middleware';

async function headersFrom(publicUrl: string): Promise<Headers> {
  const app = express();
  app.use(securityHeaders(publicUrl));
  app.get('/', (_req, res) => void res.send('ok'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return (await fetch(`http://127.0.0.1:${port}/`)).headers;
  } finally {
    server.close();
  }
}

describe('securityHeaders', () => {
  it('sends HSTS when the service is reached over https (PUBLIC_URL)', async () => {
    const headers = await headersFrom('https://overleg.example.be');
    expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends no HSTS over plain http (the default mode on localhost)', async () => {
    const headers = await headersFrom('http://localhost:3000');
    expect(headers.get('strict-transport-security')).toBeNull();
    expect(headers.get('x-frame-options')).toBe('DENY');
  });
});
