// Text PostgreSQL cannot store (U+0000, an unpaired surrogate) is refused where input arrives,
// naming its field, and nothing is written: 422 for a body, 400 for a query or path parameter,
// per row in imports and per item in bulk enrollments, and in signed inbound payloads (JSON
// and the MIME of a raw email). It used to reach the driver and answer 500. The walk over the
// OpenAPI document puts a new operation in the matrix the day it is added.
import { createHmac, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import announcedCall from '../../domain/sequences/defaults/announced-call.json' with { type: 'json' };
import { EMPTY_ALLOW_LIST } from '../../security/ssrf.js';
import { callerFor, createKeyedWorkspace, TEST_OPERATOR_TOKEN, type KeyedWorkspace, createTestApp, type Problem } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { workspaceDigest } from '../support/workspace-digest.js';

const NUL = 'a\u0000b';
const fields = (p: Problem) => (p.errors ?? []).map((e) => e.field);

let db: TestDatabase;
let app: RelanceApp;
let ws: KeyedWorkspace;
let repId: string;
let prospectId: string;
let sequenceId: string;
let emailSecret: string;

beforeAll(async () => {
  db = await createTestDatabase();
  // Nothing here may reach Temporal: refused input stops before any workflow call.
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: '200ms' }) });
  app = createTestApp({ db: db.db, temporal, taskQueue: 'x', rateLimit: { perSecond: 100_000, burst: 100_000 }, allowList: EMPTY_ALLOW_LIST });
  ws = await createKeyedWorkspace(app);
  const rep = await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep' });
  const prospect = await ws.call<{ id: string }>('POST', '/v1/prospects', { email: 'jane@globex.test', firstName: 'Jane' });
  const sequences = await ws.call<{ data: Array<{ sequenceId: string }> }>('GET', '/v1/sequences');
  const source = await ws.call<{ secret: string }>('PUT', '/v1/inbound-sources/email');
  expect([rep.status, prospect.status, sequences.status, source.status]).toEqual([201, 201, 200, 201]);
  repId = rep.body.id;
  prospectId = prospect.body.id;
  sequenceId = sequences.body.data[0]!.sequenceId;
  emailSecret = source.body.secret;
});
afterAll(async () => {
  await db?.drop();
});

/** Runs `fn` and checks that no row of the workspace (and no workspace) changed meanwhile. */
async function writesNothing(fn: () => Promise<void>) {
  const before = await workspaceDigest(db.db, ws.workspaceId);
  await fn();
  expect(await workspaceDigest(db.db, ws.workspaceId)).toEqual(before);
}

describe('the routes of the issue: NUL in a field is a 4xx naming it, not a 500', () => {
  const cases: Array<[string, string, () => unknown, string]> = [
    ['POST', '/v1/prospects', () => ({ email: 'john@globex.test', firstName: NUL }), 'body.firstName'],
    ['POST', '/v1/accounts', () => ({ name: NUL, domain: 'initech.test' }), 'body.name'],
    ['POST', '/v1/users', () => ({ email: 'max@acme.test', name: NUL }), 'body.name'],
    ['POST', '/v1/api-keys', () => ({ name: NUL, role: 'integration' }), 'body.name'],
    ['POST', '/v1/suppressions', () => ({ value: 'no@initech.test', reason: NUL }), 'body.reason'],
    ['POST', '/v1/mailboxes', () => ({ userId: repId, address: 'sam@acme.test', provider: 'smtp', displayName: NUL, smtp: { host: '93.184.215.14', port: 587, username: 'sam', password: 'pw' } }), 'body.displayName'],
    ['POST', '/v1/webhooks', () => ({ url: 'https://93.184.215.14/hooks', description: NUL }), 'body.description'],
    ['PATCH', '/v1/users/{rep}', () => ({ name: NUL }), 'body.name'],
    ['POST', '/v1/prospects/{prospect}/events', () => ({ type: 'reply', subject: NUL }), 'body.subject'],
    ['POST', '/v1/accounts', () => ({ name: 'a\ud800b' }), 'body.name'],
    ['POST', '/v1/sequences', () => ({ definition: { ...announcedCall, key: 'custom', steps: announcedCall.steps.map((s, i) => (i === 0 ? { ...s, template: { body: NUL } } : s)) } }), 'body.definition.steps.0.template.body'],
  ];
  it.each(cases)('%s %s answers 422 naming the field and writes nothing', async (method, path, body, field) => {
    await writesNothing(async () => {
      const res = await ws.call<Problem>(method, path.replace('{rep}', repId).replace('{prospect}', prospectId), body());
      expect([res.status, res.headers.get('content-type')]).toEqual([422, 'application/problem+json']);
      expect(res.body.type).toBe('/problems/validation-failed');
      expect(fields(res.body)).toEqual([field]);
    });
  });

  it.each([
    ['/v1/prospects?email=a%00b', 'query.email'],
    ['/v1/accounts?domain=a%00b', 'query.domain'],
  ])('GET %s answers 400 naming %s', async (path, field) => {
    const res = await ws.call<Problem>('GET', path);
    expect([res.status, fields(res.body)]).toEqual([400, [field]]);
  });
});

