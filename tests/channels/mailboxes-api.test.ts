// The mailboxes API on real PostgreSQL: SMTP, Gmail and Microsoft 365 mailboxes with sealed credentials that
// never come back, validation naming fields, SSRF refusals for SMTP hosts, rep isolation, one
// default per rep, live figures, and a reconnection that releases held emails and closes the
// rep's "reconnect" task.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { enrollments, events, mailboxes, prospects, sequences, tasks, touches } from '../../db/schema.js';
import { parseAllowList } from '../../security/ssrf.js';
import { createKeyedWorkspace, TEST_OPERATOR_TOKEN, type Caller, type KeyedWorkspace, createTestApp, offlineTemporal, type Problem } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { testSecurity } from '../support/security.js';

let db: TestDatabase;
let app: RelanceApp;
let ws: KeyedWorkspace;
let samId: string;
let leaId: string;
let asSam: Caller;

type Mailbox = { id: string; userId: string; address: string; status: string; statusDetail: string | null; isDefault: boolean; hasCredentials: boolean; updatedAt: string; smtp: Record<string, unknown> | null };
type Figures = { sentLastHour: number; sentToday: number; scheduled: number; held: number; uncertain: number };
const fields = (p: Problem) => p.errors?.map((e) => e.field);
const smtp = (address: string, userId: string, extra: Record<string, unknown> = {}) => ({
  userId,
  address,
  provider: 'smtp',
  smtp: { host: '127.0.0.1', port: 2525, username: address, password: 'smtp-pass-1' },
  ...extra,
});

