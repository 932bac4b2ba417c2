// `npm run drills [name...]`: crash drills on a split deployment (API and worker processes, a
// throw-away PostgreSQL cluster, a Temporal dev server on a SQLite file, an SMTP sink). Progress
// on stderr; one JSON line of figures per drill on stdout (see docs/drills.md).
import apiKillMidBulk from './api-kill-mid-bulk.js';
import { log } from './harness/burst.js';
import { startStack } from './harness/stack.js';
import pgRestartMidBurst from './pg-restart-mid-burst.js';
import temporalRestart from './temporal-restart.js';
import workerKillMidBurst from './worker-kill-mid-burst.js';
import workerSigterm from './worker-sigterm.js';

const drills = {
  'api-kill-mid-bulk': apiKillMidBulk,
  'worker-kill-mid-burst': workerKillMidBurst,
  'worker-sigterm': workerSigterm,
  'pg-restart-mid-burst': pgRestartMidBurst,
  'temporal-restart': temporalRestart,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in drills));
if (unknown.length) {
  console.error(`unknown drill(s): ${unknown.join(', ')}; known: ${Object.keys(drills).join(', ')}`);
  process.exit(2);
}
const stack = await startStack();
let failed = false;
try {
  for (const [name, drill] of Object.entries(drills)) {
    if (wanted.length && !wanted.includes(name)) continue;
    log(`${name}: starting`);
    const t0 = performance.now();
    try {
      const figures = await drill(stack);
      process.stdout.write(`${JSON.stringify({ drill: name, ...figures, drill_s: Math.round((performance.now() - t0) / 1000) })}\n`);
    } catch (err) {
      failed = true;
      process.stdout.write(`${JSON.stringify({ drill: name, error: err instanceof Error ? err.message : String(err) })}\n`);
    }
  }
} finally {
  await stack.close();
}
process.exit(failed ? 1 : 0);