describe('inbound payloads', () => {
  async function deliver(body: unknown) {
    const raw = JSON.stringify(body);
    const id = `msg_${randomUUID()}`;
    const ts = Math.floor(Date.now() / 1000);
    const key = Buffer.from(emailSecret.slice('whsec_'.length), 'base64');
    const signature = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${raw}`).digest('base64')}`;
    return ws.as('')<Problem>('POST', `/v1/inbound/${ws.workspaceId}/email`, raw, { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature });
  }

  it('a correctly signed email whose subject holds a NUL is a 422 naming body.subject', async () => {
    await writesNothing(async () => {
      const res = await deliver({ type: 'reply', email: 'jane@globex.test', subject: `Re: ${NUL}` });
      expect([res.status, fields(res.body)]).toEqual([422, ['body.subject']]);
    });
  });

  it('a forwarded message with a NUL in a header is a 422 naming it', async () => {
    await writesNothing(async () => {
      const res = await deliver({ type: 'message', from: 'Jane <jane@globex.test>', subject: 'Re: call', headers: { 'X-Note': NUL } });
      expect([res.status, fields(res.body)]).toEqual([422, ['body.headers.X-Note']]);
    });
  });

  it('a raw MIME email whose encoded subject decodes to a NUL is a 422 naming body.mime.subject', async () => {
    const mime = ['From: Jane <jane@globex.test>', 'To: sam@acme.test', 'Subject: =?UTF-8?Q?Re=3A_call=00?=', 'Message-ID: <nul@globex.test>', '', 'Yes, call me.', ''].join('\r\n');
    await writesNothing(async () => {
      const res = await deliver({ type: 'raw', mime: Buffer.from(mime).toString('base64') });
      expect(res.status).toBe(422);
      expect(fields(res.body)).toContain('body.mime.subject');
    });
  });
});

