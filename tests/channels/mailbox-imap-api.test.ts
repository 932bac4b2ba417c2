// IMAP settings beside an SMTP mailbox's, through the mailboxes API: stored with the password
// sealed apart (never returned), the SMTP password serving when none is given, the host vetted
// like an SMTP host, validation naming the field, changed or removed alone without touching
// sending, refused on a Gmail mailbox.
import { Client, Connection } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type RelanceApp } from '../../api/app.js';
import { mailboxes } from '../../db/schema.js';
import { testSecurity } from '../support/security.js';
import { parseAllowList } from '../../security/ssrf.js';
import { createKeyedWorkspace, TEST_OPERATOR_TOKEN, type KeyedWorkspace } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let app: RelanceApp;
let ws: KeyedWorkspace;
let samId: string;

type Problem = { status: number; errors?: Array<{ field: string; message: string }> };
type Imap = { host: string; port: number; secure: boolean; username: string; folders?: string[]; hasOwnPassword: boolean; status: string; detail: string | null; checkedAt: string | null };
type Mailbox = { id: string; status: string; updatedAt: string; imap: Imap | null };
const fields = (p: Problem) => p.errors?.map((e) => e.field);
let n = 0;
const smtpBox = (extra: Record<string, unknown> = {}) => {
  const address = `rep${++n}@acme.test`;
  return { userId: samId, address, provider: 'smtp', smtp: { host: '127.0.0.1', port: 2525, username: address, password: 'smtp-pass' }, ...extra };
};
const row = async (id: string) => (await db.db.select().from(mailboxes).where(eq(mailboxes.id, id)))[0]!;

beforeAll(async () => {
  db = await createTestDatabase();
  app = createApp({
    db: db.db,
    temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }),
    taskQueue: 'x',
    operatorToken: TEST_OPERATOR_TOKEN,
    ...testSecurity,
    allowList: parseAllowList('127.0.0.1'),
  });
  ws = await createKeyedWorkspace(app);
  samId = (await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep' })).body.id;
});
afterAll(async () => db?.drop());

