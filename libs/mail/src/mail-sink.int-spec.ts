import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { MailSink } from './mail-sink';
import { MailTransport } from './mail-transport';
import { encodeBody, mimeMessage } from './mime-message';

/** Speaks SMTP up to the middle of a message's data, then resets the connection (a killed sender). */
async function dieInTheMiddleOfAMessage(port: number): Promise<void> {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  const waitFor = (code: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (received.split('\r\n').some((line) => line.startsWith(code))) {
          socket.off('data', onData);
          received = '';
          resolve();
        }
      };
      const onData = (chunk: Buffer) => {
        received += chunk.toString('latin1');
        check();
      };
      socket.on('data', onData);
      socket.once('error', reject);
      check();
    });
  await waitFor('220');
  socket.write('EHLO sender.example.org\r\n');
  await waitFor('250 ');
  socket.write('MAIL FROM:<overlegtafels@example.be>\r\n');
  await waitFor('250');
  socket.write('RCPT TO:<lies.claes@example.org>\r\n');
  await waitFor('250');
  socket.write('DATA\r\n');
  await waitFor('354');
  socket.write('Subject: half\r\n\r\nhalf a message');
  await new Promise((r) => setTimeout(r, 50));
  socket.resetAndDestroy();
  await new Promise((r) => setTimeout(r, 200));
}

describe('the local mail sink', () => {
  it('survives a sender that resets its connection in the middle of a message, and takes the next', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mail-sink-'));
    const sink = new MailSink(dir);
    const port = await sink.start(0);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const transport = new MailTransport(`smtp://127.0.0.1:${port}`);
    try {
      await dieInTheMiddleOfAMessage(port);
      await dieInTheMiddleOfAMessage(port);
      await transport.send(
        mimeMessage({
          from: 'CO3 Antwerpen <overlegtafels@example.be>',
          to: 'lies.claes@example.org',
          subject: 'Testbericht – CO3 Antwerpen',
          messageId: '<after-reset@example.be>',
          date: new Date('2026-11-23T09:00:00Z'),
          body: encodeBody('Het werkt.', null),
        }),
      );
      const caught = await sink.list();
      expect(caught.map((m) => m.subject)).toEqual(['Testbericht – CO3 Antwerpen']);
      expect(warn.mock.calls.map(([message]) => message)).toEqual([
        'a connection ended in the middle of a message (ECONNRESET)',
        'a connection ended in the middle of a message (ECONNRESET)',
      ]);
    } finally {
      warn.mockRestore();
      transport.close();
      await sink.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
