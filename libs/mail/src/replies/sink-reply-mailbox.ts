import {
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  closeSync,
  readdirSync,
  renameSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { OpenReplyMailbox } from './reply-mailbox';

/** The header block is all a look at the recipients needs. */
const HEAD_BYTES = 16 * 1024;

/**
 * The default mode's organiser mailbox: the messages the local sink caught that are addressed to
 * the region's own mailbox (an answer a person sent to an invitation), so the demo shows replies
 * becoming attendance through the same processor as production. A handled message is moved to a
 * subfolder of the sink (Verwerkt, Geweigerd); the other mail of the sink is never touched.
 */
export class SinkReplyMailbox {
  constructor(
    private readonly dir: string,
    /** The organiser addresses of the installation (one per region): a reply to any is read. */
    private readonly organisers: readonly string[],
  ) {}

  async open<T>(work: (mailbox: OpenReplyMailbox) => Promise<T>): Promise<T> {
    const file = (id: string) => {
      if (!/^[\w.-]+\.eml$/.test(id)) throw new Error('not a message of the sink');
      return path.join(this.dir, id);
    };
    return work({
      list: async () => {
        mkdirSync(this.dir, { recursive: true });
        return readdirSync(this.dir)
          .filter((f) => f.endsWith('.eml') && this.addressedToOrganiser(path.join(this.dir, f)))
          .sort()
          .map((f) => ({ id: f, size: statSync(path.join(this.dir, f)).size }));
      },
      read: async (id) => readFileSync(file(id)),
      moveTo: async (id, folder) => {
        mkdirSync(path.join(this.dir, folder), { recursive: true });
        renameSync(file(id), path.join(this.dir, folder, id));
      },
    });
  }

  private addressedToOrganiser(file: string): boolean {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
      const head =
        buffer
          .subarray(0, read)
          .toString('latin1')
          .split(/\r?\n\r?\n/)[0] ?? '';
      const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
      const to = unfolded.split(/\r?\n/).filter((l) => /^(to|cc):/i.test(l));
      const wanted = this.organisers.map((o) => o.toLowerCase());
      return to.some((l) => wanted.some((w) => l.toLowerCase().includes(w)));
    } finally {
      closeSync(fd);
    }
  }
}
