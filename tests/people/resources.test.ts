// Users, accounts and prospects over HTTP: pages without duplicates or gaps, bad cursors,
// Idempotency-Key replays, unknown fields, and workspace isolation (another workspace's ids are 404).
import { describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { importProspects } from '../../api/services/prospect-import.js';
import { eq } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema.js';
import { createKeyedWorkspace, type KeyedWorkspace, withTestApi, type Problem } from '../support/api.js';
import { type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let app: RelanceApp;
let a: KeyedWorkspace;
let b: KeyedWorkspace;

withTestApi({}, async (w) => {
  ({ db, app, ws: a } = w);
  b = await createKeyedWorkspace(app);
});

type Page<T> = { data: T[]; nextCursor: string | null };
type Prospect = { id: string; email: string; accountId: string | null; status: string; timeZone: string | null; timeZoneExplicit: boolean };
const fields = (p: Problem) => p.errors?.map((e) => e.field);

describe('pagination', () => {
  it('walks every prospect once across pages; filters apply; a bad cursor is a 400 naming query.cursor', async () => {
    // One import: the rows share created_at, so the page order rests on the id tie-break.
    await importProspects(db.db, a.workspaceId, Array.from({ length: 95 }, (_, i) => ({ email: `p${i}@page.test`, companyDomain: i % 2 ? 'odd.test' : 'even.test' })));
    await a.call('POST', '/v1/prospects', { email: 'late@page.test' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: Page<Prospect> } = await a.call<Page<Prospect>>('GET', `/v1/prospects?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((p) => p.email));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(10);
    expect(seen).toHaveLength(96);
    expect(new Set(seen).size).toBe(96);
    expect(seen.at(-1)).toBe('late@page.test');

    const odd = (await a.call<Page<{ id: string }>>('GET', '/v1/accounts?domain=ODD.test')).body.data;
    expect(odd).toHaveLength(1);
    const ofOdd = await a.call<Page<Prospect>>('GET', `/v1/prospects?accountId=${odd[0]!.id}&limit=200`);
    expect(ofOdd.body.data).toHaveLength(47);
    expect(ofOdd.body.nextCursor).toBeNull();
    const one = await a.call<Page<Prospect>>('GET', '/v1/prospects?email=P7@Page.test');
    expect(one.body.data.map((p) => p.email)).toEqual(['p7@page.test']);
    expect((await a.call<Page<Prospect>>('GET', '/v1/prospects?status=opted_out')).body.data).toEqual([]);

    for (const bad of ['nope', Buffer.from(JSON.stringify({ k: 'x', id: 'y' })).toString('base64url'), Buffer.from(JSON.stringify({ k: 1, id: 2 })).toString('base64url')]) {
      const res = await a.call<Problem>('GET', `/v1/prospects?cursor=${bad}`);
      expect([res.status, fields(res.body)]).toEqual([400, ['query.cursor']]);
    }
    const users = await a.call<Problem>('GET', '/v1/users?cursor=nope');
    expect([users.status, fields(users.body)]).toEqual([400, ['query.cursor']]);
    const badStatus = await a.call<Problem>('GET', '/v1/prospects?status=maybe');
    expect([badStatus.status, fields(badStatus.body)]).toEqual([400, ['query.status']]);
  });
});

describe('prospects', () => {
  it('Idempotency-Key: a replay answers the same body, another body with the key is 422', async () => {
    const body = { email: 'idem@globex.test', firstName: 'Idem', timeZone: 'Europe/Paris', account: { name: 'Globex', domain: 'globex.test' } };
    const first = await a.call<Prospect>('POST', '/v1/prospects', body, { 'idempotency-key': 'create-idem-1' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ email: 'idem@globex.test', timeZone: 'Europe/Paris', timeZoneExplicit: true });
    const replay = await a.call<Prospect>('POST', '/v1/prospects', body, { 'idempotency-key': 'create-idem-1' });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const other = await a.call<Problem>('POST', '/v1/prospects', { ...body, firstName: 'Other' }, { 'idempotency-key': 'create-idem-1' });
    expect([other.status, other.body.type, fields(other.body)]).toEqual([422, '/problems/idempotency-key-reused', ['header.idempotency-key']]);
    // Without the key, the same email is a conflict, and emails are case-insensitive.
    const dup = await a.call<Problem>('POST', '/v1/prospects', { ...body, email: 'IDEM@globex.test' });
    expect([dup.status, fields(dup.body)]).toEqual([409, ['body.email']]);
    // Changed to an email or a domain another row has: a 409 naming the field, the row unchanged.
    const second = await a.call<Prospect & { id: string; accountId: string }>('POST', '/v1/prospects', { email: 'second@initech.test', firstName: 'Second', account: { name: 'Initech Idem', domain: 'initech-idem.test' } });
    const taken = await a.call<Problem>('PATCH', `/v1/prospects/${second.body.id}`, { email: 'idem@globex.test' });
    expect([taken.status, fields(taken.body)]).toEqual([409, ['body.email']]);
    expect((await a.call<Prospect>('GET', `/v1/prospects/${second.body.id}`)).body.email).toBe('second@initech.test');
    const domain = await a.call<Problem>('PATCH', `/v1/accounts/${second.body.accountId}`, { domain: 'globex.test' });
    expect([domain.status, fields(domain.body)]).toEqual([409, ['body.domain']]);
  });

  it('Idempotency-Key: a stored answer carrying a one-time secret is sealed at rest, and replayed intact', async () => {
    const first = await a.call<{ key: string }>('POST', '/v1/api-keys', { name: 'robot', role: 'integration' }, { 'idempotency-key': 'key-once-1' });
    expect(first.status).toBe(201);
    const [row] = await db.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'key-once-1'));
    expect(row!.responseBody).not.toContain(first.body.key);
    const replay = await a.call<{ key: string }>('POST', '/v1/api-keys', { name: 'robot', role: 'integration' }, { 'idempotency-key': 'key-once-1' });
    expect([replay.status, replay.body.key, replay.headers.get('idempotent-replayed')]).toEqual([201, first.body.key, 'true']);
  });

  it('unknown fields are 422 naming them', async () => {
    const res = await a.call<Problem>('POST', '/v1/prospects', { email: 'u@globex.test', favouriteColour: 'red', account: { name: 'G', size: 3 } });
    expect(res.status).toBe(422);
    expect(fields(res.body)?.sort()).toEqual(['body.account.size', 'body.favouriteColour']);
    const patch = await a.call<Problem>('PATCH', `/v1/accounts/${crypto.randomUUID()}`, { revenue: 1 });
    expect([patch.status, fields(patch.body)]).toEqual([422, ['body.revenue']]);
  });

  it('GET and PATCH one: the zone is derived or explicit; the account must be of the workspace', async () => {
    const p = (await a.call<Prospect>('POST', '/v1/prospects', { email: 'ny@hooli.test', country: 'US', region: 'NY' })).body;
    expect(p).toMatchObject({ timeZone: 'America/New_York', timeZoneExplicit: false });
    const acc = (await a.call<{ id: string }>('POST', '/v1/accounts', { name: 'Hooli', domain: 'Hooli.test', country: 'us' })).body;
    const patched = await a.call<Prospect & { firstName: string }>('PATCH', `/v1/prospects/${p.id}`, { timeZone: 'America/Chicago', firstName: 'Jordan', accountId: acc.id });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ timeZone: 'America/Chicago', timeZoneExplicit: true, firstName: 'Jordan', accountId: acc.id });
    expect((await a.call<Prospect>('GET', `/v1/prospects/${p.id}`)).body).toEqual(patched.body);
    const badZone = await a.call<Problem>('PATCH', `/v1/prospects/${p.id}`, { timeZone: 'Mars/Olympus' });
    expect([badZone.status, fields(badZone.body)]).toEqual([422, ['body.timeZone']]);
    const foreignAccount = (await b.call<{ id: string }>('POST', '/v1/accounts', { name: 'B corp' })).body;
    const cross = await a.call<Problem>('PATCH', `/v1/prospects/${p.id}`, { accountId: foreignAccount.id });
    expect([cross.status, fields(cross.body)]).toEqual([404, ['body.accountId']]);
    const cleared = await a.call<Prospect>('PATCH', `/v1/prospects/${p.id}`, { accountId: null, timeZone: null });
    expect(cleared.body).toMatchObject({ accountId: null, timeZone: 'America/New_York', timeZoneExplicit: false });
  });
});

describe('users', () => {
  it('lists by role, patches capacity and manager, refuses a management cycle', async () => {
    const boss = (await a.call<{ id: string }>('POST', '/v1/users', { email: 'boss@acme.test', name: 'Claire Boss', role: 'manager' })).body;
    const rep = (await a.call<{ id: string }>('POST', '/v1/users', { email: 'rep@acme.test', name: 'Sam Rep', managerId: boss.id })).body;
    const reps = await a.call<Page<{ id: string; role: string }>>('GET', '/v1/users?role=rep');
    expect(reps.body.data.map((u) => u.id)).toEqual([rep.id]);

    const patched = await a.call<Record<string, unknown>>('PATCH', `/v1/users/${rep.id}`, { timeZone: 'America/New_York', callsPerHour: 6, callBlocks: [{ days: [1, 2], start: '09:00', end: '11:00' }], phone: '+1 212 555 0100' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ timeZone: 'America/New_York', callsPerHour: 6, callBlocks: [{ days: [1, 2], start: '09:00', end: '11:00' }], managerId: boss.id });

    const cycle = await a.call<Problem>('PATCH', `/v1/users/${boss.id}`, { managerId: rep.id });
    expect([cycle.status, fields(cycle.body)]).toEqual([422, ['body.managerId']]);
    const self = await a.call<Problem>('PATCH', `/v1/users/${boss.id}`, { managerId: boss.id });
    expect([self.status, fields(self.body)]).toEqual([422, ['body.managerId']]);
    const badBlock = await a.call<Problem>('PATCH', `/v1/users/${rep.id}`, { callBlocks: [{ start: '25:00', end: '11:00' }] });
    expect(badBlock.status).toBe(422);
    expect(fields(badBlock.body)?.[0]).toMatch(/^body\.callBlocks\.0\.start/);
    // A block ending before it starts (or at the same time) would never match: refused, nothing written.
    const backwards = await a.call<Problem>('PATCH', `/v1/users/${rep.id}`, { callsPerHour: 12, callBlocks: [{ start: '09:00', end: '11:00' }, { start: '18:00', end: '09:00' }] });
    expect([backwards.status, fields(backwards.body)]).toEqual([422, ['body.callBlocks.1.end']]);
    const unchanged = await a.call<Record<string, unknown>>('GET', `/v1/users/${rep.id}`);
    expect(unchanged.body).toMatchObject({ callsPerHour: 6, callBlocks: [{ days: [1, 2], start: '09:00', end: '11:00' }] });
  });
});

describe('workspace isolation', () => {
  it("a key of workspace B gets 404 for workspace A's prospect, account and user", async () => {
    const p = (await a.call<{ id: string; accountId: string }>('POST', '/v1/prospects', { email: 'iso@initech.test', account: { name: 'Initech', domain: 'initech.test' } })).body;
    const u = (await a.call<{ id: string }>('POST', '/v1/users', { email: 'iso@acme.test', name: 'Iso' })).body;
    const k = (await a.call<{ id: string }>('POST', '/v1/api-keys', { name: 'a-ops', role: 'ops' })).body;
    for (const [method, path, body] of [
      ['GET', `/v1/prospects/${p.id}`, undefined],
      ['PATCH', `/v1/prospects/${p.id}`, { firstName: 'Hijack' }],
      ['GET', `/v1/accounts/${p.accountId}`, undefined],
      ['PATCH', `/v1/accounts/${p.accountId}`, { name: 'Hijack' }],
      ['GET', `/v1/users/${u.id}`, undefined],
      ['PATCH', `/v1/users/${u.id}`, { name: 'Hijack' }],
      ['DELETE', `/v1/api-keys/${k.id}`, undefined],
    ] as const) {
      const res = await b.call<Problem>(method, path, body);
      expect([method, path, res.status, res.body.type]).toEqual([method, path, 404, '/problems/not-found']);
    }
    expect((await b.call<Page<unknown>>('GET', '/v1/prospects?email=iso@initech.test')).body.data).toEqual([]);
    expect((await a.call<{ firstName: string | null }>('GET', `/v1/prospects/${p.id}`)).body.firstName).toBeNull();
  });
});
