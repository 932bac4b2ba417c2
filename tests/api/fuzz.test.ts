// The document is the contract: Schemathesis (scripts/ensure-schemathesis.sh) generates requests
// from /openapi.json for every operation, valid and invalid, against the real API on a real port
// (real PostgreSQL, real Temporal worker), and the run must end with no finding: no 5xx, no status
// code or content type the document does not list, no body that does not match its schema.
// The budget is fixed (seed, examples per operation), so a run is repeatable and bounded.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../api/server.js';
import { runProvisioningScript } from '../../scripts/lib/run-script.js';
import { parseAllowList } from '../../security/ssrf.js';
import { callerFor, TEST_OPERATOR_TOKEN, type Caller, createTestApp } from '../support/api.js';
import { createTestDatabase, onPglite, type TestDatabase } from '../support/db.js';
import { startTestWorker, type TestTemporal } from '../support/temporal.js';
import { fuzzConfig, type FuzzSeeds } from './fuzz/config.js';
import { testSecurity } from '../support/security.js';

/** Fixed, so a finding reproduces with the same command. */
const SEED = 20_260_515;
// A generous ceiling, not a target: the run takes about 4 minutes on an idle 2-core machine and
// twice that when the machine is shared; a killed run reads as a failure with its output so far.
const RUN_TIMEOUT_MS = 12 * 60_000;

let db: TestDatabase;
let temporal: TestTemporal;
let server: RunningServer;
let schemathesis: string;
let workDir: string;

beforeAll(async () => {
  [db, schemathesis] = await Promise.all([createTestDatabase(), runProvisioningScript('ensure-schemathesis.sh')]);
  temporal = await startTestWorker(db.db);
  server = await startHttpServer(
    createTestApp({
      db: db.db,
      temporal: temporal.client,
      taskQueue: temporal.taskQueue,
      operatorToken: TEST_OPERATOR_TOKEN,
      // The fuzzer is one key sending as fast as it can: 429 is tested in rate-limit.test.ts.
      rateLimit: { perSecond: 100_000, burst: 100_000 },
      // The seeded webhook, action provider and mailbox point at this machine.
      allowList: parseAllowList('127.0.0.1'),
    }),
    '127.0.0.1',
    0,
  );
  workDir = mkdtempSync(join(tmpdir(), 'relance-fuzz-'));
}, 180_000);

