import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

/** Debian's dovecot-imapd (.ci/run installs it). */
export const DOVECOT = '/usr/sbin/dovecot';

/** A private IMAP server for one suite: its own config, port, maildirs and fictitious user. */
export interface TestImapServer {
  readonly url: string;
  readonly user: string;
  readonly password: string;
  /** A connection as the mailbox's user, for APPENDing mail and looking at the folders. */
  client(): Promise<ImapFlow>;
  stop(): Promise<void>;
}

/**
 * `describe` for a suite that needs dovecot: a developer's run without it skips with the reason;
 * in CI (`CI` set) the suite runs and `startDovecot` fails, so a missing server is red.
 */
export function dovecotSuite(title: string, body: () => void): void {
  if (!existsSync(DOVECOT) && !process.env.CI) {
    console.warn(`${title}: skipped, ${DOVECOT} is missing (apt-get install -y dovecot-imapd)`);
    describe.skip(title, body);
    return;
  }
  describe(title, body);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The system user dovecot drops to for mail (the package's own `dovecot` user). */
function mailUser(): { uid: number; gid: number } {
  const [uid, gid] = ['-u', '-g'].map((flag) =>
    Number(execFileSync('id', [flag, 'dovecot'], { encoding: 'utf8' }).trim()),
  );
  return { uid: uid!, gid: gid! };
}

/**
 * Starts dovecot as root with a config of its own in a temporary directory: IMAP only, on
 * 127.0.0.1 and a free port, no TLS (plain login allowed), a passwd-file with one fictitious user,
 * maildirs, base and state directories all in that directory; every other listener off, so it
 * never meets a system dovecot on 143. `stop` ends it and removes the directory.
 */
export async function startDovecot(): Promise<TestImapServer> {
  if (!existsSync(DOVECOT))
    throw new Error(`CI needs ${DOVECOT} for the IMAP tests (.ci/run installs dovecot-imapd)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'ot-dovecot-'));
  const { uid, gid } = mailUser();
  const user = 'overlegtafels@co3.example.be';
  const password = `test-${Math.random().toString(36).slice(2)}`;
  const port = await freePort();
  // mkdtemp makes it 0700: dovecot's unprivileged processes must reach their maildirs inside.
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail', 'home']) mkdirSync(path.join(dir, sub));
  for (const sub of ['mail', 'home']) chownSync(path.join(dir, sub), uid, gid);
  // Read by dovecot's auth worker (not root); a fictitious user of a throwaway server.
  writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    `# A test's private IMAP server (test/support/dovecot.ts)
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = ot-test-${port}
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
first_valid_uid = ${uid}
last_valid_uid = ${uid}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0600
  }
}
`,
  );
  const check = spawnSync(DOVECOT, ['-n', '-c', conf], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`dovecot -n refused the test config: ${check.stderr}`);
  // dovecot forks into the background: its output must not be a pipe that spawnSync waits on.
  const start = spawnSync(DOVECOT, ['-c', conf], { stdio: 'ignore' });
  if (start.status !== 0) {
    const log = existsSync(path.join(dir, 'dovecot.log'))
      ? readFileSync(path.join(dir, 'dovecot.log'), 'utf8')
      : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`dovecot did not start (exit ${start.status}): ${log.slice(-500)}`);
  }
  const pidFile = path.join(dir, 'run', 'master.pid');
  const client = async () => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
    });
    await c.connect();
    return c;
  };
  // Ready when a login works (the listener is up before the auth process).
  for (let attempt = 0; ; attempt++) {
    try {
      await (await client()).logout();
      break;
    } catch (error) {
      if (attempt > 50)
        throw new Error(`dovecot on port ${port} took no login: ${(error as Error).message}`, {
          cause: error,
        });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url: `imap://127.0.0.1:${port}`,
    user,
    password,
    client,
    stop: async () => {
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // already gone
        }
        // Gone when signal 0 no longer reaches it; then nothing writes into the directory.
        for (let i = 0; i < 100; i++) {
          try {
            process.kill(pid, 0);
            // A zombie (no init here reaps the daemon) has ended too.
            if (/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) break;
          } catch {
            break;
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
