// `npm run bundle:workflows`: build the workflow bundle ahead of time (Docker images, CI).
import { ensureWorkflowBundle } from '../runtime/workflow-bundle.js';

const started = Date.now();
const path = await ensureWorkflowBundle();
console.log(`workflow bundle ready: ${path} (${Date.now() - started} ms)`);
