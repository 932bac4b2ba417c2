// A workspace for a drill, made through the public API of a running API process: reps, each
// with an SMTP mailbox on the sink (no pacing: the burst leaves at once), prospects, and the
// cadences the drills run (one email, or one task), on always-open timing rules.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { prospects } from '../../db/schema.js';
import { callerFor, type Caller } from '../../tests/support/api.js';

export type SmtpSink = { host: string; port: number; username: string; password: string };

export type World = {
  workspaceId: string;
  call: Caller;
  reps: string[];
  prospectIds: string[];
  /** One email now, then the end. */
  emailSequenceId: string;
  /** One task now (the rep qualifies), then the end. */
  taskSequenceId: string;
};

const ALWAYS_OPEN = { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0, maxTouchesPerWeek: 1000 };

export function apiCaller(baseUrl: string, key: string): Caller {
  return callerFor((path, init) => fetch(`${baseUrl}${path}`, init), key);
}

async function ok<T>(p: Promise<{ status: number; body: T }>, what: string, expected = 201): Promise<T> {
  const res = await p;
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function seedWorld(o: { baseUrl: string; operatorToken: string; db: Database; smtp: SmtpSink | null; reps: number; prospects: number; name?: string }): Promise<World> {
  const ws = await ok(apiCaller(o.baseUrl, o.operatorToken)<{ id: string; apiKey: { key: string } }>('POST', '/v1/workspaces', { name: o.name ?? 'Drill', timeZone: 'UTC' }), 'workspace');
  const call = apiCaller(o.baseUrl, ws.apiKey.key);
  await ok(call('PUT', '/v1/timing-rules', ALWAYS_OPEN), 'timing rules', 200);
  const reps: string[] = [];
  for (let i = 0; i < o.reps; i++) {
    const rep = await ok(call<{ id: string }>('POST', '/v1/users', { email: `rep${i}@drill.test`, name: `Rep ${i}`, timeZone: 'UTC' }), 'rep');
    reps.push(rep.id);
    if (o.smtp) {
      const smtp = { host: o.smtp.host, port: o.smtp.port, secure: false, requireTls: false, username: o.smtp.username, password: o.smtp.password };
      await ok(call('POST', '/v1/mailboxes', { userId: rep.id, address: `rep${i}@drill.test`, provider: 'smtp', smtp, dailyCap: 2000, hourlyCap: 500, minGapSeconds: 0 }), 'mailbox');
    }
  }
  const rows = Array.from({ length: o.prospects }, (_, i) => ({ email: `p${String(i).padStart(5, '0')}@prospect-${i % 50}.test`, firstName: `P${i}`, lastName: 'Drill', timeZone: 'UTC' }));
  await ok(call('POST', '/v1/prospects/import', { prospects: rows }), 'import', 200);
  const ids = await o.db.select({ id: prospects.id }).from(prospects).where(eq(prospects.workspaceId, ws.id)).orderBy(asc(prospects.email));
  const email = await ok(
    call<{ sequenceId: string }>('POST', '/v1/sequences', {
      definition: { schemaVersion: 1, key: 'drill-email', name: 'One email', steps: [{ id: 'hello', type: 'email', timing: { kind: 'immediately' }, template: { subject: 'Hello {{prospect.firstName}}', body: 'Ten minutes next week?' } }] },
    }),
    'email sequence',
  );
  const task = await ok(
    call<{ sequenceId: string }>('POST', '/v1/sequences', {
      definition: { schemaVersion: 1, key: 'drill-task', name: 'One task', steps: [{ id: 'qualify', type: 'task', title: 'Qualify', timing: { kind: 'immediately' } }] },
    }),
    'task sequence',
  );
  return { workspaceId: ws.id, call, reps, prospectIds: ids.map((r) => r.id), emailSequenceId: email.sequenceId, taskSequenceId: task.sequenceId };
}

/** Bulk enrollment items: prospect i with rep i mod reps. */
export function enrollItems(w: World, sequenceId: string, prospectIds = w.prospectIds) {
  return prospectIds.map((prospectId, i) => ({ prospectId, sequenceId, repId: w.reps[i % w.reps.length]! }));
}
