// The OpenAPI document says what the server does, so a client generated from it works: every
// pattern is a plain ECMAScript regex (no /.../i literal), required fields are marked required,
// and the answers the platform gives around each operation are documented.
import { describe, expect, it } from 'vitest';
import { type KeyedWorkspace, withApiDocument } from '../support/api.js';

type Doc = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, unknown> }>>; components: { schemas: Record<string, Schema> } };
type Schema = { pattern?: string; required?: string[]; properties?: Record<string, Schema>; $ref?: string; [k: string]: unknown };

let ws: KeyedWorkspace;
let doc: Doc;

withApiDocument<Doc>((w) => ({ ws, doc } = w));

function patterns(node: unknown, at: string, out: Array<[string, string]>) {
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'pattern' && typeof v === 'string') out.push([at, v]);
    else patterns(v, `${at}/${k}`, out);
  }
}

const bodySchema = (path: string, method: string) => doc.paths[path]![method]!.requestBody!.content['application/json']!.schema;

describe('the OpenAPI document', () => {
  it('holds only plain ECMAScript patterns', () => {
    const found: Array<[string, string]> = [];
    patterns(doc, '', found);
    expect(found.length).toBeGreaterThan(3);
    for (const [at, p] of found) {
      expect(p, at).not.toMatch(/^\/.*\/[a-z]*$/);
      expect(() => new RegExp(p, 'u'), at).not.toThrow();
    }
  });

  it("the accounts' domain pattern accepts the domains the server accepts", async () => {
    const pattern = new RegExp(bodySchema('/v1/accounts', 'post').properties!.domain!.pattern!, 'u');
    for (const domain of ['example.com', 'Globex.CO.uk', 'a-b.io']) {
      expect(pattern.test(domain), domain).toBe(true);
      expect((await ws.call('POST', '/v1/accounts', { name: `Co ${domain}`, domain })).status, domain).toBe(201);
    }
    expect(pattern.test('not a domain')).toBe(false);
  });

  it('marks the sequence definition required where the server requires it', async () => {
    expect(bodySchema('/v1/sequences', 'post').required).toContain('definition');
    expect(bodySchema('/v1/sequences/{sequenceId}/draft', 'put').required).toContain('definition');
    expect(bodySchema('/v1/sequences/validate', 'post').required).toContain('definition');
    const res = await ws.call<{ errors: Array<{ field: string }> }>('POST', '/v1/sequences', { publish: true });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.field)).toContain('body.definition');
  });

  it('documents 400 for a malformed path id or JSON body, 413 for a body too large', () => {
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!path.startsWith('/v1/') || path === '/v1/workspaces' || path.startsWith('/v1/inbound/') || path.startsWith('/v1/unsubscribe/')) continue;
        if ((path.includes('{') || op.requestBody) && !op.responses['400']) missing.push(`${method} ${path} 400`);
        if (op.requestBody && !op.responses['413']) missing.push(`${method} ${path} 413`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the Retry-After header wherever a 429 or 503 is answered', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const status of ['429', '503']) {
          const res = op.responses[status] as { headers?: Record<string, unknown> } | undefined;
          if (!res) continue;
          seen++;
          if (!res.headers?.['Retry-After']) missing.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
