// Every list decodes its cursor with the shape it issues: a forged cursor, well-formed or not,
// is a 400 naming query.cursor, never a cast error (a 500). The lists come from the OpenAPI
// document (every operation with a `cursor` parameter), so a new list is checked the day it is
// added.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { enrollments, prospects, sequences, users, webhookSubscriptions } from '../../db/schema.js';
import { createKeyedWorkspace, type KeyedWorkspace, createTestApp, offlineTemporal, type Problem } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const cursor = (json: string) => Buffer.from(json).toString('base64url');

let db: TestDatabase;
let app: RelanceApp;
let ws: KeyedWorkspace;
/** A real row for each path parameter of a list, by the parameter's name. */
const pathValues: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  app = createTestApp({ db: db.db, temporal: offlineTemporal('200ms'), taskQueue: 'x' });
  ws = await createKeyedWorkspace(app);
  const w = ws.workspaceId;
  const [rep] = await db.db.insert(users).values({ workspaceId: w, email: 'rep@acme.test', name: 'Sam Rep' }).returning();
  const [prospect] = await db.db.insert(prospects).values({ workspaceId: w, email: 'jane@globex.test' }).returning();
  const [sequence] = await db.db.select().from(sequences).where(sql`${sequences.workspaceId} = ${w}`).limit(1);
  const [enrollment] = await db.db
    .insert(enrollments)
    .values({ workspaceId: w, prospectId: prospect!.id, sequenceId: sequence!.id, sequenceVersion: 1, repId: rep!.id, workflowId: `enrollment:${randomUUID()}`, status: 'active' })
    .returning();
  const [hook] = await db.db.insert(webhookSubscriptions).values({ workspaceId: w, url: 'https://hooks.globex.test/relance', secrets: [] }).returning();
  Object.assign(pathValues, { repId: rep!.id, enrollmentId: enrollment!.id, id: hook!.id, sequenceId: sequence!.id });
});
afterAll(async () => {
  await db?.drop();
});

type Param = { name: string; in: string; required?: boolean; schema?: { enum?: string[]; example?: unknown } };

/** A value for a list's required query parameter (a report's figure, an objection's tag): its first enum value, else a plain word. */
const requiredValue = (p: Param) => String(p.schema?.enum?.[0] ?? p.schema?.example ?? 'price');

/** The path of every list of the document, its parameters filled with real rows and its required query parameters given. */
async function lists(): Promise<string[]> {
  const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: Param[] }>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => {
    const params = ops.get?.parameters ?? [];
    if (!params.some((p) => p.in === 'query' && p.name === 'cursor')) return [];
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!pathValues[name]) throw new Error(`${path}: give the test a row for {${name}}`);
      return pathValues[name]!;
    });
    const required = params.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${encodeURIComponent(requiredValue(p))}&`);
    return [`${filled}?${required.join('')}`];
  });
}

describe('forged cursors', () => {
  const forged: Array<[string, string]> = [
    ['the issue\'s {"k":"x","id":"y"}', cursor('{"k":"x","id":"y"}')],
    ['a string where a serial id goes', cursor('{"k":null,"id":"1"}')],
    ['a fractional id', cursor('{"k":null,"id":1.5}')],
    ['a number where a time or key goes', cursor(`{"k":1,"id":"${randomUUID()}"}`)],
    ['a NUL in the key', cursor(`{"k":"a\\u0000b","id":"${randomUUID()}"}`)],
    ['no JSON at all', 'not-a-cursor!'],
  ];

  it.each(forged)('%s: a 400 naming query.cursor on every list', async (_what, value) => {
    const paths = await lists();
    expect(paths).toEqual(expect.arrayContaining(['/v1/webhooks?', '/v1/sequences?', `/v1/webhooks/${pathValues.id}/deliveries?`]));
    const answers = await Promise.all(paths.map(async (p) => [p, await ws.call<Problem>('GET', `${p}cursor=${encodeURIComponent(value)}`)] as const));
    expect(answers.map(([p, r]) => [p, r.status, r.body.errors?.map((e) => e.field)])).toEqual(paths.map((p) => [p, 400, ['query.cursor']]));
  });

  it('a date JavaScript rolls over (Feb 30) in a time cursor is a 400, not a cast error', async () => {
    const res = await ws.call<Problem>('GET', `/v1/prospects?cursor=${cursor(`{"k":"2027-02-30T08:00:00.000000Z","id":"${randomUUID()}"}`)}`);
    expect([res.status, res.body.errors?.map((e) => e.field)]).toEqual([400, ['query.cursor']]);
  });

  it('the cursors the lists issue still page through them', async () => {
    await db.db.insert(webhookSubscriptions).values({ workspaceId: ws.workspaceId, url: 'https://hooks.globex.test/second', secrets: [] });
    const first = await ws.call<{ data: Array<{ id: string }>; nextCursor: string }>('GET', '/v1/webhooks?limit=1');
    const second = await ws.call<{ data: Array<{ id: string }>; nextCursor: string | null }>('GET', `/v1/webhooks?limit=1&cursor=${first.body.nextCursor}`);
    const seqs = await ws.call<{ data: unknown[]; nextCursor: string }>('GET', '/v1/sequences?limit=1');
    const seqs2 = await ws.call<{ data: unknown[] }>('GET', `/v1/sequences?limit=1&cursor=${seqs.body.nextCursor}`);
    expect([first.status, second.status, seqs2.status]).toEqual([200, 200, 200]);
    expect(second.body.data[0]!.id).not.toBe(first.body.data[0]!.id);
    expect(second.body.nextCursor).toBeNull();
    expect(seqs2.body.data).toHaveLength(1);
  });
});