describe('IMAP settings of an SMTP mailbox', () => {
  it('are stored with their own password sealed, shown without it, defaults filled, not read yet', async () => {
    const res = await ws.call<Mailbox>('POST', '/v1/mailboxes', smtpBox({ imap: { host: '127.0.0.1', username: 'sam', password: 'imap-pass', folders: ['INBOX', 'Replies'] } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.imap).toEqual({ host: '127.0.0.1', port: 993, secure: true, requireTls: false, username: 'sam', folders: ['INBOX', 'Replies'], hasOwnPassword: true, status: 'pending', detail: null, checkedAt: null });
    expect(JSON.stringify(res.body)).not.toContain('imap-pass');
    const stored = await row(res.body.id);
    expect(stored.imapSealedSecret).not.toContain('imap-pass');
    expect(testSecurity.secrets.open(stored.imapSealedSecret!)).toBe('imap-pass');
    expect(stored.imapSettings).not.toHaveProperty('password');
  });

  it('without a password of its own, the SMTP password serves', async () => {
    const res = await ws.call<Mailbox>('POST', '/v1/mailboxes', smtpBox({ imap: { host: '127.0.0.1', port: 143, secure: false, username: 'sam' } }));
    expect(res.status).toBe(201);
    expect(res.body.imap).toMatchObject({ port: 143, secure: false, hasOwnPassword: false });
    expect((await row(res.body.id)).imapSealedSecret).toBeNull();
    expect((await ws.call<Mailbox>('GET', `/v1/mailboxes/${res.body.id}`)).body.imap).toMatchObject({ host: '127.0.0.1', status: 'pending' });
  });

  it('refuses bad settings with 422 naming the field, and stores nothing', async () => {
    const before = (await db.db.select().from(mailboxes)).length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ host: '127.0.0.1', port: 70000, username: 'sam' }, 'body.imap.port'],
      [{ host: 'imap acme', username: 'sam' }, 'body.imap.host'],
      [{ host: '127.0.0.1' }, 'body.imap.username'],
      [{ host: '127.0.0.1', username: 'sam', folders: ['INBOX', '*'] }, 'body.imap.folders.1'],
      [{ host: '127.0.0.1', username: 'sam', folders: [] }, 'body.imap.folders'],
      [{ host: '127.0.0.1', username: 'sam', tls: true }, 'body.imap.tls'],
    ];
    for (const [imap, field] of cases) {
      const res = await ws.call<Problem>('POST', '/v1/mailboxes', smtpBox({ imap }));
      expect([res.status, fields(res.body)], JSON.stringify(imap)).toEqual([422, [field]]);
    }
    expect(await db.db.select().from(mailboxes)).toHaveLength(before);
  });

  it('refuses an IMAP host that resolves to a private or metadata address (SSRF), as for SMTP', async () => {
    for (const host of ['10.0.0.5', '169.254.169.254', '[::ffff:192.168.1.1]']) {
      const res = await ws.call<Problem>('POST', '/v1/mailboxes', smtpBox({ imap: { host, username: 'sam' } }));
      expect([res.status, fields(res.body)], host).toEqual([422, ['body.imap.host']]);
      expect(res.body.errors![0]!.message).toMatch(/mailboxes may not use/);
    }
  });

  it('are added, changed or removed alone through PUT .../credentials, sending untouched', async () => {
    const created = await ws.call<Mailbox>('POST', '/v1/mailboxes', smtpBox());
    expect(created.body.imap).toBeNull();
    const sealedSmtp = (await row(created.body.id)).sealedSecret;
    const added = await ws.call<Mailbox>('PUT', `/v1/mailboxes/${created.body.id}/credentials`, { imap: { host: '127.0.0.1', username: 'sam', password: 'p1' } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.imap).toMatchObject({ host: '127.0.0.1', hasOwnPassword: true });
    expect((await row(created.body.id)).sealedSecret).toBe(sealedSmtp);
    // A failure shown, then new settings: the failure is cleared until the watcher reads again.
    await db.db.update(mailboxes).set({ imapStatusDetail: 'the IMAP server refused the login: check the username and password' }).where(eq(mailboxes.id, created.body.id));
    expect((await ws.call<Mailbox>('GET', `/v1/mailboxes/${created.body.id}`)).body.imap).toMatchObject({ status: 'failing', detail: expect.stringMatching(/refused the login/) });
    const changed = await ws.call<Mailbox>('PUT', `/v1/mailboxes/${created.body.id}/credentials`, { imap: { host: '127.0.0.1', port: 143, secure: false, username: 'sam2' } });
    expect(changed.body.imap).toMatchObject({ username: 'sam2', hasOwnPassword: false, status: 'pending', detail: null });
    const removed = await ws.call<Mailbox>('PUT', `/v1/mailboxes/${created.body.id}/credentials`, { imap: null });
    expect(removed.body.imap).toBeNull();
    expect(await row(created.body.id)).toMatchObject({ imapSettings: null, imapSealedSecret: null, sealedSecret: sealedSmtp });
    // Neither a password nor IMAP: nothing to do.
    const empty = await ws.call<Problem>('PUT', `/v1/mailboxes/${created.body.id}/credentials`, {});
    expect([empty.status, fields(empty.body)]).toEqual([422, ['body.password']]);
    const unsafe = await ws.call<Problem>('PUT', `/v1/mailboxes/${created.body.id}/credentials`, { imap: { host: '192.168.0.9', username: 'sam' } });
    expect([unsafe.status, fields(unsafe.body)]).toEqual([422, ['body.imap.host']]);
  });

  it("are refused on a Gmail mailbox (its replies are read through the Gmail API)", async () => {
    const gmail = await ws.call<Mailbox>('POST', '/v1/mailboxes', { userId: samId, address: `g${++n}@acme.test`, provider: 'gmail', gmail: { refreshToken: 'rt' } });
    expect(gmail.status).toBe(201);
    const res = await ws.call<Problem>('PUT', `/v1/mailboxes/${gmail.body.id}/credentials`, { imap: { host: '127.0.0.1', username: 'sam' } });
    expect([res.status, fields(res.body)]).toEqual([422, ['body.imap']]);
    const create = await ws.call<Problem>('POST', '/v1/mailboxes', { userId: samId, address: `g${++n}@acme.test`, provider: 'gmail', imap: { host: '127.0.0.1', username: 'sam' } });
    expect(create.status).toBe(422);
  });
});

