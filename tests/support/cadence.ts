// A harness for cadence tests on the time-skipping server: the real worker code and activities,
// the real API (app.request) and a fresh PostgreSQL database; test code moves time forward.
import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { createActivities } from '../../activities/index.js';
import type { RelanceApp } from '../../api/app.js';
import { TEST_OPERATOR_TOKEN, createTestApp, type ApiResult as HttpResult } from './api.js';
import type { EnrollmentStatusView } from '../../workflows/enrollment/messages.js';
import { statusQuery } from '../../workflows/enrollment/messages.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { createTimeSkippingEnv } from './time-skipping.js';
import { testActivityDeps, testChannelRegistry } from './temporal.js';
import type { AllowList } from '../../security/ssrf.js';
import { LOOPBACK_ALLOWED } from './security.js';
import { startTestSmtpServer, type TestSmtpServer } from './smtp.js';

/** What the harness's api() answers: the status and the parsed body. */
type ApiResult<T> = Omit<HttpResult<T>, 'headers'>;
type Json = Record<string, unknown>;

export type CadenceHarness = {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  app: RelanceApp;
  taskQueue: string;
  api: <T = Json>(method: string, path: string, body?: unknown) => Promise<ApiResult<T>>;
  /** Acts as this workspace's admin (the last created one until told otherwise). */
  actAs: (workspaceId: string) => void;
  /** app.request with the current workspace's key. */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  now: () => Promise<number>;
  advanceTo: (iso: string) => Promise<void>;
  stop: () => Promise<void>;
};

