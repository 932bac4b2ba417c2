// Every 4xx of the API is application/problem+json naming what is wrong; the OpenAPI
// document and the docs page are served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, type RelanceApp } from '../../api/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { createKeyedWorkspace, createTestApp, offlineTemporal, type Problem } from '../support/api.js';

let db: TestDatabase;
let app: RelanceApp;
let key: string;

beforeAll(async () => {
  db = await createTestDatabase();
  // Lazy client: these requests are all refused before anything reaches Temporal.
  app = createTestApp({ db: db.db, temporal: offlineTemporal(), taskQueue: 'x' });
  key = (await createKeyedWorkspace(app)).adminKey;
});
afterAll(async () => db?.drop());


async function expectProblem(res: Response, status: number, type: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as Problem;
  expect(body.type).toBe(type);
  expect(body.status).toBe(status);
  return body;
}

const authed = () => ({ authorization: `Bearer ${key}` });
const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request(path, { method: 'POST', body, headers: { ...authed(), ...headers } });
const get = (path: string) => app.request(path, { headers: authed() });

describe('problem+json errors', () => {
  it('unknown route: 404', async () => {
    const body = await expectProblem(await app.request('/nope'), 404, '/problems/not-found');
    expect(body.detail).toContain('/nope');
  });

  it('malformed JSON: 400', async () => {
    await expectProblem(await post(`/v1/enrollments`, '{"prospectId":'), 400, '/problems/malformed-request');
  });

  it('wrong types and unknown fields: 422 naming each field', async () => {
    const res = await post(
      `/v1/enrollments`,
      JSON.stringify({ prospectId: 42, sequenceId: 'not-a-uuid', repId: crypto.randomUUID(), colour: 'red' }),
    );
    const body = await expectProblem(res, 422, '/problems/validation-failed');
    const fields = body.errors?.map((e) => e.field).sort();
    expect(fields).toEqual(['body.colour', 'body.prospectId', 'body.sequenceId']);
  });

  it('invalid path parameter: 400 naming it', async () => {
    const res = await get('/v1/enrollments/also-not');
    const body = await expectProblem(res, 400, '/problems/validation-failed');
    expect(body.errors?.map((e) => e.field)).toEqual(['param.enrollmentId']);
  });

  it('oversized body: 413', async () => {
    const huge = JSON.stringify({ context: 'x'.repeat(MAX_BODY_BYTES + 10) });
    await expectProblem(await post(`/v1/enrollments`, huge), 413, '/problems/payload-too-large');
  });

  it('unknown enrollment: 404', async () => {
    await expectProblem(await get(`/v1/enrollments/${crypto.randomUUID()}`), 404, '/problems/not-found');
  });

  it('no API key, a malformed one or an unknown one: 401 with WWW-Authenticate', async () => {
    for (const authorization of [undefined, 'Bearer nope', `Bearer ${key.slice(0, -4)}AAAA`, `Basic ${key}`]) {
      const res = await app.request('/v1/sequences', { headers: authorization ? { authorization } : {} });
      await expectProblem(res, 401, '/problems/unauthorized');
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('creating a workspace needs the operator token', async () => {
    const body = JSON.stringify({ name: 'Intruder' });
    await expectProblem(await app.request('/v1/workspaces', { method: 'POST', body, headers: { 'content-type': 'application/json' } }), 401, '/problems/unauthorized');
    await expectProblem(await post('/v1/workspaces', body), 401, '/problems/unauthorized');
  });

  it('every problem type resolves to a page', async () => {
    const res = await app.request('/problems/validation-failed');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('names each field');
  });
});

describe('OpenAPI and docs', () => {
  it('serves an OpenAPI 3.1 document with the routes and the Problem schema', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/v1/enrollments', '/v1/workspaces']),
    );
    expect(doc.components.schemas).toHaveProperty('Problem');
  });

  it('serves the docs page and its assets locally', async () => {
    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/docs/assets/init.js');
    const init = await app.request('/docs/assets/init.js');
    expect(await init.text()).toContain('/openapi.json');
    const js = await app.request('/docs/assets/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect((await js.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});
