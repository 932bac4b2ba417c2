// SIGTERM to the worker's process group (`npm run start:worker`: npm, its shell and node all get
// it) in the middle of a burst over a slow SMTP server (1 s a message). The worker must stop
// claiming, let its sends in flight end, hand the rest back and exit within its grace period,
// leaving nothing `sending`; a worker started afterwards sends the rest.
import { eq } from 'drizzle-orm';
import { touches } from '../db/schema.js';
import { log, startBurst, untilSettled, waitForReceived } from './harness/burst.js';
import { emailFigures, secondsUntil } from './harness/figures.js';
import type { Stack } from './harness/stack.js';

const EMAILS = 200;

export default async function workerSigterm(stack: Stack): Promise<Record<string, unknown>> {
  const b = await startBurst(stack, 'sigterm', { prospects: EMAILS, smtpDelayMs: 1000, worker: { viaNpm: true } });
  try {
    await waitForReceived(b, stack, 10);
    const signalled = performance.now();
    b.worker.killGroup('SIGTERM');
    const stopS = await secondsUntil(async () => !b.worker.groupAlive(), 60_000, signalled);
    const clean = b.worker.output().includes('"msg":"stopped"');
    const rows = await b.db.db.select({ status: touches.status }).from(touches).where(eq(touches.workspaceId, b.world.workspaceId));
    const left = (s: string) => rows.filter((r) => r.status === s).length;
    log(`sigterm: worker exited after ${stopS} s; ${left('sending')} left sending, ${left('scheduled')} handed back`);
    stack.smtp.setDataDelay(0);
    const at = performance.now();
    await b.restartWorker({});
    const recovered = await untilSettled(b, stack, EMAILS, at);
    return { stop_s: stopS, stopped_cleanly: clean, left_sending: left('sending'), handed_back: left('scheduled'), ...(await emailFigures(b.db.db, b.world.workspaceId, stack.smtp)), time_to_recover_s: recovered };
  } finally {
    await b.stop();
  }
}
