// GET /v1/prospects?q=: a part of the first, last or full name or the email, whatever the case,
// within the caller's workspace only, paginated; LIKE wildcards are taken literally; a blank or
// overlong search is a 400 naming query.q.
import { describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { prospects } from '../../db/schema.js';
import { createKeyedWorkspace, withTestApi, type KeyedWorkspace, type Problem } from '../support/api.js';

type Page = { data: Array<{ email: string | null }>; nextCursor: string | null };

let app: RelanceApp;
let acme: KeyedWorkspace;
let globex: KeyedWorkspace;

withTestApi({}, async (world) => {
  ({ app, ws: acme } = world);
  globex = await createKeyedWorkspace(app);
  await world.db.db.insert(prospects).values([
    { workspaceId: acme.workspaceId, email: 'marie@curie.test', firstName: 'Marie', lastName: 'Curie' },
    { workspaceId: acme.workspaceId, email: 'pierre@curie.test', firstName: 'Pierre', lastName: 'Curie' },
    { workspaceId: acme.workspaceId, email: 'grace@navy.test', firstName: 'Grace', lastName: 'Hopper' },
    { workspaceId: acme.workspaceId, email: 'percent@odd.test', firstName: '50%', lastName: 'Off' },
    { workspaceId: globex.workspaceId, email: 'eve@curie.test', firstName: 'Eve', lastName: 'Curie' },
  ]);
});

const emails = async (ws: KeyedWorkspace, query: string) => {
  const res = await ws.call<Page>('GET', `/v1/prospects?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.map((p) => p.email);
};

describe('prospect search', () => {
  it('finds by a part of the first, last or full name, or of the email, whatever the case', async () => {
    expect((await emails(acme, 'q=CURIE')).sort()).toEqual(['marie@curie.test', 'pierre@curie.test']);
    expect(await emails(acme, 'q=gRaC')).toEqual(['grace@navy.test']);
    expect(await emails(acme, `q=${encodeURIComponent('marie curie')}`)).toEqual(['marie@curie.test']);
    expect(await emails(acme, 'q=navy.test')).toEqual(['grace@navy.test']);
    expect(await emails(acme, 'q=nobody')).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await emails(acme, `q=${encodeURIComponent('50%')}`)).toEqual(['percent@odd.test']);
    expect(await emails(acme, 'q=%25')).toEqual(['percent@odd.test']);
    expect(await emails(acme, 'q=_')).toEqual([]);
  });

  it("stays in the caller's workspace", async () => {
    expect(await emails(globex, 'q=curie')).toEqual(['eve@curie.test']);
  });

  it('pages through the matches with the cursor', async () => {
    const first = await acme.call<Page>('GET', '/v1/prospects?q=curie&limit=1');
    expect(first.body.data).toHaveLength(1);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await acme.call<Page>('GET', `/v1/prospects?q=curie&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.data, ...second.body.data].map((p) => p.email).sort()).toEqual(['marie@curie.test', 'pierre@curie.test']);
  });

  it('refuses a blank or overlong search with a 400 naming query.q', async () => {
    for (const q of ['%20%20', 'x'.repeat(201)]) {
      const res = await acme.call<Problem>('GET', `/v1/prospects?q=${q}`);
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain('query.q');
    }
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { get: { parameters: Array<{ name: string; in: string }> } }> };
    expect(doc.paths['/v1/prospects']!.get.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'q', in: 'query' })]));
  });
});
