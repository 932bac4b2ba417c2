// The API process killed with SIGKILL in the middle of a bulk enrollment of 300 prospects. A
// supervisor starts it again; the worker's reconciler starts the workflows the dead API had not
// (after its default 60 s grace); then the client sends the whole batch again, without its
// Idempotency-Key. Every accepted enrollment must end up running, none twice.
import { Client, Connection } from '@temporalio/client';
import { count, eq } from 'drizzle-orm';
import { enrollments } from '../db/schema.js';
import { log } from './harness/burst.js';
import { enrollmentStatuses, secondsUntil } from './harness/figures.js';
import { killHard, startApi, startWorker } from './harness/processes.js';
import type { Stack } from './harness/stack.js';
import { enrollItems, seedWorld } from './harness/world.js';

const ITEMS = 300;

export default async function apiKillMidBulk(stack: Stack): Promise<Record<string, unknown>> {
  const dep = await stack.deployment('api-kill');
  const started = await Promise.all([startApi(dep.env), startWorker(dep.env)]);
  let api = started[0];
  const worker = started[1];
  const temporal = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  try {
    const world = await seedWorld({ baseUrl: dep.baseUrl, operatorToken: dep.operatorToken, db: dep.db.db, smtp: null, reps: 2, prospects: ITEMS, name: 'api-kill' });
    const items = enrollItems(world, world.taskSequenceId);
    const rows = () => dep.db.db.select().from(enrollments).where(eq(enrollments.workspaceId, world.workspaceId));
    const bulk = world.call('POST', '/v1/enrollments/bulk', { items }).catch(() => null);
    await secondsUntil(async () => (await dep.db.db.select({ n: count() }).from(enrollments).where(eq(enrollments.workspaceId, world.workspaceId)))[0]!.n >= 100, 120_000);
    const killedAt = performance.now();
    await killHard(api);
    log('api-kill: API killed mid-bulk');
    const answered = (await bulk) !== null;
    const accepted = await rows();
    const hasWorkflow = (id: string) => temporal.workflow.getHandle(id).describe().then(() => true, () => false);
    const orphans = (await Promise.all(accepted.map((r) => hasWorkflow(r.workflowId)))).filter((x) => !x).length;
    api = await startApi(dep.env);
    const recovered = await secondsUntil(async () => (await rows()).filter((r) => accepted.some((a) => a.id === r.id)).every((r) => r.status === 'active'), 600_000, killedAt);
    log(`api-kill: ${orphans} of ${accepted.length} accepted had no workflow; all running after ${recovered} s`);
    const retry = await world.call<{ created: number; existing: number; failed: number }>('POST', '/v1/enrollments/bulk', { items });
    const all = await secondsUntil(async () => (await enrollmentStatuses(dep.db.db, world.workspaceId)).active === ITEMS, 300_000);
    const final = await rows();
    const running = (await Promise.all(final.map((r) => hasWorkflow(r.workflowId)))).filter(Boolean).length;
    return {
      items: ITEMS,
      bulk_answered: answered,
      accepted_at_kill: accepted.length,
      orphans_at_kill: orphans,
      time_to_recover_s: recovered,
      retry_without_key: { status: retry.status, created: retry.body.created, existing: retry.body.existing, failed: retry.body.failed },
      all_running_after_retry_s: all,
      enrollments: final.length,
      running,
      duplicates: final.length - new Set(final.map((r) => r.prospectId)).size,
      lost: ITEMS - running,
    };
  } finally {
    await Promise.all([killHard(api), killHard(worker)]);
    await temporal.connection.close();
  }
}