/** allowList: private hosts the channels may reach (a test's own SMTP server); the process's by default. */
export async function startCadenceHarness(o: { allowList?: AllowList } = {}): Promise<CadenceHarness> {
  const [env, db] = await Promise.all([createTimeSkippingEnv(), createTestDatabase()]);
  const taskQueue = `cadence-${randomBytes(4).toString('hex')}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundle') },
    activities: createActivities(testActivityDeps(db.db, testChannelRegistry(o.allowList ? { allowList: o.allowList } : {}), { temporal: env.client })),
  });
  const running = worker.run();
  // Due and overdue tasks are judged on the test server's (skipped) clock, as the workflows see it.
  const app = createTestApp({ db: db.db, temporal: env.client, taskQueue, clock: async () => Number(await env.currentTimeMs()) });
  // The key of the workspace created last: the harness acts as that workspace's admin.
  let key: string | null = null;
  const keys = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) =>
    app.request(path, { ...init, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(init.headers as Record<string, string> | undefined) } });
  const api = async <T,>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> => {
    const creating = method === 'POST' && path === '/v1/workspaces';
    const auth = creating ? TEST_OPERATOR_TOKEN : key;
    const res = await app.request(path, {
      method,
      headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const parsed = (await res.json()) as T;
    if (creating && res.status === 201) {
      const created = parsed as { id: string; apiKey: { key: string } };
      key = created.apiKey.key;
      keys.set(created.id, key);
    }
    return { status: res.status, body: parsed };
  };
  const now = async () => Number(await env.currentTimeMs());
  return {
    env,
    db,
    app,
    taskQueue,
    api,
    request,
    actAs: (workspaceId) => {
      key = keys.get(workspaceId) ?? key;
    },
    now,
    advanceTo: async (iso) => {
      const ms = Date.parse(iso) - (await now());
      if (ms > 0) await env.sleep(ms);
    },
    stop: async () => {
      worker.shutdown();
      await running;
      await env.teardown();
      await db.drop();
    },
  };
}

/** The file's harness, started before its tests (`use` receives it), stopped after. */
export function withCadenceHarness(use: (h: CadenceHarness) => unknown): void {
  let h: CadenceHarness | undefined;
  beforeAll(async () => {
    h = await startCadenceHarness();
    await use(h);
  });
  afterAll(async () => h?.stop());
}

/** The file's harness with one workspace seeded (a manager, a rep, a prospect): `use` receives both. */
export function withSeededHarness(prospect: Parameters<typeof seed>[1], use: (started: { h: CadenceHarness; s: Seed }) => unknown): void {
  withCadenceHarness(async (h) => use({ h, s: await seed(h, prospect) }));
}

/**
 * The file's harness, seeded in Paris, beside a real SMTP server its mailboxes may reach (on
 * loopback, allowed): `use` receives all three.
 */
export function withSmtpHarness(use: (started: { h: CadenceHarness; s: Seed; smtp: TestSmtpServer }) => unknown): void {
  let h: CadenceHarness | undefined;
  let smtp: TestSmtpServer | undefined;
  beforeAll(async () => {
    [h, smtp] = await Promise.all([startCadenceHarness({ allowList: LOOPBACK_ALLOWED }), startTestSmtpServer({ username: 'sam@acme.test' })]);
    await use({ h, s: await seed(h, { timeZone: 'Europe/Paris' }), smtp });
  });
  afterAll(async () => {
    await h?.stop();
    await smtp?.close();
  });
}

export type Seed = {
  workspaceId: string;
  repId: string;
  managerId: string;
  prospectId: string;
  accountId: string;
  sequences: Record<string, string>;
};

/** A workspace (default cadences installed), a manager, a rep and one prospect, all through the API. */
export async function seed(
  h: CadenceHarness,
  prospect: { timeZone?: string; country?: string; region?: string; email?: string; firstName?: string; lastName?: string; account?: string },
  workspace: Json = {},
): Promise<Seed> {
  const ws = await h.api<{ id: string }>('POST', '/v1/workspaces', { name: 'Acme Sales', timeZone: 'Europe/Paris', ...workspace });
  if (ws.status !== 201) throw new Error(`workspace: ${JSON.stringify(ws.body)}`);
  const w = ws.body.id;
  const manager = await h.api<{ id: string }>('POST', `/v1/users`, { email: 'claire@acme.test', name: 'Claire Director', role: 'manager' });
  const rep = await h.api<{ id: string }>('POST', `/v1/users`, { email: 'sam@acme.test', name: 'Sam Rep', phone: '+33 1 23 45 67 89', managerId: manager.body.id });
  const p = await h.api<{ id: string; accountId: string }>('POST', `/v1/prospects`, {
    email: prospect.email ?? 'marie@globex.test',
    firstName: prospect.firstName ?? 'Marie',
    lastName: prospect.lastName ?? 'Curie',
    title: 'VP Sales',
    phone: '+33 6 00 00 00 00',
    ...(prospect.timeZone ? { timeZone: prospect.timeZone } : {}),
    ...(prospect.country ? { country: prospect.country } : {}),
    ...(prospect.region ? { region: prospect.region } : {}),
    account: { name: prospect.account ?? 'Globex', domain: `${(prospect.account ?? 'globex').toLowerCase()}.test` },
  });
  if (p.status !== 201) throw new Error(`prospect: ${JSON.stringify(p.body)}`);
  const seqs = await h.api<{ data: Array<{ sequenceId: string; key: string }> }>('GET', `/v1/sequences`);
  return {
    workspaceId: w,
    repId: rep.body.id,
    managerId: manager.body.id,
    prospectId: p.body.id,
    accountId: p.body.accountId,
    sequences: Object.fromEntries(seqs.body.data.map((s) => [s.key, s.sequenceId])),
  };
}

export async function addProspect(h: CadenceHarness, s: Seed, email: string, extra: Json = {}): Promise<string> {
  h.actAs(s.workspaceId);
  const p = await h.api<{ id: string }>('POST', `/v1/prospects`, { email, firstName: 'Alex', lastName: 'Martin', timeZone: 'Europe/Paris', ...extra });
  if (p.status !== 201) throw new Error(`prospect: ${JSON.stringify(p.body)}`);
  return p.body.id;
}

export type Enrolled = { id: string; workflowId: string };

export async function enroll(h: CadenceHarness, s: Seed, opts: { prospectId?: string; sequence?: string; context?: string; pretext?: string } = {}): Promise<Enrolled> {
  h.actAs(s.workspaceId);
  const res = await h.api<Enrolled>('POST', `/v1/enrollments`, {
    prospectId: opts.prospectId ?? s.prospectId,
    sequenceId: s.sequences[opts.sequence ?? 'announced-call'],
    repId: s.repId,
    context: opts.context ?? 'your Series B',
    pretext: opts.pretext ?? 'We helped Initech cut rep ramp-up by 30%.',
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`enroll: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function status(h: CadenceHarness, e: Enrolled): Promise<EnrollmentStatusView> {
  return h.env.client.workflow.getHandle(e.workflowId).query(statusQuery);
}

/** Polls the workflow (in real time; time does not skip meanwhile) until the predicate holds. */
export async function waitFor(h: CadenceHarness, e: Enrolled, pred: (s: EnrollmentStatusView) => boolean, what: string): Promise<EnrollmentStatusView> {
  let last: EnrollmentStatusView | undefined;
  for (let i = 0; i < 200; i++) {
    last = await status(h, e).catch(() => undefined);
    if (last && pred(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; last status: ${JSON.stringify(last && { phase: last.phase, stepId: last.stepId, dueAt: last.dueAt, status: last.status, history: last.history.slice(-3) })}`);
}

/** Waits for the step's task to be open and returns it. */
export async function openTaskOf(h: CadenceHarness, e: Enrolled, stepId: string) {
  const s = await waitFor(h, e, (v) => v.phase === 'task_open' && v.currentTask?.stepId === stepId, `the ${stepId} task`);
  return s.currentTask!;
}

/** Waits until the workflow waits for `stepId` to come due, and returns its due time. */
export async function dueOf(h: CadenceHarness, e: Enrolled, stepId: string): Promise<string> {
  const s = await waitFor(h, e, (v) => (v.phase === 'waiting' || v.phase === 'task_open') && v.stepId === stepId && v.dueAt !== null, `${stepId} to be planned`);
  return s.dueAt!;
}

export async function complete(h: CadenceHarness, s: Seed, taskId: string, outcome: Json) {
  h.actAs(s.workspaceId);
  return h.api<{ task: { status: string; outcome: Json }; enrollmentStatus: string; next: { stepId: string; dueAt: string } | null; type?: string; detail?: string }>(
    'POST',
    `/v1/tasks/${taskId}/complete`,
    outcome,
  );
}

/** Local wall-clock time of an instant, "YYYY-MM-DD HH:mm (weekday)". */
export function local(iso: string, zone: string): string {
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} (${get('weekday')})`;
}
