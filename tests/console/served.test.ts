// The API process serves the built console at /: its page under a policy that allows its own
// scripts and styles only (no inline script), its hashed assets cached for good.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { CONSOLE_POLICY } from '../../api/console-static.js';
import type { Database } from '../../db/client.js';
import { createTestApp, offlineTemporal } from '../support/api.js';

const dir = inject('consoleDir');
const app = createTestApp({ db: {} as Database, temporal: offlineTemporal(), taskQueue: 'x', consoleDir: dir });

describe('the console as served', () => {
  it('/ is the page, with a policy that allows no inline script', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_POLICY);
    expect(CONSOLE_POLICY).toMatch(/script-src 'self';/);
    expect(CONSOLE_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    // Every script is a file of its own.
    expect(html.match(/<script[^>]*>/g)!.every((tag) => /\ssrc="\/assets\//.test(tag))).toBe(true);
  });

  it('serves the hashed assets, cached for good', async () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const res = await app.request(script);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
    expect((await app.request('/assets/nothing-here.js')).status).toBe(404);
  });
});
