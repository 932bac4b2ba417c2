// Replies read over IMAP, against a real Dovecot, a real worker and the real inbound-mail path:
// messages APPENDed to a rep's mailbox stop a cadence (reply, bounce) or pause it (out-of-office),
// in INBOX through IDLE and in Junk through polling; a watcher killed and started again misses
// nothing and applies nothing twice; a restarted IMAP server is reconnected; a rebuilt folder (new
// UIDVALIDITY) is read again without applying anything twice; two workers never watch one mailbox.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { events, inboundReceipts, mailboxes, mailboxImapFolders, mailboxWatchLeases } from '../../db/schema.js';
import { startImapWatchers, type ImapWatchersConfig } from '../../runtime/imap-watchers.js';
import { LOOPBACK_ALLOWED, testSecurity } from '../support/security.js';
import { onPglite } from '../support/db.js';
import { startTestImapServer, type ImapUser, type TestImapServer } from '../../scripts/lib/dovecot.js';
import { startMailWorld, type MailWorld } from './world.js';
import { until } from '../support/until.js';
import { FAST_WATCHERS, replyMail, whileWatching } from './imap-watching.js';

const sam: ImapUser = { username: 'sam@acme.test', password: 'imap-sam-1' };
const ann: ImapUser = { username: 'ann@acme.test', password: 'imap-ann-1' };
const bob: ImapUser = { username: 'bob@acme.test', password: 'imap-bob-1' };
const cy: ImapUser = { username: 'cy@acme.test', password: 'imap-cy-1' };
let imap: TestImapServer;
let w: MailWorld;
let samBox: string;

type ImapView = { status: string; detail: string | null; checkedAt: string | null };
const watch = (o: ImapWatchersConfig & { holder?: string } = {}) => startImapWatchers({ ...FAST_WATCHERS, ...o, db: w.db.db, temporal: w.temporal.client, secrets: testSecurity.secrets, allowList: LOOPBACK_ALLOWED });
const NEWSLETTER_ID = '<news.202602@globex.test>';
const corpus = (name: string) => readFileSync(new URL(`./corpus/${name}`, import.meta.url));
const reply = replyMail;
const eventsOf = (prospectId: string, type: string) => w.db.db.select().from(events).where(and(eq(events.prospectId, prospectId), eq(events.type, type)));

const imapView = async (id: string) => (await w.ws.call<{ imap: ImapView }>('GET', `/v1/mailboxes/${id}`)).body.imap;

