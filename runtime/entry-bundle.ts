// Deployment entries (worker, API) are bundled into one ES module each with esbuild. Node's ESM
// loader keeps about 0.3 MB resident per loaded module: drizzle-orm alone is ~450 modules,
// 130 MB, where the same code as one bundled module costs 3 MB. The Temporal SDK (native core,
// workflow thread files), PGlite (wasm) and swagger-ui-dist (static files) stay external:
// they are CommonJS or load files relative to their package.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// The console's build tools (vite) run at build time only; argon2 is a native addon.
const external = ['@temporalio/*', '@electric-sql/pglite', 'swagger-ui-dist', 'esbuild', 'tsx', '@swc/*', 'webpack', 'vite', '@vitejs/*', '@node-rs/*'];

/**
 * Bundles `entry` (a path from the repository root) into `dist/<name>.mjs` and returns its path.
 * The bundle sits one folder below the root, like the sources, so paths the code resolves
 * relative to its own file (`../db/migrations`) hold in both.
 */
export async function bundleEntry(entry: string, outDir = join(root, 'dist')): Promise<string> {
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(entry).replace(/\.ts$/, '')}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    external,
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(): give the ES module one.
    banner: { js: "import { createRequire as __relanceRequire } from 'node:module'; const require = __relanceRequire(import.meta.url);" },
  });
  return outfile;
}
