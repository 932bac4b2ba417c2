// What the inbound mail and compliance tests share: a real worker on the dev server, the real
// API (app.request), a workspace with a rep, a signed email inbound source, a cadence that stays
// active (its only task is due in two days), and the touches our emails left as.
import { createHmac, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { RelanceApp } from '../../api/app.js';
import { enrollments, touches } from '../../db/schema.js';
import type { AllowList } from '../../security/ssrf.js';
import { createKeyedWorkspace, type KeyedWorkspace, createTestApp } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestWorker, testChannelRegistry, type TestTemporal } from '../support/temporal.js';

export const ALWAYS_OPEN = { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0 };
const laterTask = (key: string, extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  key,
  name: key,
  timing: ALWAYS_OPEN,
  ...extra,
  steps: [{ id: 'research', type: 'task', title: 'Research the account', timing: { kind: 'after', minutes: 2880 } }],
});

export type MailWorld = Awaited<ReturnType<typeof startMailWorld>>;

/** `allowList`: private hosts the API lets a mailbox name (a test's own IMAP server on loopback). */
export async function startMailWorld(timingRules: Record<string, unknown> = {}, o: { allowList?: AllowList } = {}) {
  const db: TestDatabase = await createTestDatabase();
  // The worker's mailboxes reach the same hosts the API let them name.
  const temporal: TestTemporal = await startTestWorker(db.db, o.allowList ? { channels: testChannelRegistry({ allowList: o.allowList }) } : {});
  const app: RelanceApp = createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue, ...o });
  const ws: KeyedWorkspace = await createKeyedWorkspace(app, { timeZone: 'Europe/Paris' });
  const must = <T>(r: { status: number; body: T }, status: number, what: string): T => {
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  must(await ws.call('PUT', '/v1/timing-rules', { ...ALWAYS_OPEN, ...timingRules }), 200, 'timing rules');
  const repId = must(await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep' }), 201, 'rep').id;
  const secret = must(await ws.call<{ secret: string }>('PUT', '/v1/inbound-sources/email'), 201, 'inbound source').secret;
  const sequences: Record<string, string> = {};
  for (const [key, extra] of [['later', {}], ['later-account', { stopAccountOnReply: true }]] as const) {
    sequences[key] = must(await ws.call<{ sequenceId: string }>('POST', '/v1/sequences', { definition: laterTask(key, extra) }), 201, 'sequence').sequenceId;
  }

  return {
    db,
    temporal,
    app,
    ws,
    repId,
    sequences,
    /** POST /v1/inbound/{ws}/email, signed per Standard Webhooks with the source's secret. */
    async deliver<T = Record<string, unknown>>(body: unknown, id = `msg_${randomUUID()}`) {
      const raw = JSON.stringify(body);
      const ts = Math.floor(Date.now() / 1000);
      const signature = `v1,${createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${id}.${ts}.${raw}`).digest('base64')}`;
      const res = await app.request(`/v1/inbound/${ws.workspaceId}/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature },
        body: raw,
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    async addProspect(email: string, extra: Record<string, unknown> = {}) {
      return must(await ws.call<{ id: string; accountId: string | null }>('POST', '/v1/prospects', { email, firstName: 'Alex', timeZone: 'Europe/Paris', ...extra }), 201, 'prospect');
    },
    async enroll(prospectId: string, sequence = 'later') {
      return must(await ws.call<{ id: string }>('POST', '/v1/enrollments', { prospectId, sequenceId: sequences[sequence], repId }), 201, 'enrollment').id;
    },
    /** The touch an email of the cadence left as (the outbox writes it when it sends). */
    async sentTouch(enrollmentId: string, prospectId: string, messageId: string, toAddress: string) {
      const [t] = await db.db
        .insert(touches)
        .values({ workspaceId: ws.workspaceId, enrollmentId, prospectId, stepKey: `intro#${randomUUID().slice(0, 8)}`, channel: 'email', provider: 'smtp', status: 'sent', toAddress, subject: 'A quick call on Tuesday?', messageId, sentAt: new Date() })
        .returning();
      return t!.id;
    },
    /** The enrollment row once it has this status (the workflow writes it). */
    async enrollmentWhen(id: string, status: string) {
      for (let i = 0; i < 150; i++) {
        const [row] = await db.db.select().from(enrollments).where(eq(enrollments.id, id));
        if (row?.status === status) return row;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`enrollment ${id} never became ${status}`);
    },
    async stop() {
      await temporal?.stop();
      await db?.drop();
    },
  };
}