async function addMailbox(user: ImapUser, password = user.password): Promise<string> {
  const res = await w.ws.call<{ id: string }>('POST', '/v1/mailboxes', {
    userId: w.repId,
    address: user.username,
    provider: 'smtp',
    smtp: { host: '127.0.0.1', port: 2525, username: user.username, password: 'smtp-unused' },
    imap: { host: imap.host, port: imap.port, secure: false, username: user.username, password },
  });
  if (res.status !== 201) throw new Error(`mailbox: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A prospect in an active cadence whose email left as `messageId`. */
async function cadence(email: string, messageId: string) {
  const p = await w.addProspect(email);
  const e = await w.enroll(p.id);
  await w.enrollmentWhen(e, 'active');
  const touchId = await w.sentTouch(e, p.id, messageId, email);
  return { prospectId: p.id, enrollmentId: e, touchId };
}

beforeAll(async () => {
  imap = await startTestImapServer([sam, ann, bob, cy]);
  w = await startMailWorld({ autoReplyPauseDays: 2 }, { allowList: LOOPBACK_ALLOWED });
  samBox = await addMailbox(sam);
});
afterAll(async () => {
  await w?.stop();
  await imap?.close();
});

describe('replies over IMAP', () => {
  it('a reply APPENDed to INBOX stops the cadence through IDLE, without waiting for the next poll', async () => {
    const c = await cadence('marie@globex.test', '<touch.hr2@relance.acme.test>');
    const watchers = watch({ pollMs: 120_000 });
    try {
      await until('first read', () => imapView(samBox), (v) => v.status === 'reading');
      await imap.deliver(sam, corpus('human-reply-en.eml'));
      expect(await w.enrollmentWhen(c.enrollmentId, 'stopped')).toMatchObject({ stopReason: 'replied' });
      expect(await eventsOf(c.prospectId, 'prospect.replied')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ source: 'imap', touchId: c.touchId, mailboxId: samBox, messageId: '<CAhuman.1@mail.gmail.com>' }) })]);
    } finally {
      await watchers.stop();
    }
  });

  it('an out-of-office in Junk pauses a cadence (polling), a bounce in INBOX stops another and invalidates the address', async () => {
    const ooo = await cadence('oliver@dickens.test', '<touch.ol1@relance.acme.test>');
    const bounced = await cadence('nobody@globex.test', '<touch.abc@relance.acme.test>');
    await imap.deliver(sam, corpus('outlook-ooo-en.eml'), 'Junk');
    await imap.deliver(sam, corpus('postfix-user-unknown.eml'));
    await whileWatching(watch, async () => {
      expect(await w.enrollmentWhen(ooo.enrollmentId, 'paused')).toMatchObject({ status: 'paused' });
      expect(await w.enrollmentWhen(bounced.enrollmentId, 'stopped')).toMatchObject({ stopReason: 'bounced' });
      expect(await eventsOf(bounced.prospectId, 'email.bounced')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ kind: 'hard', status: '5.1.1', touchId: bounced.touchId }) })]);
      expect(await eventsOf(ooo.prospectId, 'prospect.auto_replied')).toHaveLength(1);
      const folders = await w.db.db.select().from(mailboxImapFolders).where(eq(mailboxImapFolders.mailboxId, samBox));
      expect(folders.map((f) => f.folder).sort()).toEqual(['INBOX', 'Junk']);
    });
  });

  it('the same Message-ID arriving again (another folder, the webhook) is applied once', async () => {
    const c = await cadence('pierre@curie.test', '<touch.dup@relance.acme.test>');
    const mail = reply('pierre@curie.test', '<touch.dup@relance.acme.test>', '<dup.1@curie.test>');
    await whileWatching(watch, async () => {
      await imap.deliver(sam, mail);
      const junkUid = await imap.deliver(sam, mail, 'Junk');
      await w.enrollmentWhen(c.enrollmentId, 'stopped');
      const hook = await w.deliver<{ applied: boolean; reason: string }>({ type: 'raw', mime: Buffer.from(mail).toString('base64') });
      expect(hook.body).toMatchObject({ applied: false, reason: 'this email was already received' });
      const junk = () => w.db.db.select().from(mailboxImapFolders).where(and(eq(mailboxImapFolders.mailboxId, samBox), eq(mailboxImapFolders.folder, 'Junk')));
      await until('Junk read', junk, (rows) => (rows[0]?.lastUid ?? 0) >= junkUid);
      expect(await eventsOf(c.prospectId, 'prospect.replied')).toHaveLength(1);
      expect(await w.db.db.select().from(inboundReceipts).where(eq(inboundReceipts.messageId, '<dup.1@curie.test>'))).toHaveLength(1);
    });
  });

  it('list mail is read past without applying anything or keeping a receipt', async () => {
    await whileWatching(watch, async () => {
      const uid = await imap.deliver(sam, corpus('newsletter.eml'));
      const inbox = () => w.db.db.select().from(mailboxImapFolders).where(and(eq(mailboxImapFolders.mailboxId, samBox), eq(mailboxImapFolders.folder, 'INBOX')));
      await until('INBOX read past it', inbox, (rows) => (rows[0]?.lastUid ?? 0) >= uid);
      expect(await w.db.db.select().from(inboundReceipts).where(eq(inboundReceipts.messageId, NEWSLETTER_ID))).toEqual([]);
    });
  });

  it('a watcher killed (or stopped) and started again misses nothing and applies nothing twice', async () => {
    const before = await cadence('ada@lovelace.test', '<touch.k1@relance.acme.test>');
    const during = await cadence('alan@turing.test', '<touch.k2@relance.acme.test>');
    let stopFirst: () => Promise<void>;
    if (onPglite()) {
      // PGlite serves one process: the watchers stop and start again within it.
      const first = watch({ holder: 'first' });
      stopFirst = first.stop;
    } else {
      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../support/imap-watcher-process.ts', import.meta.url))], {
        env: { ...process.env, DATABASE_URL: w.db.url, TEMPORAL_ADDRESS: inject('temporalAddress'), IMAP_HOLDER: 'first', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1/32' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      stopFirst = async () => {
        child.kill('SIGKILL');
        await exited;
      };
    }
    await until('the first worker holds the lease', () => w.db.db.select().from(mailboxWatchLeases).where(eq(mailboxWatchLeases.mailboxId, samBox)), (rows) => rows[0]?.holder === 'first');
    await imap.deliver(sam, reply('ada@lovelace.test', '<touch.k1@relance.acme.test>'));
    await w.enrollmentWhen(before.enrollmentId, 'stopped');
    await stopFirst();
    // Arrives while nobody watches.
    const uid = await imap.deliver(sam, reply('alan@turing.test', '<touch.k2@relance.acme.test>'));
    const second = watch({ holder: 'second' });
    try {
      expect(await w.enrollmentWhen(during.enrollmentId, 'stopped')).toMatchObject({ stopReason: 'replied' });
      const [lease] = await w.db.db.select().from(mailboxWatchLeases).where(eq(mailboxWatchLeases.mailboxId, samBox));
      expect(lease!.holder).toBe('second');
      const [inbox] = await w.db.db.select().from(mailboxImapFolders).where(and(eq(mailboxImapFolders.mailboxId, samBox), eq(mailboxImapFolders.folder, 'INBOX')));
      expect(inbox!.lastUid).toBeGreaterThanOrEqual(uid);
      expect(await eventsOf(before.prospectId, 'prospect.replied')).toHaveLength(1);
      expect(await eventsOf(during.prospectId, 'prospect.replied')).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('an IMAP server restarted mid-watch is reconnected: the mailbox shows the failure, then reads again', async () => {
    const c = await cadence('grace@hopper.test', '<touch.rs1@relance.acme.test>');
    await whileWatching(watch, async () => {
      await until('reading', () => imapView(samBox), (v) => v.status === 'reading');
      await imap.stop();
      try {
        // A busy machine takes a while to notice the dropped IDLE connection and fail to reconnect.
        expect(await until('failing', () => imapView(samBox), (v) => v.status === 'failing', 45_000)).toMatchObject({ detail: expect.stringMatching(/cannot be reached|reading the mailbox failed/) });
      } finally {
        // The server comes back whatever happened: the next tests read from it.
        await imap.start();
      }
      await imap.deliver(sam, reply('grace@hopper.test', '<touch.rs1@relance.acme.test>'));
      expect(await w.enrollmentWhen(c.enrollmentId, 'stopped')).toMatchObject({ stopReason: 'replied' });
      await until('reading again', () => imapView(samBox), (v) => v.status === 'reading');
    });
  }, 120_000);

  it('a rebuilt folder (new UIDVALIDITY) is read again: new mail applied, earlier mail not applied twice', async () => {
    const old = await cadence('emmy@noether.test', '<touch.uv1@relance.acme.test>');
    const fresh = await cadence('sophie@germain.test', '<touch.uv2@relance.acme.test>');
    const oldMail = reply('emmy@noether.test', '<touch.uv1@relance.acme.test>', '<uv.old@noether.test>');
    await whileWatching(watch, async () => {
      await imap.deliver(sam, oldMail, 'Junk');
      await w.enrollmentWhen(old.enrollmentId, 'stopped');
      const junk = () => w.db.db.select().from(mailboxImapFolders).where(and(eq(mailboxImapFolders.mailboxId, samBox), eq(mailboxImapFolders.folder, 'Junk')));
      const [before] = await until('Junk read', junk, (rows) => rows[0] !== undefined && rows[0].lastUid > 0);
      await imap.rebuildFolder(sam, 'Junk');
      await imap.deliver(sam, oldMail, 'Junk');
      await imap.deliver(sam, reply('sophie@germain.test', '<touch.uv2@relance.acme.test>'), 'Junk');
      expect(await w.enrollmentWhen(fresh.enrollmentId, 'stopped')).toMatchObject({ stopReason: 'replied' });
      const [after] = await until('Junk read again', junk, (rows) => rows[0]!.uidValidity !== before!.uidValidity && rows[0]!.lastUid === 2);
      expect(after!.lastUid).toBe(2);
      expect(await eventsOf(old.prospectId, 'prospect.replied')).toHaveLength(1);
    });
  });

  it('a refused login shows on the mailbox; new credentials restart its watcher', async () => {
    const box = await addMailbox(ann, 'wrong-password');
    const c = await cadence('rosalind@franklin.test', '<touch.ann1@relance.acme.test>');
    await whileWatching(watch, async () => {
      expect(await until('refused', () => imapView(box), (v) => v.status === 'failing')).toMatchObject({ detail: 'the IMAP server refused the login: check the username and password' });
      const put = await w.ws.call('PUT', `/v1/mailboxes/${box}/credentials`, { imap: { host: imap.host, port: imap.port, secure: false, username: ann.username, password: ann.password } });
      expect(put.status).toBe(200);
      await until('reading', () => imapView(box), (v) => v.status === 'reading');
      await imap.deliver(ann, reply('rosalind@franklin.test', '<touch.ann1@relance.acme.test>'));
      expect(await w.enrollmentWhen(c.enrollmentId, 'stopped')).toMatchObject({ stopReason: 'replied' });
    });
  });

  it('stopping the watchers closes a connection still waiting for the server\'s greeting', async () => {
    // A server that accepts and never speaks: the client would wait for its 20 s greeting timeout.
    const sockets: Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    const res = await w.ws.call<{ id: string }>('POST', '/v1/mailboxes', {
      userId: w.repId, address: 'mute@acme.test', provider: 'smtp', smtp: { host: '127.0.0.1', port: 2525, username: 'mute@acme.test', password: 'x' },
      imap: { host: '127.0.0.1', port, secure: false, username: 'mute@acme.test', password: 'y' },
    });
    const watchers = watch();
    try {
      await until('connecting', async () => sockets.length, (count) => count > 0);
      const closed = new Promise((r) => sockets[0]!.once('close', r));
      const t = Date.now();
      await watchers.stop();
      await closed;
      expect(Date.now() - t).toBeLessThan(10_000);
    } finally {
      await w.ws.call('PATCH', `/v1/mailboxes/${res.body.id}`, { status: 'disabled' });
      silent.close();
      for (const s of sockets) s.destroy();
    }
  });

  it('two workers share the mailboxes, never watching one twice; the one left takes over the other\'s', async () => {
    await addMailbox(bob);
    await addMailbox(cy);
    const total = (await w.db.db.select().from(mailboxes)).filter((m) => m.status !== 'disabled').length;
    const a = watch({ holder: 'a', maxWatchers: total - 1 });
    await until('a at its bound', async () => a.watching().length, (count) => count === total - 1);
    const b = watch({ holder: 'b' });
    let aStopped = false;
    try {
      await until('all watched', async () => [...a.watching(), ...b.watching()], (ids) => ids.length >= total);
      expect(a.watching()).toHaveLength(total - 1);
      expect(b.watching()).toHaveLength(1);
      expect(new Set([...a.watching(), ...b.watching()]).size).toBe(total);
      const leases = await w.db.db.select().from(mailboxWatchLeases);
      expect(leases.filter((l) => l.holder === 'b').map((l) => l.mailboxId)).toEqual(b.watching());
      expect(leases.filter((l) => l.holder === 'a').map((l) => l.mailboxId).sort()).toEqual(a.watching().sort());
      await a.stop();
      aStopped = true;
      await until('b watches all', async () => b.watching().length, (count) => count === total);
    } finally {
      if (!aStopped) await a.stop();
      await b.stop();
    }
    expect(await w.db.db.select().from(mailboxWatchLeases)).toEqual([]);
  });
});
