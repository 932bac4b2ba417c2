// The deployment entries as the Docker image runs them: `npm run build`'s bundled
// dist/api-main.mjs and dist/worker-main.mjs, plain node (no tsx), against the run's PostgreSQL
// and Temporal. The API answers /health, a workspace enrolls a prospect, the bundled worker opens
// the task, and SIGTERM stops both cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { bundleEntry } from '../../runtime/entry-bundle.js';
import { freePort } from '../../scripts/lib/ports.js';
import { callerFor } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const OPERATOR = randomBytes(24).toString('base64url');
let db: TestDatabase;
let api: ChildProcess;
let worker: ChildProcess;
let url: string;

function start(entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--max-old-space-size=192', '--max-semi-space-size=4', entry], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  child.once('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`[bundled ${entry}] exited ${code}:\n${output}`);
  });
  return child;
}

const exited = (c: ChildProcess) => new Promise<number | null>((resolve) => (c.exitCode !== null ? resolve(c.exitCode) : c.once('exit', (code) => resolve(code))));

beforeAll(async () => {
  db = await createTestDatabase();
  const [apiEntry, workerEntry, port] = await Promise.all([bundleEntry('runtime/api-main.ts'), bundleEntry('runtime/worker-main.ts'), freePort()]);
  const env = {
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `bundled-${randomBytes(4).toString('hex')}`,
    RELANCE_OPERATOR_TOKEN: OPERATOR,
    PORT: String(port),
    NODE_ENV: 'production',
    RELANCE_SECRET_KEY: randomBytes(32).toString('base64'),
  };
  api = start(apiEntry, env);
  worker = start(workerEntry, env);
  url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded 2-core CI machine the two processes start slowly (a boot, not a speed target).
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/health`).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the bundled API never answered /health');
}, 120_000);

afterAll(async () => {
  for (const c of [api, worker]) if (c && c.exitCode === null) c.kill('SIGKILL');
  await db?.drop();
});

describe('bundled deployment entries', () => {
  it('serve the API and run cadences, then stop on SIGTERM', async () => {
    const over = (path: string, init: RequestInit) => fetch(`${url}${path}`, init);
    const ws = await callerFor(over, OPERATOR)<{ apiKey: { key: string } }>('POST', '/v1/workspaces', { name: 'Bundled', timeZone: 'UTC' });
    expect(ws.status).toBe(201);
    const call = callerFor(over, ws.body.apiKey.key);
    const rep = await call<{ id: string }>('POST', '/v1/users', { email: 'rep@bundled.test', name: 'Rep' });
    const prospect = await call<{ id: string }>('POST', '/v1/prospects', { email: 'p@bundled.test', firstName: 'Pat', timeZone: 'UTC' });
    const seq = await call<{ sequenceId: string }>('POST', '/v1/sequences', {
      definition: { schemaVersion: 1, key: 'one-task', name: 'One task', steps: [{ id: 'qualify', type: 'task', title: 'Qualify', timing: { kind: 'immediately' } }] },
    });
    const enrolled = await call('POST', '/v1/enrollments', { prospectId: prospect.body.id, sequenceId: seq.body.sequenceId, repId: rep.body.id });
    expect([rep.status, prospect.status, seq.status, enrolled.status]).toEqual([201, 201, 201, 201]);
    let tasks: Array<{ title: string }> = [];
    for (let i = 0; i < 100 && tasks.length === 0; i++) {
      tasks = (await call<{ data: typeof tasks }>('GET', `/v1/reps/${rep.body.id}/tasks`)).body.data;
      if (tasks.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(tasks.map((t) => t.title)).toEqual([expect.stringContaining('Qualify')]);

    api.kill('SIGTERM');
    worker.kill('SIGTERM');
    expect(await exited(api)).toBe(0);
    expect(await exited(worker)).toBe(0);
  }, 60_000);
});
