// What the OpenAPI fuzzer (fuzz.test.ts) found, pinned one by one so a regression names itself
// without a fuzzing run: each case is the smallest request that showed it.
import { describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { callerFor, TEST_OPERATOR_TOKEN, type KeyedWorkspace, withApiDocument } from '../support/api.js';

type Operation = { security?: unknown[]; requestBody?: { required?: boolean }; responses: Record<string, unknown> };
type Doc = { security: unknown[]; paths: Record<string, Record<string, Operation>> };

let app: RelanceApp;
let ws: KeyedWorkspace;
let doc: Doc;

withApiDocument<Doc>((w) => ({ app, ws, doc } = w));

const raw = (method: string, path: string, init: { key?: string | null; body?: string; type?: string } = {}) =>
  app.request(path, {
    method,
    headers: { ...(init.key ? { authorization: `Bearer ${init.key}` } : {}), ...(init.type ? { 'content-type': init.type } : {}) },
    ...(init.body === undefined ? {} : { body: init.body }),
  });

describe('what the fuzzer found', () => {
  it('a PUT of settings without a body is refused and changes nothing (it reset them to the defaults)', async () => {
    const rules = { sendWindow: { start: '09:00', end: '17:00' }, minGapMinutes: 30 };
    expect((await ws.call('PUT', '/v1/timing-rules', rules)).status).toBe(200);
    expect((await ws.call('PUT', '/v1/escalation-policy', { perRep: 3 })).status).toBe(200);
    for (const path of ['/v1/timing-rules', '/v1/escalation-policy', '/v1/accounts']) {
      const res = await raw(path === '/v1/accounts' ? 'POST' : 'PUT', path, { key: ws.adminKey });
      expect(res.status, path).toBe(422);
      expect(((await res.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field), path).toEqual(['body']);
    }
    const after = await ws.call<{ timingRules: Record<string, unknown>; escalationPolicy: Record<string, unknown> }>('GET', '/v1/timing-rules');
    expect(after.body.timingRules).toMatchObject(rules);
    expect(after.body.escalationPolicy).toMatchObject({ perRep: 3 });
    // A body without a Content-Type is not read as JSON either.
    expect((await raw('PUT', '/v1/timing-rules', { key: ws.adminKey, body: '{}' })).status).toBe(415);
  });

  it('a known path asked with another method is 405 naming the methods it has, not 404', async () => {
    const res = await raw('DELETE', '/v1/timing-rules', { key: ws.adminKey });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, PUT');
    expect(await res.json()).toMatchObject({ type: '/problems/method-not-allowed', status: 405 });
    const account = await ws.call<{ id: string }>('POST', '/v1/accounts', { name: 'Initech' });
    const one = await raw('DELETE', `/v1/accounts/${account.body.id}`, { key: ws.adminKey });
    expect([one.status, one.headers.get('allow')]).toEqual([405, 'GET, HEAD, PATCH']);
    // A fixed path is its own resource, not a value of the parameter route beside it (that was 400 "Invalid UUID").
    for (const [method, path, allow] of [['GET', '/v1/enrollments/bulk', 'POST'], ['GET', '/v1/sequences/validate', 'POST'], ['PATCH', '/v1/prospects/import', 'POST']] as const) {
      const res = await raw(method, path, { key: ws.adminKey });
      expect([res.status, res.headers.get('allow')], `${method} ${path}`).toEqual([405, allow]);
    }
    // Public paths too, and an unknown path stays 404.
    expect((await raw('GET', '/v1/workspaces')).headers.get('allow')).toBe('POST');
    expect((await raw('GET', '/v1/no-such-thing', { key: ws.adminKey })).status).toBe(404);
  });

  it('POST /v1/workspaces checks the operator token before it reads the body', async () => {
    const bad = JSON.stringify({ name: '', timingRules: { sendWindow: { start: '10:00', end: '09:00' } } });
    expect((await raw('POST', '/v1/workspaces', { body: bad, type: 'application/json' })).status).toBe(401);
    expect((await raw('POST', '/v1/workspaces', { body: '{', type: 'application/json' })).status).toBe(401);
    const operator = callerFor((p, i) => app.request(p, i), TEST_OPERATOR_TOKEN);
    expect((await operator('POST', '/v1/workspaces', bad)).status).toBe(422);
    expect((await operator('POST', '/v1/workspaces', '{')).status).toBe(400);
  });

  it('documents public operations as public, with the answers the platform gives them', () => {
    expect(doc.paths['/health']!.get!.security).toEqual([]);
    expect(doc.paths['/v1/unsubscribe/{token}']!.post!.security).toEqual([]);
    expect(doc.paths['/v1/workspaces']!.post!.security).toEqual([{ operatorToken: [] }]);
    expect(Object.keys(doc.paths['/v1/workspaces']!.post!.responses)).toEqual(expect.arrayContaining(['400', '401', '413', '415', '422']));
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (op.requestBody) expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['413', '415']));
      }
    }
  });

  it("marks the import's body required, and still reads JSON and CSV", async () => {
    expect(doc.paths['/v1/prospects/import']!.post!.requestBody!.required).toBe(true);
    const csv = await raw('POST', '/v1/prospects/import', { key: ws.adminKey, type: 'text/csv', body: 'email,firstName\nada@acme.test,Ada\n' });
    expect([csv.status, await csv.json()]).toEqual([200, expect.objectContaining({ created: 1 })]);
    const json = await ws.call('POST', '/v1/prospects/import', { prospects: [{ email: 'bob@acme.test' }] });
    expect([json.status, json.body]).toEqual([200, expect.objectContaining({ created: 1 })]);
    const none = await ws.call<{ errors: Array<{ field: string }> }>('POST', '/v1/prospects/import', { prospects: [] });
    expect([none.status, none.body.errors[0]!.field]).toEqual([422, 'body.prospects']);
    expect((await raw('POST', '/v1/prospects/import', { key: ws.adminKey, type: 'application/json', body: '{' })).status).toBe(400);
  });
});
