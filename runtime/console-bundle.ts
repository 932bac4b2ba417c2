// The console (console/, React) is built ahead with Vite and cached in dist/console-<hash> by a
// hash of its sources and the lockfile, as the workflow bundle is: a start finds it built.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from '../logging/log.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const consoleRoot = join(root, 'console');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

export function consoleSourcesHash(): string {
  const h = createHash('sha256');
  for (const f of listFiles(consoleRoot).sort()) h.update(f.slice(root.length)).update(readFileSync(f));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest('hex').slice(0, 16);
}

export const consoleBuildDir = (outDir = join(root, 'dist')) => join(outDir, `console-${consoleSourcesHash()}`);

/** The folder of an up-to-date build (index.html, assets/), building it when the sources changed. */
export async function ensureConsoleBuild(outDir = join(root, 'dist')): Promise<string> {
  const dir = consoleBuildDir(outDir);
  if (existsSync(join(dir, 'index.html'))) return dir;
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  // Built beside, then renamed: parallel test workers may race to build the same sources.
  const tmp = `${dir}.${process.pid}.tmp`;
  // A production build (React's and the JSX runtime's) whatever NODE_ENV says: vitest sets it to test.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: consoleRoot, configFile: false, logLevel: 'warn', mode: 'production', plugins: [react()], build: { outDir: tmp, emptyOutDir: true, reportCompressedSize: false } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  try {
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(dir, 'index.html'))) throw err;
  }
  for (const f of readdirSync(outDir)) {
    if (/^console-[0-9a-f]{16}$/.test(f) && join(outDir, f) !== dir) rmSync(join(outDir, f), { recursive: true, force: true });
  }
  return dir;
}

/** For a deployment entry: the build when present or buildable (dev dependencies installed), else null and a warning. */
export async function consoleBuildOrNull(): Promise<string | null> {
  try {
    return await ensureConsoleBuild();
  } catch (err) {
    log.warn({ err }, 'the console is not built (npm run build): / will not serve it');
    return null;
  }
}
