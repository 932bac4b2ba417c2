// Workflow code is bundled ahead of time (webpack via bundleWorkflowCode) and cached by a hash
// of its sources, so a worker start only loads a file instead of bundling for seconds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from '../logging/log.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Folders whose code can end up in the workflow bundle. */
const sourceDirs = ['workflows', 'domain'];

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export function workflowSourcesHash(): string {
  const h = createHash('sha256');
  const files = sourceDirs.flatMap((d) => listFiles(join(root, d))).sort();
  for (const f of files) h.update(f.slice(root.length)).update(readFileSync(f));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest('hex').slice(0, 16);
}

/** Returns the path of an up-to-date bundle, building it when the sources changed. */
export async function ensureWorkflowBundle(outDir = join(root, 'dist')): Promise<string> {
  const path = join(outDir, `workflows-${workflowSourcesHash()}.js`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(root, 'workflows', 'index.ts'),
    logger: quietLogger,
  });
  mkdirSync(outDir, { recursive: true });
  // Write then rename: parallel test workers may race to build the same bundle.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, path);
  // Older bundles are dead weight once the sources changed.
  for (const f of readdirSync(outDir)) {
    if (/^workflows-[0-9a-f]{16}\.js$/.test(f) && join(outDir, f) !== path) rmSync(join(outDir, f), { force: true });
  }
  return path;
}

const noop = () => {};
const quietLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: (...a: unknown[]) => log.warn(a.join(' ')), error: (...a: unknown[]) => log.error(a.join(' ')) };
