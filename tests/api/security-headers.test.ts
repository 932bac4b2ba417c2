// One policy for every answer: each HTML page (docs, problem pages, the local outbox, the
// unsubscribe pages) carries a Content-Security-Policy that forbids framing, nosniff, no
// referrer; answers are not cacheable (some carry a secret shown once), but for the docs'
// static assets.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { TEST_OPERATOR_TOKEN, type KeyedWorkspace, withTestApi, offlineTemporal } from '../support/api.js';

let app: RelanceApp;
let ws: KeyedWorkspace;

withTestApi({ temporal: offlineTemporal('200ms'), mail: { localOutboxDir: mkdtempSync(join(tmpdir(), 'relance-headers-')) } }, (w) => ({ app, ws } = w));

function expectProtectedPage(res: Response, where: string) {
  expect(res.headers.get('content-type'), where).toContain('text/html');
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, where).toContain("default-src 'none'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("base-uri 'none'");
  expect(csp, where).not.toContain('unsafe-eval');
  expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), where).toBe('DENY');
  expect(res.headers.get('referrer-policy'), where).toBe('no-referrer');
}

describe('HTML answers', () => {
  it('every page carries the policy, the docs page allowing only its own scripts', async () => {
    const pages: Array<[string, RequestInit]> = [
      ['/docs', {}],
      ['/problems/not-found', {}],
      ['/outbox', { headers: { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } }],
      ['/v1/unsubscribe/not-a-token', { headers: { accept: 'text/html' } }],
      ['/v1/unsubscribe/not-a-token', { method: 'POST', headers: { accept: 'text/html' } }],
    ];
    for (const [path, init] of pages) {
      const res = await app.request(path, init);
      expectProtectedPage(res, `${init.method ?? 'GET'} ${path}`);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    const docs = (await app.request('/docs')).headers.get('content-security-policy')!;
    expect(docs).toContain("script-src 'self'");
    expect(docs).not.toContain("'unsafe-inline' 'self'; script");
    expect((await app.request('/problems/not-found')).headers.get('content-security-policy')).not.toContain('script-src');
  });

  it('an unsubscribe link that is not valid is a page to a browser, a problem to a client, both documented', async () => {
    const page = await app.request('/v1/unsubscribe/not-a-token', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('not valid');
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>> };
    for (const method of ['get', 'post']) {
      expect(Object.keys(doc.paths['/v1/unsubscribe/{token}']![method]!.responses['404']!.content).sort()).toEqual(['application/problem+json', 'text/html']);
    }
  });
});

describe('JSON answers', () => {
  it('are not cacheable, and carry nosniff', async () => {
    for (const [method, path] of [['GET', '/v1/api-keys'], ['GET', '/v1/nope'], ['GET', '/openapi.json']] as const) {
      const res = await ws.call(method, path);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('the docs assets stay cacheable', async () => {
    const res = await app.request('/docs/assets/swagger-ui.css');
    expect(res.headers.get('cache-control')).toContain('max-age');
  });
});
