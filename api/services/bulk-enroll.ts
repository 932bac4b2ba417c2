// Bulk enrollment: each item is validated and enrolled on its own, so one bad item fails
// alone, never the batch. Starts run a few at a time: a 1,000-item batch must not open 1,000
// workflow starts and 4,000 queries at once against the pool and Temporal.
import type { WorkflowDeps } from '../deps.js';
import type { Principal } from '../middleware/auth.js';
import { ProblemError, problemBody, type Problem } from '../problem.js';
import { validateInput } from '../validation.js';
import type { z } from '../scope.js';
import { enroll, type EnrollRequest } from './enroll.js';
import { log } from '../../logging/log.js';

export const BULK_MAX_ITEMS = 1000;
export const BULK_CONCURRENCY = 8;

type EnrollmentRow = Awaited<ReturnType<typeof enroll>>['row'];
export type BulkItemResult =
  | { index: number; status: 200 | 201; row: EnrollmentRow }
  | { index: number; status: number; error: Problem };

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

export async function bulkEnroll(
  deps: WorkflowDeps,
  who: Principal,
  items: readonly unknown[],
  schema: z.ZodType<EnrollRequest>,
): Promise<BulkItemResult[]> {
  // The same enrollment twice in a batch answers in order: the first occurrence creates it (201),
  // the later ones wait for it and find it (200). Lanes take items in order, so the first
  // occurrence has always started when a later one waits.
  const firstOccurrence = new Map<string, Promise<void>>();
  return mapLimited(items, BULK_CONCURRENCY, async (raw, index): Promise<BulkItemResult> => {
    const prefix = `body.items.${index}`;
    const parsed = validateInput(schema, raw, prefix);
    if (!parsed.ok) {
      const { errors } = parsed;
      return { index, status: 422, error: problemBody('validation-failed', 422, { detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors }) };
    }
    const key = `${parsed.data.prospectId}/${parsed.data.sequenceId}`;
    const earlier = firstOccurrence.get(key);
    let finished = () => {};
    if (earlier) await earlier;
    else firstOccurrence.set(key, new Promise<void>((resolve) => (finished = resolve)));
    try {
      // A rep key enrolls for itself only; another rep is "not found", as everywhere else.
      if (who.role === 'rep' && who.userId !== parsed.data.repId) {
        throw new ProblemError('not-found', 404, 'rep not found in this workspace', { errors: [{ field: 'body.repId', message: 'no such rep in this workspace' }] });
      }
      const { row, created } = await enroll(deps, who.workspaceId, parsed.data);
      return { index, status: created ? 201 : 200, row };
    } catch (err) {
      if (err instanceof ProblemError) {
        // Field names are relative to the item: body.x becomes body.items.N.x.
        const errors = (err.extra.errors as { field: string; message: string }[] | undefined)?.map((e) => ({ ...e, field: e.field.replace(/^body/, prefix) }));
        return { index, status: err.status, error: problemBody(err.slug, err.status, { detail: err.message, ...err.extra, ...(errors ? { errors } : {}) }) };
      }
      // Temporal or the database failed for this item: report it, keep going with the others.
      log.warn({ err, item: index }, 'bulk enrollment item failed');
      return { index, status: 503, error: problemBody('service-unavailable', 503, { detail: 'could not start the enrollment; retry this item' }) };
    } finally {
      finished();
    }
  });
}