beforeAll(async () => {
  db = await createTestDatabase();
  // The API's SMTP host check allows the loopback address, as a test SMTP server would need.
  app = createTestApp({
    db: db.db,
    temporal: offlineTemporal(),
    taskQueue: 'x',
    operatorToken: TEST_OPERATOR_TOKEN,
    allowList: parseAllowList('127.0.0.1'),
  });
  ws = await createKeyedWorkspace(app);
  samId = (await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep' })).body.id;
  leaId = (await ws.call<{ id: string }>('POST', '/v1/users', { email: 'lea@acme.test', name: 'Lea Rep' })).body.id;
  const key = await ws.call<{ key: string }>('POST', '/v1/api-keys', { name: 'Sam', role: 'rep', userId: samId });
  asSam = ws.as(key.body.key);
});
afterAll(async () => db?.drop());

async function row(id: string) {
  return (await db.db.select().from(mailboxes).where(eq(mailboxes.id, id)))[0]!;
}

/** An enrollment of Sam's, so touches and tasks can be seeded on a mailbox. */
async function enrollment(email: string) {
  const [p] = await db.db.insert(prospects).values({ workspaceId: ws.workspaceId, email, firstName: 'P', timeZone: 'UTC' }).returning();
  const [s] = await db.db.select().from(sequences).where(eq(sequences.workspaceId, ws.workspaceId)).limit(1);
  const [e] = await db.db
    .insert(enrollments)
    .values({ workspaceId: ws.workspaceId, prospectId: p!.id, sequenceId: s!.id, sequenceVersion: 1, repId: samId, workflowId: `wf:${p!.id}`, status: 'active' })
    .returning();
  return e!;
}

describe('mailboxes API', () => {
  it('creates SMTP, Gmail and Microsoft 365 mailboxes; credentials are sealed at rest and never returned', async () => {
    const created = await ws.call<Mailbox>('POST', '/v1/mailboxes', smtp('Sam@Acme.test', samId, { displayName: 'Sam at Acme' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ address: 'sam@acme.test', status: 'connected', statusDetail: null, isDefault: true, hasCredentials: true });
    expect(created.body.smtp).toEqual({ host: '127.0.0.1', port: 2525, secure: false, requireTls: false, username: 'Sam@Acme.test' });
    expect(JSON.stringify(created.body)).not.toContain('smtp-pass-1');
    const stored = await row(created.body.id);
    expect(stored.sealedSecret).not.toContain('smtp-pass-1');
    expect(testSecurity.secrets.open(stored.sealedSecret!)).toBe('smtp-pass-1');

    const gmail = await ws.call<Mailbox>('POST', '/v1/mailboxes', { userId: samId, address: 'sam@acme-mail.test', provider: 'gmail', gmail: { refreshToken: '1//refresh-token-xyz' } });
    expect(gmail.status).toBe(201);
    expect(gmail.body).toMatchObject({ provider: 'gmail', status: 'connected', isDefault: false, smtp: null });
    expect(testSecurity.secrets.open((await row(gmail.body.id)).sealedSecret!)).toBe('1//refresh-token-xyz');
    const got = await ws.call<Mailbox & { figures: Figures }>('GET', `/v1/mailboxes/${gmail.body.id}`);
    expect(JSON.stringify(got.body)).not.toContain('refresh-token');

    const m365 = await ws.call<Mailbox>('POST', '/v1/mailboxes', { userId: samId, address: 'sam@acme-m365.test', provider: 'microsoft', microsoft: { refreshToken: '0.AXoA-refresh-token-m365' } });
    expect(m365.status).toBe(201);
    expect(m365.body).toMatchObject({ provider: 'microsoft', status: 'connected', isDefault: false, smtp: null, imap: null, hasCredentials: true });
    expect(JSON.stringify(m365.body)).not.toContain('refresh-token');
    expect((await row(m365.body.id)).sealedSecret).not.toContain('refresh-token');
    expect(testSecurity.secrets.open((await row(m365.body.id)).sealedSecret!)).toBe('0.AXoA-refresh-token-m365');
    const imapOnM365 = await ws.call<Problem>('PUT', `/v1/mailboxes/${m365.body.id}/credentials`, { imap: { host: 'imap.acme.test', port: 993, secure: true, username: 'sam' } });
    expect([imapOnM365.status, fields(imapOnM365.body)]).toEqual([422, ['body.imap']]);

    // Without credentials: visible as disconnected, its emails would wait.
    const bare = await ws.call<Mailbox>('POST', '/v1/mailboxes', { userId: leaId, address: 'lea@acme.test', provider: 'gmail' });
    expect(bare.body).toMatchObject({ status: 'disconnected', statusDetail: 'no credentials', hasCredentials: false, isDefault: true });
  });

  it('refuses bad input with 4xx problems naming the field, and writes nothing', async () => {
    const before = (await db.db.select().from(mailboxes)).length;
    const cases: Array<[unknown, number, string]> = [
      [smtp('not-an-address', samId), 422, 'body.address'],
      [{ ...smtp('x1@acme.test', samId), smtp: { port: 25, username: 'x', password: 'y' } }, 422, 'body.smtp.host'],
      [{ ...smtp('x2@acme.test', samId), smtp: { host: 'smtp://mail.acme.test', username: 'x' } }, 422, 'body.smtp.host'],
      [smtp('x3@acme.test', samId, { dailyCap: 0 }), 422, 'body.dailyCap'],
      [smtp('x4@acme.test', samId, { hourlyCap: 501 }), 422, 'body.hourlyCap'],
      [smtp('x5@acme.test', samId, { dailyCap: 50, hourlyCap: 80 }), 422, 'body.hourlyCap'],
      [smtp('x6@acme.test', samId, { minGapSeconds: -1 }), 422, 'body.minGapSeconds'],
      [smtp('x7@acme.test', crypto.randomUUID()), 422, 'body.userId'],
      [{ ...smtp('x8@acme.test', samId), provider: 'exchange' }, 422, 'body.provider'],
      [smtp('x9@acme.test', samId, { colour: 'red' }), 422, 'body.colour'],
      [smtp('SAM@acme.test', samId), 409, 'body.address'],
      [{ userId: samId, address: 'x10@acme.test', provider: 'microsoft', gmail: { refreshToken: 't' } }, 422, 'body.gmail'],
      [{ userId: samId, address: 'x11@acme.test', provider: 'microsoft', microsoft: { refreshToken: '' } }, 422, 'body.microsoft.refreshToken'],
    ];
    for (const [body, status, field] of cases) {
      const res = await ws.call<Problem>('POST', '/v1/mailboxes', body);
      expect([JSON.stringify(body), res.status, res.headers.get('content-type')]).toEqual([JSON.stringify(body), status, 'application/problem+json']);
      expect(fields(res.body)).toContain(field);
    }
    expect(await db.db.select().from(mailboxes)).toHaveLength(before);
  });

  it.each([
    ['a private address', '10.1.2.3'],
    ['cloud metadata', '169.254.169.254'],
    ['IPv6 loopback', '::1'],
    ['IPv4-compatible IPv6 loopback', '::127.0.0.1'],
    ['IPv4-compatible IPv6 cloud metadata', '::169.254.169.254'],
    ['NAT64 private', '64:ff9b::10.0.0.1'],
  ])('refuses an SMTP host at %s with 422 naming body.smtp.host', async (_what, host) => {
    const res = await ws.call<Problem>('POST', '/v1/mailboxes', { ...smtp('ssrf@acme.test', samId), smtp: { host, port: 587, username: 'u', password: 'p' } });
    expect(res.status).toBe(422);
    expect(fields(res.body)).toEqual(['body.smtp.host']);
  });

  it('a rep key sees and manages only its own mailboxes', async () => {
    const lea = await ws.call<{ data: Mailbox[] }>('GET', `/v1/mailboxes?userId=${leaId}`);
    const leaBox = lea.body.data[0]!;
    const mine = await asSam<{ data: Mailbox[] }>('GET', '/v1/mailboxes');
    expect(mine.status).toBe(200);
    expect(mine.body.data.length).toBeGreaterThan(0);
    expect(mine.body.data.every((m) => m.userId === samId)).toBe(true);
    expect((await asSam('GET', `/v1/mailboxes?userId=${leaId}`)).body).toMatchObject({ data: [] });
    for (const [method, path, body] of [
      ['GET', `/v1/mailboxes/${leaBox.id}`, undefined],
      ['PATCH', `/v1/mailboxes/${leaBox.id}`, { displayName: 'Mine now' }],
      ['PUT', `/v1/mailboxes/${leaBox.id}/credentials`, { refreshToken: 'stolen' }],
      ['DELETE', `/v1/mailboxes/${leaBox.id}`, undefined],
    ] as const) {
      expect([method, (await asSam(method, path, body)).status]).toEqual([method, 404]);
    }
    const forLea = await asSam<Problem>('POST', '/v1/mailboxes', smtp('other@acme.test', leaId));
    expect([forLea.status, fields(forLea.body)]).toEqual([403, ['body.userId']]);
    const own = await asSam<Mailbox>('POST', '/v1/mailboxes', smtp('sam.alt@acme.test', samId));
    expect(own.status).toBe(201);
    const caps = await asSam<Problem>('PATCH', `/v1/mailboxes/${own.body.id}`, { dailyCap: 2000 });
    expect([caps.status, fields(caps.body)]).toEqual([403, ['body.dailyCap']]);
    expect((await asSam<Mailbox>('PATCH', `/v1/mailboxes/${own.body.id}`, { displayName: 'Sam (alt)' })).status).toBe(200);
    expect((await row(leaBox.id)).displayName).toBeNull();
  });

  it('keeps one default per rep: setting one moves it; deleting the default promotes another', async () => {
    const a = await ws.call<Mailbox>('POST', '/v1/mailboxes', smtp('d1@acme.test', leaId));
    const b = await ws.call<Mailbox>('POST', '/v1/mailboxes', smtp('d2@acme.test', leaId, { isDefault: true }));
    expect([a.body.isDefault, b.body.isDefault]).toEqual([false, true]);
    const defaults = async () => (await db.db.select().from(mailboxes).where(and(eq(mailboxes.userId, leaId), eq(mailboxes.isDefault, true)))).map((m) => m.address);
    expect(await defaults()).toEqual(['d2@acme.test']);
    expect((await ws.call<Mailbox>('PATCH', `/v1/mailboxes/${a.body.id}`, { isDefault: true })).body.isDefault).toBe(true);
    expect(await defaults()).toEqual(['d1@acme.test']);
    expect((await ws.call('DELETE', `/v1/mailboxes/${a.body.id}`)).status).toBe(204);
    expect(await defaults()).toEqual(['lea@acme.test']);
    expect((await ws.call('GET', `/v1/mailboxes/${a.body.id}`)).status).toBe(404);
  });

  it('shows live figures, and refuses to delete a mailbox emails still wait on', async () => {
    const m = await ws.call<Mailbox>('POST', '/v1/mailboxes', smtp('figures@acme.test', samId));
    const e = await enrollment('figures@p.test');
    const ago = (min: number) => new Date(Date.now() - min * 60_000);
    const base = { workspaceId: ws.workspaceId, enrollmentId: e.id, prospectId: e.prospectId, channel: 'email', provider: 'smtp', mailboxId: m.body.id };
    await db.db.insert(touches).values([
      { ...base, stepKey: 's#1', status: 'sent', sentAt: ago(10) },
      { ...base, stepKey: 's#2', status: 'sent', sentAt: ago(300) },
      { ...base, stepKey: 's#3', status: 'sent', sentAt: ago(3000) },
      { ...base, stepKey: 's#4', status: 'scheduled', scheduledAt: ago(-60) },
      { ...base, stepKey: 's#5', status: 'uncertain' },
      { ...base, stepKey: 's#6', status: 'failed' },
    ]);
    const got = await ws.call<{ figures: Figures }>('GET', `/v1/mailboxes/${m.body.id}`);
    expect(got.body.figures).toEqual({ sentLastHour: 1, sentToday: 2, scheduled: 1, held: 0, uncertain: 1 });
    // The list carries the same figures for each mailbox of the page (zeros for one with no email).
    const listed = await ws.call<{ data: Array<{ id: string; figures: Figures }> }>('GET', `/v1/mailboxes?userId=${samId}&limit=100`);
    const byId = new Map(listed.body.data.map((x) => [x.id, x.figures]));
    expect(byId.get(m.body.id)).toEqual({ sentLastHour: 1, sentToday: 2, scheduled: 1, held: 0, uncertain: 1 });
    expect([...byId.values()].filter((f) => f.sentToday === 0 && f.scheduled === 0 && f.held === 0).length).toBeGreaterThan(0);
    const refused = await ws.call<Problem>('DELETE', `/v1/mailboxes/${m.body.id}`);
    expect([refused.status, refused.body.type]).toEqual([409, '/problems/conflict']);
    expect(await row(m.body.id)).toBeDefined();
  });

  it('reconnecting releases held emails, closes the reconnect task, and tells the timeline', async () => {
    const m = await ws.call<Mailbox>('POST', '/v1/mailboxes', { userId: samId, address: 'revoked@acme.test', provider: 'gmail', gmail: { refreshToken: 'old-token' } });
    const other = await ws.call<Mailbox>('POST', '/v1/mailboxes', smtp('untouched@acme.test', samId));
    await db.db.update(mailboxes).set({ status: 'disconnected', statusDetail: 'invalid_grant: token revoked' }).where(eq(mailboxes.id, m.body.id));
    const e = await enrollment('held@p.test');
    const base = { workspaceId: ws.workspaceId, enrollmentId: e.id, prospectId: e.prospectId, channel: 'email', provider: 'gmail', status: 'held' as const, scheduledAt: new Date() };
    const [held] = await db.db.insert(touches).values({ ...base, stepKey: 'announce#1', mailboxId: m.body.id }).returning();
    const [elsewhere] = await db.db.insert(touches).values({ ...base, stepKey: 'announce#2', mailboxId: other.body.id }).returning();
    const task = { workspaceId: ws.workspaceId, repId: samId, kind: 'mailbox_disconnected', title: 'Reconnect your mailbox', dueAt: new Date() };
    const [reconnect] = await db.db.insert(tasks).values({ ...task, stepKey: `mailbox:${m.body.id}:1700000000000` }).returning();
    const [otherTask] = await db.db.insert(tasks).values({ ...task, stepKey: `mailbox:${other.body.id}:1700000000000` }).returning();

    const wrong = await ws.call<Problem>('PUT', `/v1/mailboxes/${m.body.id}/credentials`, { password: 'nope' });
    expect([wrong.status, fields(wrong.body)]).toEqual([422, ['body.password']]);
    const missing = await ws.call<Problem>('PUT', `/v1/mailboxes/${m.body.id}/credentials`, {});
    expect([missing.status, fields(missing.body)]).toEqual([422, ['body.refreshToken']]);
    expect((await row(m.body.id)).status).toBe('disconnected');

    const before = await row(m.body.id);
    const res = await ws.call<Mailbox>('PUT', `/v1/mailboxes/${m.body.id}/credentials`, { refreshToken: 'new-token' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'connected', statusDetail: null });
    const after = await row(m.body.id);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(testSecurity.secrets.open(after.sealedSecret!)).toBe('new-token');
    const status = async (id: string) => (await db.db.select().from(touches).where(eq(touches.id, id)))[0]!.status;
    expect([await status(held!.id), await status(elsewhere!.id)]).toEqual(['scheduled', 'held']);
    const taskStatus = async (id: string) => (await db.db.select().from(tasks).where(eq(tasks.id, id)))[0]!.status;
    expect([await taskStatus(reconnect!.id), await taskStatus(otherTask!.id)]).toEqual(['done', 'open']);
    const [event] = await db.db.select().from(events).where(and(eq(events.workspaceId, ws.workspaceId), eq(events.type, 'mailbox.reconnected')));
    expect(event?.payload).toMatchObject({ mailboxId: m.body.id, emailsReleased: 1 });
  });

  it('ops disable a mailbox and re-enable it; one without credentials cannot be re-enabled', async () => {
    const m = await ws.call<Mailbox>('POST', '/v1/mailboxes', smtp('ops@acme.test', leaId));
    const disabled = await ws.call<Mailbox>('PATCH', `/v1/mailboxes/${m.body.id}`, { status: 'disabled', hourlyCap: 40 });
    expect(disabled.body).toMatchObject({ status: 'disabled', statusDetail: 'disabled by ops' });
    // New credentials do not override ops: the mailbox stays disabled until they re-enable it.
    expect((await ws.call<Mailbox>('PUT', `/v1/mailboxes/${m.body.id}/credentials`, { password: 'rotated' })).body).toMatchObject({ status: 'disabled' });
    expect(testSecurity.secrets.open((await row(m.body.id)).sealedSecret!)).toBe('rotated');
    expect((await ws.call<Mailbox>('PATCH', `/v1/mailboxes/${m.body.id}`, { status: 'connected' })).body).toMatchObject({ status: 'connected', statusDetail: null });
    expect((await row(m.body.id)).hourlyCap).toBe(40);
    const bare = await ws.call<Mailbox>('POST', '/v1/mailboxes', { userId: leaId, address: 'bare@acme.test', provider: 'gmail' });
    expect((await ws.call<Problem>('PATCH', `/v1/mailboxes/${bare.body.id}`, { status: 'connected' })).status).toBe(409);
    expect((await row(bare.body.id)).status).toBe('disconnected');
  });
});
