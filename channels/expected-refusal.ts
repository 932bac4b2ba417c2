// A provider call whose refusal with some statuses is an expected outcome (a hold already gone:
// 404; an insert that an earlier attempt made: 409), told apart from real failures.
import type { ProviderFailure } from './types.js';

/** Runs the call; false when the provider answered one of `statuses`, true on success; other failures are thrown. */
export async function unlessRefused(failureOf: (err: unknown) => ProviderFailure, statuses: number[], call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (err) {
    const f = failureOf(err);
    if (f.kind === 'refused' && statuses.includes(f.status)) return false;
    throw err;
  }
}
