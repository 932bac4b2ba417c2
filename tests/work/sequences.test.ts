// Sequences over the API: validate without writing, drafts, publishing from the draft,
// archiving (new enrollments refused, 409), paginated listing, unknown fields named.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { sequences, sequenceVersions } from '../../db/schema.js';
import { createKeyedWorkspace, type KeyedWorkspace, createTestApp, type Problem } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestWorker, type TestTemporal } from '../support/temporal.js';

let db: TestDatabase;
let temporal: TestTemporal;
let app: RelanceApp;
let ws: KeyedWorkspace;

type Seq = { sequenceId: string; key: string; name: string; status: string; version: number; publishedAt: string | null; draftVersion?: number | null };

const definition = (key: string, name = 'Quick recap') => ({
  schemaVersion: 1,
  key,
  name,
  steps: [
    { id: 'qualify', type: 'task', title: 'Qualify the account', timing: { kind: 'immediately' } },
    { id: 'recap', type: 'email', timing: { kind: 'immediately' }, template: { subject: 'Hello {{prospect.firstName}}', body: 'About {{context}}.' } },
  ],
});

beforeAll(async () => {
  db = await createTestDatabase();
  temporal = await startTestWorker(db.db);
  app = createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
  ws = await createKeyedWorkspace(app);
});
afterAll(async () => {
  await temporal?.stop();
  await db?.drop();
});

const rowCounts = async () => [(await db.db.select().from(sequences)).length, (await db.db.select().from(sequenceVersions)).length];

describe('sequences', () => {
  it('validate names each wrong field and writes nothing', async () => {
    const before = await rowCounts();
    const bad = definition('bad');
    (bad.steps[0] as Record<string, unknown>).timing = { kind: 'someday' };
    (bad.steps[1] as Record<string, unknown>).type = 'pigeon';
    const res = await ws.call<{ valid: boolean; errors: { field: string }[] }>('POST', '/v1/sequences/validate', { definition: bad });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    const fields = res.body.errors.map((e) => e.field);
    expect(fields.some((f) => f.startsWith('body.definition.steps.0.timing'))).toBe(true);
    expect(fields.some((f) => f.startsWith('body.definition.steps.1'))).toBe(true);
    const ok = await ws.call<{ valid: boolean; errors: unknown[] }>('POST', '/v1/sequences/validate', { definition: definition('fine') });
    expect(ok.body).toEqual({ valid: true, errors: [] });
    expect(await rowCounts()).toEqual(before);
  });

  it('unknown fields are a 422 naming the field', async () => {
    const res = await ws.call<Problem>('POST', '/v1/sequences', { definition: definition('x'), publsh: false });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.field)).toEqual(['body.publsh']);
  });

  it('a draft is edited, then published; enrollments never see a draft', async () => {
    const created = await ws.call<Seq>('POST', '/v1/sequences', { definition: definition('drafty', 'Draft one'), publish: false });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, publishedAt: null });
    const id = created.body.sequenceId;

    const edited = await ws.call<Seq>('PUT', `/v1/sequences/${id}/draft`, { definition: definition('drafty', 'Draft two') });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 1, publishedAt: null });
    const wrongKey = await ws.call<Problem>('PUT', `/v1/sequences/${id}/draft`, { definition: definition('other') });
    expect(wrongKey.status).toBe(422);
    expect(wrongKey.body.errors[0]!.field).toBe('body.definition.key');

    const listed = await ws.call<{ data: Seq[] }>('GET', '/v1/sequences?status=draft');
    expect(listed.body.data.map((s) => [s.key, s.draftVersion])).toEqual([['drafty', 1]]);

    const published = await ws.call<Seq>('POST', `/v1/sequences/${id}/versions`);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ status: 'active', version: 1, name: 'Draft two' });
    expect(published.body.publishedAt).not.toBeNull();
    expect((await ws.call('POST', `/v1/sequences/${id}/versions`)).status).toBe(409);

    // A new draft, then a version published over it: the draft moves after it.
    await ws.call('PUT', `/v1/sequences/${id}/draft`, { definition: definition('drafty', 'Draft three') });
    const v2 = await ws.call<Seq>('POST', `/v1/sequences/${id}/versions`, { definition: definition('drafty', 'Direct v2') });
    expect(v2.body.version).toBe(2);
    const v3 = await ws.call<Seq>('POST', `/v1/sequences/${id}/versions`);
    expect(v3.body).toMatchObject({ version: 3, name: 'Draft three' });

    const detail = await ws.call<{ status: string; versions: { version: number; draft: boolean }[] }>('GET', `/v1/sequences/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.versions.map((v) => [v.version, v.draft])).toEqual([[3, false], [2, false], [1, false]]);
  });

  it('archiving refuses new enrollments with 409', async () => {
    const rep = await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam' });
    const prospect = await ws.call<{ id: string }>('POST', '/v1/prospects', { email: 'marie@globex.test', timeZone: 'UTC' });
    const seq = await ws.call<Seq>('POST', '/v1/sequences', { definition: definition('to-archive') });
    const archived = await ws.call<{ status: string }>('POST', `/v1/sequences/${seq.body.sequenceId}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');
    const refused = await ws.call<{ type: string }>('POST', '/v1/enrollments', { prospectId: prospect.body.id, sequenceId: seq.body.sequenceId, repId: rep.body.id });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('/problems/conflict');
    expect((await ws.call('POST', `/v1/sequences/${seq.body.sequenceId}/versions`, { definition: definition('to-archive') })).status).toBe(409);
    const [row] = await db.db.select().from(sequences).where(eq(sequences.id, seq.body.sequenceId));
    expect(row!.status).toBe('archived');
  });

  it('lists every sequence by key across pages; a bad cursor is a 400', async () => {
    const all = await ws.call<{ data: Seq[] }>('GET', '/v1/sequences?limit=200');
    const keys: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: Seq[]; nextCursor: string | null } } = await ws.call('GET', `/v1/sequences?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      keys.push(...res.body.data.map((s) => s.key));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(keys).toEqual(all.body.data.map((s) => s.key));
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual(expect.arrayContaining(['announced-call', 'drafty', 'to-archive']));
    const bad = await ws.call<Problem>('GET', '/v1/sequences?cursor=%%%');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!.field).toBe('query.cursor');
  });

  it('only ops (and admin) change sequences', async () => {
    const rep = await ws.call<{ id: string }>('POST', '/v1/users', { email: 'lea@acme.test', name: 'Lea' });
    const key = await ws.call<{ key: string }>('POST', '/v1/api-keys', { name: 'rep', role: 'rep', userId: rep.body.id });
    const asRep = ws.as(key.body.key);
    expect((await asRep('POST', '/v1/sequences', { definition: definition('nope') })).status).toBe(403);
    expect((await asRep('GET', '/v1/sequences')).status).toBe(200);
  });
});
