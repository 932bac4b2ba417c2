// PostgreSQL stopped (every connection cut) in the middle of an email burst and started again
// 5 s later, under a running API and worker. Emails the SMTP server accepted meanwhile must be
// recorded as sent once the database is back, not become uncertain; nothing is sent twice.
import { log, startBurst, untilSettled, waitForReceived } from './harness/burst.js';
import { emailFigures } from './harness/figures.js';
import type { Stack } from './harness/stack.js';

const EMAILS = 200;

export default async function pgRestartMidBurst(stack: Stack): Promise<Record<string, unknown>> {
  const b = await startBurst(stack, 'pg-restart', { prospects: EMAILS, smtpDelayMs: 200 });
  try {
    await waitForReceived(b, stack, 40);
    await stack.pg.halt('fast');
    log('pg-restart: PostgreSQL stopped mid-burst');
    await new Promise((r) => setTimeout(r, 5_000));
    await stack.pg.resume();
    const at = performance.now();
    stack.smtp.setDataDelay(0);
    const recovered = await untilSettled(b, stack, EMAILS, at);
    return { down_s: 5, ...(await emailFigures(b.db.db, b.world.workspaceId, stack.smtp)), time_to_recover_s: recovered };
  } finally {
    await b.stop();
  }
}
