// `npm run build`: the workflow bundle, the console and the bundled deployment entries (dist/), as the
// Docker image runs them.
import { bundleEntry } from '../runtime/entry-bundle.js';
import { ensureWorkflowBundle } from '../runtime/workflow-bundle.js';
import { ensureConsoleBuild } from '../runtime/console-bundle.js';

const started = Date.now();
const built = [await ensureWorkflowBundle(), await ensureConsoleBuild(), await bundleEntry('runtime/worker-main.ts'), await bundleEntry('runtime/api-main.ts')];
console.log(`built in ${Date.now() - started} ms:\n  ${built.join('\n  ')}`);
