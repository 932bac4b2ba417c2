// The worker process group killed with SIGKILL in the middle of an email burst over SMTP, and
// started again at once. A send the dead worker had handed to the server but not recorded is
// `uncertain` (never sent twice) and its rep's task stays open after the cadence ends; the rest
// is sent once.
import { log, startBurst, untilSettled, waitForReceived } from './harness/burst.js';
import { emailFigures } from './harness/figures.js';
import { killHard } from './harness/processes.js';
import type { Stack } from './harness/stack.js';

const EMAILS = 200;

export default async function workerKillMidBurst(stack: Stack): Promise<Record<string, unknown>> {
  const b = await startBurst(stack, 'worker-kill', { prospects: EMAILS, smtpDelayMs: 200 });
  try {
    await waitForReceived(b, stack, 40);
    await killHard(b.worker);
    log('worker-kill: worker killed mid-burst, started again');
    const at = performance.now();
    stack.smtp.setDataDelay(0);
    await b.restartWorker();
    const recovered = await untilSettled(b, stack, EMAILS, at);
    return { ...(await emailFigures(b.db.db, b.world.workspaceId, stack.smtp)), time_to_recover_s: recovered };
  } finally {
    await b.stop();
  }
}
