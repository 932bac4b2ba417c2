// Calling the API as a workspace's key holder: a workspace created with the operator token,
// its first admin key, and keys of other roles on demand.
import { Client, Connection } from '@temporalio/client';
import { createApp, type RelanceApp } from '../../api/app.js';
import type { ApiDeps } from '../../api/deps.js';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db.js';
import { testSecurity } from './security.js';
import { startTestWorker, type TestTemporal } from './temporal.js';

export const TEST_OPERATOR_TOKEN = 'test-operator-token';

/** ApiDeps but what every test app shares: the process's secrets and allow-list, the operator token. */
export type TestAppDeps = Omit<ApiDeps, 'secrets' | 'unsubscribe' | 'clicks' | 'allowList'> & Partial<Pick<ApiDeps, 'secrets' | 'unsubscribe' | 'clicks' | 'allowList'>>;

/** The app as runtime/api-main.ts wires it (the same secret box and signer), with the test operator token. */
export function createTestApp(deps: TestAppDeps): RelanceApp {
  return createApp({ ...testSecurity, operatorToken: TEST_OPERATOR_TOKEN, ...deps });
}

/** A Temporal client that never connects: for an app whose tests start no workflow. */
export function offlineTemporal(connectTimeout?: string): Client {
  return new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', ...(connectTimeout ? { connectTimeout } : {}) }) });
}

/** An application/problem+json body (api/problem.ts), as the tests read it. */
export type Problem = { type: string; title: string; status: number; detail: string; errors: Array<{ field: string; message: string }> };

export type ApiResult<T> = { status: number; body: T; headers: Headers };
export type Caller = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResult<T>>;

/** `call` through app.request (or any fetch-like function, e.g. a real server's). */
export function callerFor(fetchLike: (path: string, init: RequestInit) => Promise<Response> | Response, key: string | null): Caller {
  return async <T,>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetchLike(path, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
}

export type KeyedWorkspace = { workspaceId: string; adminKey: string; call: Caller; as: (key: string) => Caller };

/** A new workspace (default cadences installed) and a caller holding its admin key. */
export async function createKeyedWorkspace(app: Pick<RelanceApp, 'request'>, body: Record<string, unknown> = {}): Promise<KeyedWorkspace> {
  const fetchLike = (path: string, init: RequestInit) => app.request(path, init);
  const res = await callerFor(fetchLike, TEST_OPERATOR_TOKEN)<{ id: string; apiKey: { key: string } }>('POST', '/v1/workspaces', { name: 'Acme Sales', timeZone: 'Europe/Paris', ...body });
  if (res.status !== 201) throw new Error(`workspace: ${res.status} ${JSON.stringify(res.body)}`);
  const adminKey = res.body.apiKey.key;
  return { workspaceId: res.body.id, adminKey, call: callerFor(fetchLike, adminKey), as: (key) => callerFor(fetchLike, key) };
}

export type ApiWorld = { db: TestDatabase; app: RelanceApp; ws: KeyedWorkspace };

/**
 * The file's API: a fresh database, the app over it (on a Temporal client that never connects,
 * unless `deps` name one) and a workspace with its admin key. `use` gets them before the file's
 * tests; the database is dropped after.
 */
export function withTestApi(deps: Partial<TestAppDeps>, use: (w: ApiWorld) => unknown): void {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    const app = createTestApp({ db: db.db, temporal: offlineTemporal(), taskQueue: 'x', ...deps });
    await use({ db, app, ws: await createKeyedWorkspace(app) });
  });
  afterAll(async () => db?.drop());
}

export type WorkerApiWorld = ApiWorld & { temporal: TestTemporal };

/**
 * The file's API on a real Temporal worker (enrollments run): a fresh database, a worker on the
 * test server, the app and a workspace created with `workspace`. Stopped and dropped after.
 */
export function withWorkerApi(workspace: Record<string, unknown>, use: (w: WorkerApiWorld) => unknown): void {
  let db: TestDatabase | undefined;
  let temporal: TestTemporal | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = await startTestWorker(db.db);
    const app = createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
    await use({ db, app, temporal, ws: await createKeyedWorkspace(app, workspace) });
  });
  afterAll(async () => {
    await temporal?.stop();
    await db?.drop();
  });
}

/** withTestApi over a Temporal never reached, with the app's OpenAPI document: `use` receives both. */
export function withApiDocument<D>(use: (w: ApiWorld & { doc: D }) => unknown): void {
  withTestApi({ temporal: offlineTemporal('200ms') }, async (w) => use({ ...w, doc: (await (await w.app.request('/openapi.json')).json()) as D }));
}

