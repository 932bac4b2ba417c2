// docker-compose.yml is checked like `docker compose config` does (schema, interpolation,
// consistency) by scripts/check-compose.sh, which works without a Docker engine: the first
// run may build its Go checker (compose-go), hence the generous timeout.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts', 'check-compose.sh');
const composeFile = join(root, 'docker-compose.yml');

type Run = { code: number | null; stdout: string; stderr: string };

function checkCompose(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script, ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Applies a textual edit and fails loudly when the anchor text is no longer in the file. */
function edit(text: string, from: string, to: string): string {
  expect(text, `docker-compose.yml no longer contains ${JSON.stringify(from)}`).toContain(from);
  return text.replace(from, to);
}

const tmp = mkdtempSync(join(tmpdir(), 'relance-compose-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('docker-compose.yml', { timeout: 300_000 }, () => {
  it('is a valid compose project with the five services', async () => {
    const run = await checkCompose([]);
    expect(run.stderr).not.toMatch(/invalid/);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').sort()).toEqual(['api', 'postgres', 'temporal', 'temporal-ui', 'worker']);
  });

  it('gives the API and the worker the same overridable database URL', async () => {
    const run = await checkCompose(['--yaml', composeFile], {
      POSTGRES_USER: 'sales',
      POSTGRES_PASSWORD: 's3cret',
      POSTGRES_DB: 'relance_prod',
    });
    expect(run.code).toBe(0);
    const urls = run.stdout.match(/DATABASE_URL: postgres:\/\/sales:s3cret@postgres:5432\/relance_prod$/gm) ?? [];
    // api, worker (and the x-relance-env extension itself).
    expect(urls.length).toBeGreaterThanOrEqual(2);
    expect(run.stdout).not.toMatch(/DATABASE_URL: postgres:\/\/relance:relance@/);
  });

  const original = readFileSync(composeFile, 'utf8');
  const broken: Array<[what: string, make: (text: string) => string, message: RegExp]> = [
    [
      'ports that are not a list',
      (t) => edit(t, 'ports:\n      - "${RELANCE_PORT:-3000}:3000"', 'ports: "not-a-list"'),
      /services\.api\.ports must be a(n)? array/,
    ],
    ['an unknown top-level key', (t) => `${t}\nunknown_top_level: true\n`, /additional propert.*'unknown_top_level' not allowed/],
    [
      'a dependency on an undefined service',
      (t) => edit(t, '      api:\n        condition: service_healthy', '      apii:\n        condition: service_healthy'),
      /depends on undefined service "apii"/,
    ],
  ];

  it.each(broken)('rejects a copy with %s, naming the problem', async (what, make, message) => {
    const file = join(tmp, `${what.replaceAll(' ', '-')}.yml`);
    writeFileSync(file, make(original));
    const run = await checkCompose([file]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stdout.trim()).toBe('');
  });
});
