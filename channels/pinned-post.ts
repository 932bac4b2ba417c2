// One webhook POST to an address vetted by security/ssrf.ts: the socket connects to that address
// (the lookup is overridden; TLS still checks the certificate against the host name), redirects
// are not followed, and the whole exchange is bounded by a timeout.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { VettedTarget } from '../security/ssrf.js';

export type PostResult = { statusCode: number | null; error: string | null; durationMs: number };

export function postPinned(target: VettedTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> {
  const started = Date.now();
  const pinned: LookupFunction = (_host, opts, cb) => {
    if (opts.all) (cb as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: target.address, family: target.family }]);
    else cb(null, target.address, target.family);
  };
  const lib = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, error, durationMs: Date.now() - started });
    };
    const req = lib.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        headers: { 'content-type': 'application/json', 'user-agent': 'Relance-Webhooks/1', 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        // The body is not used: drain it so the socket is released.
        res.on('data', () => {});
        res.on('end', () => done(res.statusCode ?? null, null));
        res.on('error', (err) => done(res.statusCode ?? null, err.message));
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no response within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('error', (err) => done(null, err.message || String(err)));
    req.end(body);
  });
}