describe('OAuth2 (XOAUTH2) logins of SMTP and IMAP', () => {
  const grant = (extra: Record<string, unknown> = {}) => ({ tokenUrl: 'http://127.0.0.1:9/token', clientId: 'client-1', clientSecret: 'client-secret-1', refreshToken: 'refresh-token-1', ...extra });
  const oauthBox = (smtp: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => {
    const address = `rep${++n}@acme.test`;
    return { userId: samId, address, provider: 'smtp', smtp: { host: '127.0.0.1', port: 2525, username: address, oauth2: grant(), ...smtp }, ...extra };
  };

  it('are stored with the refresh token and client secret sealed together, shown without them; IMAP may have its own grant', async () => {
    const res = await ws.call<Mailbox & { smtp: Record<string, unknown>; hasCredentials: boolean }>('POST', '/v1/mailboxes', oauthBox({}, { imap: { host: '127.0.0.1', username: 'sam', oauth2: grant({ refreshToken: 'imap-refresh-1', scope: 'https://mail.google.com/' }) } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'connected', hasCredentials: true, smtp: { oauth2: { tokenUrl: 'http://127.0.0.1:9/token', clientId: 'client-1' } } });
    expect(res.body.imap).toMatchObject({ hasOwnPassword: true, oauth2: { tokenUrl: 'http://127.0.0.1:9/token', clientId: 'client-1', scope: 'https://mail.google.com/' } });
    for (const secret of ['client-secret-1', 'refresh-token-1', 'imap-refresh-1']) expect(JSON.stringify(res.body)).not.toContain(secret);
    const stored = await row(res.body.id);
    expect(JSON.stringify(stored.settings)).not.toContain('refresh-token-1');
    expect(JSON.parse(testSecurity.secrets.open(stored.sealedSecret!))).toEqual({ refreshToken: 'refresh-token-1', clientSecret: 'client-secret-1' });
    expect(JSON.parse(testSecurity.secrets.open(stored.imapSealedSecret!))).toEqual({ refreshToken: 'imap-refresh-1', clientSecret: 'client-secret-1' });
  });

  it('refuses bad grants with 422 naming the field, and stores nothing', async () => {
    const before = (await db.db.select().from(mailboxes)).length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [oauthBox({ password: 'p' }), 'body.smtp.oauth2'],
      [oauthBox({ oauth2: grant({ tokenUrl: 'not a url' }) }), 'body.smtp.oauth2.tokenUrl'],
      [oauthBox({ oauth2: grant({ tokenUrl: 'http://oauth.example.com/token' }) }), 'body.smtp.oauth2.tokenUrl'],
      [oauthBox({ oauth2: grant({ tokenUrl: 'https://10.0.0.7/token' }) }), 'body.smtp.oauth2.tokenUrl'],
      [oauthBox({ oauth2: grant({ refreshToken: '' }) }), 'body.smtp.oauth2.refreshToken'],
      [oauthBox({ oauth2: { tokenUrl: 'http://127.0.0.1:9/token', clientId: 'c', refreshToken: 'r' } }), 'body.smtp.oauth2.clientSecret'],
      [oauthBox({ oauth2: grant({ accessToken: 'x' }) }), 'body.smtp.oauth2.accessToken'],
      [oauthBox({}, { imap: { host: '127.0.0.1', username: 'sam', password: 'p', oauth2: grant() } }), 'body.imap.oauth2'],
      [oauthBox({}, { imap: { host: '127.0.0.1', username: 'sam', oauth2: grant({ tokenUrl: 'http://169.254.169.254/token' }) } }), 'body.imap.oauth2.tokenUrl'],
    ];
    for (const [body, field] of cases) {
      const res = await ws.call<Problem>('POST', '/v1/mailboxes', body);
      expect([res.status, fields(res.body)], JSON.stringify(body)).toEqual([422, [field]]);
    }
    expect(await db.db.select().from(mailboxes)).toHaveLength(before);
  });

  it('PUT .../credentials switches an SMTP mailbox to a grant, and a password alone switches it back', async () => {
    const created = await ws.call<Mailbox>('POST', '/v1/mailboxes', smtpBox());
    const address = (await row(created.body.id)).address;
    const toGrant = await ws.call<Mailbox & { smtp: Record<string, unknown> }>('PUT', `/v1/mailboxes/${created.body.id}/credentials`, { smtp: { host: '127.0.0.1', port: 2525, username: address, oauth2: grant({ refreshToken: 'rt-new' }) } });
    expect(toGrant.status, JSON.stringify(toGrant.body)).toBe(200);
    expect(toGrant.body.smtp).toMatchObject({ oauth2: { clientId: 'client-1' } });
    expect(JSON.parse(testSecurity.secrets.open((await row(created.body.id)).sealedSecret!))).toMatchObject({ refreshToken: 'rt-new' });
    const back = await ws.call<Mailbox & { smtp: Record<string, unknown> }>('PUT', `/v1/mailboxes/${created.body.id}/credentials`, { password: 'plain-again' });
    expect(back.status).toBe(200);
    expect(back.body.smtp).not.toHaveProperty('oauth2');
    expect(testSecurity.secrets.open((await row(created.body.id)).sealedSecret!)).toBe('plain-again');
  });
});
