// The Temporal dev server stopped in the middle of a bulk enrollment with an email burst, and
// started again 5 s later on the same SQLite file. Items the API could not start answer 503 and
// the client sends them again; every enrollment runs once, every email leaves once.
import { count, eq } from 'drizzle-orm';
import { enrollments } from '../db/schema.js';
import { log, startBurst, untilSettled } from './harness/burst.js';
import { emailFigures, secondsUntil } from './harness/figures.js';
import type { Stack } from './harness/stack.js';
import { enrollItems } from './harness/world.js';

const EMAILS = 200;

export default async function temporalRestart(stack: Stack): Promise<Record<string, unknown>> {
  const b = await startBurst(stack, 'temporal-restart', { prospects: EMAILS, smtpDelayMs: 100 });
  try {
    const enrolled = async () => (await b.db.db.select({ n: count() }).from(enrollments).where(eq(enrollments.workspaceId, b.world.workspaceId)))[0]!.n;
    await secondsUntil(async () => (await enrolled()) >= 50, 120_000);
    await stack.stopTemporal();
    log('temporal-restart: dev server stopped mid-bulk');
    await new Promise((r) => setTimeout(r, 5_000));
    await stack.startTemporal();
    const at = performance.now();
    const first = await b.bulk;
    const failed = first?.body.results.filter((r) => r.status >= 500).map((r) => r.index) ?? [];
    const items = enrollItems(b.world, b.world.emailSequenceId);
    const retry = failed.length ? await b.world.call<{ created: number; failed: number }>('POST', '/v1/enrollments/bulk', { items: failed.map((i) => items[i]) }) : null;
    log(`temporal-restart: ${failed.length} items failed and were sent again`);
    const recovered = await untilSettled(b, stack, EMAILS, at);
    return {
      first_answer: first ? { created: first.body.created, existing: first.body.existing, failed: first.body.failed } : null,
      retried: failed.length,
      retry_failed: retry?.body.failed ?? 0,
      enrollments: await enrolled(),
      ...(await emailFigures(b.db.db, b.world.workspaceId, stack.smtp)),
      time_to_recover_s: recovered,
    };
  } finally {
    await b.stop();
  }
}