afterAll(async () => {
  await server?.close();
  await temporal?.stop();
  await db?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const over = (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init);

async function created<T = { id: string }>(call: Caller, method: string, path: string, body?: unknown): Promise<T> {
  const res = await call<T>(method, path, body);
  if (res.status !== 201 && res.status !== 200) throw new Error(`seed ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A workspace with one of each resource, so generated path ids sometimes name real rows. */
async function seedWorkspace(): Promise<FuzzSeeds> {
  const ws = await created<{ id: string; apiKey: { id: string; key: string } }>(callerFor(over, TEST_OPERATOR_TOKEN), 'POST', '/v1/workspaces', { name: 'Fuzz', timeZone: 'UTC' });
  const call = callerFor(over, ws.apiKey.key);
  const rep = await created(call, 'POST', '/v1/users', { email: 'sam@fuzz.test', name: 'Sam Rep' });
  const spareKey = await created(call, 'POST', '/v1/api-keys', { name: 'spare', role: 'integration' });
  const account = await created(call, 'POST', '/v1/accounts', { name: 'Globex', domain: 'globex.test' });
  const prospect = await created(call, 'POST', '/v1/prospects', { email: 'marie@globex.test', firstName: 'Marie', lastName: 'Curie', timeZone: 'UTC', accountId: account.id });
  const sequences = await created<{ data: Array<{ sequenceId: string }> }>(call, 'GET', '/v1/sequences');
  const sequenceId = sequences.data[0]!.sequenceId;
  const enrollment = await created(call, 'POST', '/v1/enrollments', { prospectId: prospect.id, sequenceId, repId: rep.id });
  const suppression = await created(call, 'POST', '/v1/suppressions', { value: 'nobody@initech.test' });
  const webhook = await created(call, 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', eventTypes: ['*'] });
  const provider = await created(call, 'POST', '/v1/action-providers', { channel: 'linkedin', url: 'http://127.0.0.1:9/actions' });
  // Without credentials: it stays disconnected and nothing tries to reach Google.
  const mailbox = await created(call, 'POST', '/v1/mailboxes', { userId: rep.id, address: 'sam@fuzz.test', provider: 'gmail' });
  let tasks: { data: Array<{ id: string }> } = { data: [] };
  for (let i = 0; i < 100 && tasks.data.length === 0; i++) {
    tasks = await created(call, 'GET', `/v1/reps/${rep.id}/tasks`);
    if (tasks.data.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  const unsubscribeToken = testSecurity.unsubscribe.sign({ workspaceId: ws.id, prospectId: prospect.id, touchId: randomUUID() });
  return {
    workspaceId: ws.id,
    adminKey: ws.apiKey.key,
    adminKeyId: ws.apiKey.id,
    spareKeyId: spareKey.id,
    unsubscribeToken,
    ids: {
      userId: [rep.id],
      repId: [rep.id],
      accountId: [account.id],
      prospectId: [prospect.id],
      sequenceId: [sequenceId],
      enrollmentId: [enrollment.id],
      suppressionId: [suppression.id],
      taskId: tasks.data.map((t) => t.id),
    },
    byPath: { '/v1/webhooks/': webhook.id, '/v1/action-providers/': provider.id, '/v1/mailboxes/': mailbox.id },
  };
}

type RunResult = { code: number | null; output: string; ms: number };

function runSchemathesis(configPath: string, seeds: FuzzSeeds): Promise<RunResult> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    // FUZZ_OPERATIONS=<path regex> narrows a run to some operations while fixing a finding.
    const only = process.env.FUZZ_OPERATIONS ? ['--include-path-regex', process.env.FUZZ_OPERATIONS] : [];
    const child = spawn(schemathesis, ['--config-file', configPath, '--no-color', 'run', ...only, `${server.url}/openapi.json`], {
      cwd: workDir,
      env: {
        ...process.env,
        RELANCE_FUZZ_API: server.url,
        RELANCE_FUZZ_KEY: seeds.adminKey,
        RELANCE_FUZZ_KEY_ID: seeds.adminKeyId,
        RELANCE_FUZZ_SPARE_KEY_ID: seeds.spareKeyId,
        // No terminal: plain, wide output for the failure message.
        COLUMNS: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - t0 });
    });
  });
}

describe('the OpenAPI document is the contract', () => {
  it('Schemathesis finds nothing: no 5xx, no undocumented status or content type, no body off its schema', async () => {
    const seeds = await seedWorkspace();
    const configPath = join(workDir, 'schemathesis.toml');
    // The PGlite pass (npm run test:pglite) looks for what differs with the embedded database (a
    // hang, an error of its own) with generated data; the coverage phase's schema boundaries are
    // the same on both and run once, on PostgreSQL.
    const config = fuzzConfig({ seeds, seed: SEED, hooks: fileURLToPath(new URL('./fuzz/hooks.py', import.meta.url)), reportDir: workDir, coverage: !onPglite() });
    writeFileSync(configPath, config);
    const run = await runSchemathesis(configPath, seeds);
    console.log(`[fuzz] schemathesis ran in ${run.ms} ms (exit ${run.code})`);
    // The summary names each finding with its operation, the check, and a curl command to replay it.
    expect(run.code, run.output).toBe(0);
    // Every operation of the document was tested, and every generated case passed.
    const selected = /Selected: (\d+)\/(\d+)\s+Tested: (\d+)/.exec(run.output);
    expect(selected && [selected[1], selected[3]], run.output).toEqual([selected?.[2], selected?.[2]]);
    if (!process.env.FUZZ_OPERATIONS) expect(Number(selected![2])).toBeGreaterThan(80);
    const cases = /(\d+) generated, (\d+) passed/.exec(run.output);
    expect(cases && cases[1], run.output).toBe(cases?.[2]);
  }, RUN_TIMEOUT_MS + 60_000);
});
