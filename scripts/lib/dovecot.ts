// A real IMAP server for the tests and the benchmark: Dovecot (Debian's dovecot-imapd, found or installed by
// scripts/ensure-dovecot.sh), started on its own port with its own configuration and maildirs in
// a throw-away directory. Messages are delivered with a real IMAP APPEND; the server can be
// stopped and started again on the same port and mail (a restart mid-watch), and a folder rebuilt
// (deleted and created again: a new UIDVALIDITY).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './ports.js';
import { runProvisioningScript } from './run-script.js';

export type ImapUser = { username: string; password: string };
export type TestImapServer = {
  host: string;
  port: number;
  /** Appends a message to the user's folder (INBOX by default); its UID. */
  deliver(user: ImapUser, raw: string | Buffer, folder?: string): Promise<number>;
  /** Deletes the folder and creates it again: its UIDVALIDITY changes, its UIDs start over. */
  rebuildFolder(user: ImapUser, folder: string): Promise<void>;
  /** Stops the server (connections drop); start() brings it back on the same port and mail. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
};

/** Plain-text logins on loopback (a test server only), maildirs under the directory; XOAUTH2 too with a token introspection URL. */
function config(dir: string, port: number, uid: string, gid: string, internal: string, login: string, introspectionUrl?: string): string {
  // XOAUTH2 logins: the token is posted to the introspection URL (RFC 7662), which names the user it was issued for.
  const oauth2 = introspectionUrl
    ? `
passdb {
  driver = oauth2
  mechanisms = xoauth2
  args = ${dir}/oauth2.conf.ext
}`
    : '';
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login${introspectionUrl ? ' xoauth2' : ''}
first_valid_uid = 1
first_valid_gid = 1
default_internal_user = ${internal}
default_internal_group = ${internal}
default_login_user = ${login}
# One IMAP process per connection: room for the benchmark's hundreds of watched mailboxes.
default_process_limit = 2000
default_client_limit = 4000${oauth2}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
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
`;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

/** Options: `oauth2IntrospectionUrl`, where Dovecot checks the access tokens of XOAUTH2 logins (a local token server). */
export async function startTestImapServer(users: ImapUser[], o: { oauth2IntrospectionUrl?: string } = {}): Promise<TestImapServer> {
  const dovecot = await runProvisioningScript('ensure-dovecot.sh');
  const dir = mkdtempSync(join(tmpdir(), 'relance-imap-'));
  // Dovecot's own processes (its users when run as root) read the users file and the maildirs.
  chmodSync(dir, 0o755);
  const port = await freePort();
  // As root, Dovecot runs mail sessions as its own user; otherwise everything runs as the caller.
  const root = process.getuid?.() === 0;
  const me = userInfo().username;
  mkdirSync(join(dir, 'home'), { recursive: true });
  if (root) chownSync(join(dir, 'home'), Number(await idOf('-u', 'dovecot')), Number(await idOf('-g', 'dovecot')));
  writeFileSync(join(dir, 'users'), users.map((u) => `${u.username}:{PLAIN}${u.password}::::::`).join('\n') + '\n');
  const conf = join(dir, 'dovecot.conf');
  const introspection = o.oauth2IntrospectionUrl;
  if (introspection) {
    writeFileSync(join(dir, 'oauth2.conf.ext'), [`introspection_mode = post`, `introspection_url = ${introspection}`, 'force_introspection = yes', 'username_attribute = username', 'active_attribute = active', 'active_value = true', ''].join('\n'));
  }
  writeFileSync(conf, root ? config(dir, port, 'dovecot', 'dovecot', 'dovecot', 'dovenull', introspection) : config(dir, port, String(userInfo().uid), String(userInfo().gid), me, me, introspection));
  let child: ChildProcess | null = null;

  const start = async () => {
    child = spawn(dovecot, ['-F', '-c', conf], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await listening(port)) return;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`Dovecot did not start (see ${dir}/dovecot.log)`);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
  };
  const session = async <T>(user: ImapUser, fn: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: user.username, pass: user.password }, logger: false });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout();
    }
  };

  await start();
  return {
    host: '127.0.0.1',
    port,
    deliver: (user, raw, folder = 'INBOX') =>
      session(user, async (c) => {
        const r = await c.append(folder, raw);
        if (!r || r.uid === undefined) throw new Error('APPEND returned no UID');
        return r.uid;
      }),
    rebuildFolder: (user, folder) =>
      session(user, async (c) => {
        await c.mailboxDelete(folder);
        await c.mailboxCreate(folder);
      }),
    stop,
    start,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function idOf(flag: '-u' | '-g', name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('id', [flag, name], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`id ${flag} ${name} exited with ${code}`))));
  });
}
