// A real SMTP server inside the test (smtp-server): plain text, AUTH PLAIN/LOGIN checked (XOAUTH2 too, against a token server),
// every accepted message parsed with mailparser. Faults are injected per stage so each way a
// send can end (4xx, 5xx, a connection dropped after the data) is reproduced on the wire.
import { randomUUID } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { MailboxRow } from '../../channels/types.js';
import type { SecretBox } from '../../security/secrets.js';
import { freePort } from '../../scripts/lib/ports.js';
import { mailboxRow } from './mail-rows.js';

export type ReceivedMail = { envelope: { from: string; to: string[] }; raw: Buffer; parsed: ParsedMail; messageId: string | undefined };
export type SmtpFault =
  | { code: number; message?: string; stage: 'mail' | 'rcpt' | 'data'; times?: number /* default 1 */ }
  | { stage: 'drop-after-data'; times?: number /* close the socket after receiving the whole message, without answering: the client cannot know */ };
export type TestSmtpServer = {
  host: string;
  port: number;
  username: string;
  password: string;
  received: ReceivedMail[];
  /** Connections opened so far (pool reuse is visible here). */
  connections: number;
  /** Successful logins so far, by SASL method. */
  logins: Array<{ method: string; username: string }>;
  fail(fault: SmtpFault): void;
  /** Delay before answering each DATA (ms): lets a test kill a sender mid-burst. */
  setDataDelay(ms: number): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
};

/** An SMTP reply error as smtp-server sends it: `<code> <message>`. */
function reply(code: number, message: string | undefined): Error & { responseCode: number } {
  return Object.assign(new Error(message ?? (code >= 500 ? 'Requested action not taken' : 'Try again later')), { responseCode: code });
}

/**
 * A message counts as received once its data is complete, before the (optional) delay and the
 * answer: a client killed or cut off in between cannot know it arrived. That is the case the
 * outbox must mark uncertain rather than send again.
 */
export async function startTestSmtpServer(o: { username?: string; password?: string; oauth2?: { check(username: string, accessToken: string): boolean } } = {}): Promise<TestSmtpServer> {
  const username = o.username ?? 'rep@acme.test';
  const password = o.password ?? 'smtp-test-password';
  const faults: Array<SmtpFault & { left: number }> = [];
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let dataDelay = 0;

  const takeFault = (stage: SmtpFault['stage']) => {
    const fault = faults.find((f) => f.stage === stage && f.left > 0);
    if (fault) fault.left -= 1;
    return fault;
  };
  const replyFault = (stage: 'mail' | 'rcpt' | 'data') => {
    const fault = takeFault(stage);
    return fault && 'code' in fault ? reply(fault.code, fault.message) : null;
  };
  const dropConnection = (session: SMTPServerSession) => {
    for (const conn of server.connections) if (conn.id === session.id) conn._socket.destroy();
  };

  const state = { connections: 0 };
  const logins: TestSmtpServer['logins'] = [];
  const server: SMTPServer = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    // XOAUTH2 with `oauth2`: the access token is checked at the token server that issued it.
    authMethods: o.oauth2 ? ['PLAIN', 'LOGIN', 'XOAUTH2'] : ['PLAIN', 'LOGIN'],
    authOptional: false,
    disableReverseLookup: true,
    closeTimeout: 200,
    logger: false,
    onConnect(_session, callback) {
      state.connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.method === 'XOAUTH2') {
        if (auth.username === username && o.oauth2?.check(username, auth.accessToken ?? '')) {
          logins.push({ method: auth.method, username });
          return callback(null, { user: username });
        }
        return callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' } });
      }
      if (auth.username === username && auth.password === password) {
        logins.push({ method: auth.method, username });
        return callback(null, { user: username });
      }
      callback(reply(535, '5.7.8 Authentication credentials invalid'));
    },
    onMailFrom(_address, _session, callback) {
      callback(replyFault('mail'));
    },
    onRcptTo(_address, _session, callback) {
      callback(replyFault('rcpt'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void (async () => {
          const failure = replyFault('data');
          if (failure) return callback(failure);
          const raw = Buffer.concat(chunks);
          const parsed = await simpleParser(raw);
          const env = session.envelope;
          received.push({
            envelope: { from: env.mailFrom ? env.mailFrom.address : '', to: env.rcptTo.map((r) => r.address) },
            raw,
            parsed,
            messageId: parsed.messageId,
          });
          for (const wake of waiters) wake();
          if (takeFault('drop-after-data')) return dropConnection(session);
          if (dataDelay > 0) await new Promise((r) => setTimeout(r, dataDelay));
          callback(null, `Ok: queued as ${randomUUID()}`);
        })();
      });
    },
  });
  server.on('error', () => {
    /* a client that vanished mid-session: nothing to report */
  });

  const host = '127.0.0.1';
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, host, resolve));

  return {
    host,
    port,
    username,
    password,
    received,
    logins,
    get connections() {
      return state.connections;
    },
    fail(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    setDataDelay(ms) {
      dataDelay = ms;
    },
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          cleanup();
          resolve(received.slice(0, count));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`the test SMTP server received ${received.length} of ${count} messages in ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A mailbox row pointing at the test server, password sealed: what createSmtpSender takes. */
export function smtpMailboxRow(server: Pick<TestSmtpServer, 'host' | 'port' | 'username' | 'password'>, secrets: SecretBox, overrides: Partial<MailboxRow> = {}): MailboxRow {
  const settings = { host: server.host, port: server.port, secure: false, requireTls: false, username: server.username };
  return mailboxRow('smtp', server.username, secrets.seal(server.password), { settings, calendarHolds: false, ...overrides });
}
