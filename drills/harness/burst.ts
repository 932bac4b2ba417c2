// The scene most drills share: a split deployment (API and worker processes) on a fresh
// database, reps with SMTP mailboxes on the sink, and a burst of one-email enrollments made with
// one bulk call, whose emails all come due at once.
import type { DatabaseHandle } from '../../db/client.js';
import { emailFigures, enrollmentStatuses, secondsUntil } from './figures.js';
import { killHard, startApi, startWorker, type ProcessOptions, type RelanceProcess } from './processes.js';
import type { Stack } from './stack.js';
import { enrollItems, seedWorld, type World } from './world.js';

export type Burst = {
  env: Record<string, string>;
  db: DatabaseHandle;
  world: World;
  api: RelanceProcess;
  worker: RelanceProcess;
  /** The bulk call's answer (null when the API died under it). */
  bulk: Promise<{ status: number; body: BulkAnswer } | null>;
  restartWorker(o?: ProcessOptions): Promise<RelanceProcess>;
  stop(): Promise<void>;
};
export type BulkAnswer = { created: number; existing: number; failed: number; results: Array<{ index: number; status: number }> };

export const log = (m: string) => process.stderr.write(`[drills] ${m}\n`);

export async function startBurst(stack: Stack, name: string, o: { prospects: number; reps?: number; smtpDelayMs: number; worker?: ProcessOptions; workerEnv?: Record<string, string> }): Promise<Burst> {
  const dep = await stack.deployment(name);
  const workerEnv = { ...dep.env, ...o.workerEnv };
  const [api, worker] = await Promise.all([startApi(dep.env), startWorker(workerEnv, o.worker)]);
  const world = await seedWorld({ baseUrl: dep.baseUrl, operatorToken: dep.operatorToken, db: dep.db.db, smtp: stack.smtp, reps: o.reps ?? 4, prospects: o.prospects, name });
  stack.smtp.setDataDelay(o.smtpDelayMs);
  log(`${name}: ${o.prospects} one-email enrollments in one bulk call`);
  const bulk = world.call<BulkAnswer>('POST', '/v1/enrollments/bulk', { items: enrollItems(world, world.emailSequenceId) }).catch(() => null);
  const b: Burst = {
    env: dep.env,
    db: dep.db,
    world,
    api,
    worker,
    bulk,
    restartWorker: async (p = o.worker) => (b.worker = await startWorker(workerEnv, p)),
    stop: async () => {
      stack.smtp.setDataDelay(0);
      await Promise.all([killHard(b.api), killHard(b.worker)]);
    },
  };
  return b;
}

/** Received emails of this burst so far. */
export async function receivedSoFar(b: Burst, stack: Stack): Promise<number> {
  return (await emailFigures(b.db.db, b.world.workspaceId, stack.smtp)).received;
}

export async function waitForReceived(b: Burst, stack: Stack, n: number, timeoutMs = 120_000): Promise<void> {
  if ((await secondsUntil(async () => (await receivedSoFar(b, stack)) >= n, timeoutMs)) === null) throw new Error(`fewer than ${n} emails received`);
}

/** Every email final and every enrollment over: the seconds it took from `from`, or null past the deadline. */
export async function untilSettled(b: Burst, stack: Stack, expected: number, from: number, timeoutMs = 900_000): Promise<number | null> {
  return secondsUntil(
    async () => {
      const f = await emailFigures(b.db.db, b.world.workspaceId, stack.smtp);
      const s = await enrollmentStatuses(b.db.db, b.world.workspaceId);
      return f.emails === expected && f.not_final === 0 && (s.completed ?? 0) + (s.stopped ?? 0) === expected;
    },
    timeoutMs,
    from,
  );
}