describe('batches report a bad row or item and keep the others', () => {
  it('a JSON import reports the row and field with a NUL and imports the other rows', async () => {
    const res = await ws.call<{ created: number; errors: Array<{ row: number; field: string }> }>('POST', '/v1/prospects/import', {
      prospects: [{ email: 'row1@initech.test', firstName: NUL }, { email: 'row2@initech.test', title: 'CTO' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(1);
    expect(res.body.errors.map((e) => [e.row, e.field])).toEqual([[1, 'firstName']]);
  });

  it('a CSV import reports the row and field with a NUL and imports the other rows', async () => {
    const csv = `email,lastName,company\nrow3@initech.test,Smith${'\u0000'},Initech\nrow4@initech.test,Jones,Initech\n`;
    const res = await ws.call<{ created: number; errors: Array<{ row: number; field: string }> }>('POST', '/v1/prospects/import', csv, { 'content-type': 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(1);
    expect(res.body.errors.map((e) => [e.row, e.field])).toEqual([[1, 'lastName']]);
  });

  it('a bulk enrollment item with a NUL fails alone, naming body.items.N.field, and enrolls nothing', async () => {
    await writesNothing(async () => {
      const res = await ws.call<{ failed: number; results: Array<{ status: number; error?: Problem }> }>('POST', '/v1/enrollments/bulk', { items: [{ prospectId, sequenceId, repId, context: NUL }] });
      expect(res.status).toBe(200);
      expect(res.body.results.map((r) => [r.status, r.error && fields(r.error)])).toEqual([[422, ['body.items.0.context']]]);
    });
  });
});

describe('every operation of the OpenAPI document', () => {
  type Schema = { $ref?: string; properties?: Record<string, Schema>; oneOf?: Schema[]; anyOf?: Schema[]; enum?: unknown[]; const?: unknown; format?: string; type?: string };
  type Param = { name: string; in: string; schema?: Schema };
  type Operation = { parameters?: Param[]; security?: Array<Record<string, unknown>>; requestBody?: { content?: Record<string, { schema?: Schema }> } };
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s);
  /** Signed inbound webhooks are validated after their signature (tested above); the rest is the API. */
  const operations = () =>
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/') && !path.startsWith('/v1/inbound/'))
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
  /** A value each path parameter accepts, so the request reaches the part under test. */
  const pathOf = (path: string, op: Operation, override: Record<string, string> = {}) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (override[name] !== undefined) return override[name]!;
      const schema = resolve(op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema);
      return schema?.enum ? String(schema.enum[0]) : schema?.format === 'uuid' ? randomUUID() : 'x';
    });

  const SIGNED_TOKEN_PATHS = ['/v1/unsubscribe/{token}'];

  beforeAll(async () => {
    doc = (await (await app.request('/openapi.json')).json()) as typeof doc;
  });

  it('a NUL in any top-level body field is a 422 naming that field', async () => {
    const missed: string[] = [];
    let tried = 0;
    await writesNothing(async () => {
      for (const { method, path, op } of operations()) {
        const schema = resolve(op.requestBody?.content?.['application/json']?.schema);
        if (!schema) continue;
        // A union is tried variant by variant, its discriminator set to the variant's value.
        for (const variant of (schema.oneOf ?? schema.anyOf ?? [schema]).map(resolve)) {
          const props = Object.entries(variant?.properties ?? {});
          const base = Object.fromEntries(props.flatMap(([k, p]) => (p.const !== undefined ? [[k, p.const]] : p.enum?.length === 1 ? [[k, p.enum[0]]] : [])));
          for (const [name] of props.filter(([k]) => !(k in base))) {
            tried++;
            // The operator-token route checks its token before it reads the body.
            const call = op.security?.some((s) => 'operatorToken' in s) ? callerFor((p, i) => app.request(p, i), TEST_OPERATOR_TOKEN) : ws.call;
            const res = await call<Problem>(method, pathOf(path, op), { ...base, [name]: NUL });
            if (res.status !== 422 || !fields(res.body).some((f) => f === `body.${name}` || f.startsWith(`body.${name}.`))) missed.push(`${method} ${path} body.${name}: ${res.status} ${JSON.stringify(res.body)}`);
          }
        }
      }
    });
    expect(missed).toEqual([]);
    expect(tried).toBeGreaterThan(100);
  });

  it('a NUL in any query or path parameter is a 400 naming that parameter', async () => {
    const missed: string[] = [];
    let tried = 0;
    await writesNothing(async () => {
      for (const { method, path, op } of operations()) {
        for (const p of (op.parameters ?? []).filter((x) => x.in === 'query' || x.in === 'path')) {
          tried++;
          const url = p.in === 'query' ? `${pathOf(path, op)}?${p.name}=a%00b` : pathOf(path, op, { [p.name]: 'a%00b' });
          const res = await ws.call<Problem>(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
          const field = `${p.in === 'query' ? 'query' : 'param'}.${p.name}`;
          // A signed token in the path is checked before anything else: not genuine, a plain 404.
          if (SIGNED_TOKEN_PATHS.includes(path) && res.status === 404 && res.body.type === '/problems/not-found') continue;
          if (res.status !== 400 || !fields(res.body).includes(field)) missed.push(`${method} ${path} ${field}: ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    });
    expect(missed).toEqual([]);
    expect(tried).toBeGreaterThan(50);
  });
});
