// Per-key rate limits: past the burst, 429 problem+json with Retry-After; another key of the
// same workspace keeps its own budget.
import { describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { createKeyedWorkspace, type KeyedWorkspace, withTestApi, offlineTemporal } from '../support/api.js';

let app: RelanceApp;
let ws: KeyedWorkspace;

withTestApi({ temporal: offlineTemporal('200ms'), rateLimit: { perSecond: 0.5, burst: 3 } }, (w) => ({ app, ws } = w));

describe('rate limit per API key', () => {
  it('answers 429 with Retry-After past the burst, per key', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await ws.call('GET', '/v1/sequences')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await ws.call<{ type: string; detail: string }>('GET', '/v1/sequences');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(limited.body.type).toBe('/problems/rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // Another key has its own budget.
    const other = await createKeyedWorkspace(app, { name: 'Other' });
    expect((await other.call('GET', '/v1/sequences')).status).toBe(200);
  });
});
