// A GET whose query string is wrong: a 400 application/problem+json naming that one parameter.
import { expect } from 'vitest';
import type { Caller, Problem } from './api.js';

/** Each case is [query string, the field the problem must name]. */
export async function expectBadQueries(call: Caller, path: string, cases: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const [query, field] of cases) {
    const res = await call<Problem>('GET', `${path}?${query}`);
    expect(res.status, query).toBe(400);
    expect(res.headers.get('content-type'), query).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e) => e.field), query).toEqual([field]);
  }
}
