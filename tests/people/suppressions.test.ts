// The suppression list over HTTP, and its effect: an email staged for a suppressed address or
// domain is recorded as suppressed, never scheduled; lifting the entry lets later ones through.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import type { RelanceApp } from '../../api/app.js';
import { apiKeys, enrollments, events, prospects } from '../../db/schema.js';
import type { Step } from '../../domain/sequences/index.js';
import { callerFor, withTestApi, type Problem } from '../support/api.js';
import { type TestDatabase } from '../support/db.js';
import { seedWorkspace } from '../support/fixtures.js';
import { testActivityDeps } from '../support/temporal.js';
import { generateApiKey } from '../../api/middleware/auth.js';

let db: TestDatabase;
let app: RelanceApp;

withTestApi({}, (w) => ({ db, app } = w));

type Suppression = { id: string; value: string; kind: string; reason: string };
const step: Step = { id: 'intro', type: 'email', timing: { kind: 'immediately' }, template: { subject: 'Hi {{prospect.firstName}}', body: 'Hello' } } as Step;

/** A seeded workspace (rep, prospect, sequence) and an ops key's caller (ops lift suppressions). */
async function setup() {
  const seed = await seedWorkspace(db.db);
  const key = generateApiKey();
  await db.db.insert(apiKeys).values({ workspaceId: seed.workspace.id, name: 'ops', role: 'ops', prefix: key.prefix, secretHash: key.secretHash });
  const call = callerFor((path, init) => app.request(path, init), key.key);
  let n = 0;
  const enroll = async (email: string) => {
    const [p] = await db.db.insert(prospects).values({ workspaceId: seed.workspace.id, email, firstName: 'Pat', timeZone: 'UTC' }).returning();
    const [e] = await db.db
      .insert(enrollments)
      .values({ workspaceId: seed.workspace.id, prospectId: p!.id, sequenceId: seed.sequence.id, sequenceVersion: 1, repId: seed.rep.id, workflowId: `wf-${seed.workspace.id}-${n++}` })
      .returning();
    return e!.id;
  };
  const stage = (enrollmentId: string) =>
    createActivities(testActivityDeps(db.db)).stageEmail({ workspaceId: seed.workspace.id, enrollmentId, stepKey: 'intro#1', step, sendAt: new Date().toISOString() });
  return { ws: seed.workspace.id, call, enroll, stage };
}

describe('suppression list', () => {
  it('adds (idempotently), lists, removes; refuses what is neither an address nor a domain', async () => {
    const { call } = await setup();
    const added = await call<Suppression>('POST', '/v1/suppressions', { value: ' Legal@Globex.test ', reason: 'asked by legal' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ value: 'legal@globex.test', kind: 'email', reason: 'asked by legal' });
    const again = await call<Suppression>('POST', '/v1/suppressions', { value: 'legal@globex.test' });
    expect([again.status, again.body.id]).toEqual([200, added.body.id]);
    const domain = await call<Suppression>('POST', '/v1/suppressions', { value: 'Competitor.test' });
    expect(domain.body).toMatchObject({ value: 'competitor.test', kind: 'domain', reason: 'manual' });

    const bad = await call<Problem>('POST', '/v1/suppressions', { value: 'not a thing' });
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([422, 'body.value']);

    const list = await call<{ data: Suppression[]; nextCursor: string | null }>('GET', '/v1/suppressions?limit=1');
    expect(list.body.data.map((s) => s.value)).toEqual(['legal@globex.test']);
    const next = await call<{ data: Suppression[]; nextCursor: string | null }>('GET', `/v1/suppressions?limit=1&cursor=${list.body.nextCursor}`);
    expect([next.body.data.map((s) => s.value), next.body.nextCursor]).toEqual([['competitor.test'], null]);

    expect((await call('DELETE', `/v1/suppressions/${domain.body.id}`)).status).toBe(204);
    expect((await call('DELETE', `/v1/suppressions/${domain.body.id}`)).status).toBe(404);
  });

  it('suppresses a staged email to a listed address, domain or subdomain; others are scheduled', async () => {
    const { call, enroll, stage } = await setup();
    await call('POST', '/v1/suppressions', { value: 'ceo@initech.test' });
    const dom = await call<Suppression>('POST', '/v1/suppressions', { value: 'competitor.test' });

    const byAddress = await stage(await enroll('CEO@initech.test'));
    expect(byAddress).toMatchObject({ status: 'suppressed', detail: 'suppressed: ceo@initech.test' });
    const byDomain = await stage(await enroll('anyone@competitor.test'));
    expect(byDomain).toMatchObject({ status: 'suppressed', detail: 'suppressed: competitor.test' });
    const bySubdomain = await stage(await enroll('eu@sales.competitor.test'));
    expect(bySubdomain).toMatchObject({ status: 'suppressed', detail: 'suppressed: competitor.test' });
    const fine = await stage(await enroll('cto@initech.test'));
    expect(fine).toMatchObject({ status: 'scheduled', detail: null });

    const [event] = await db.db.select().from(events).where(eq(events.dedupeKey, `touch:${byDomain.touchId}`));
    expect(event).toMatchObject({ type: 'touch.suppressed', payload: { reason: 'suppressed: competitor.test' } });

    // Lifted: the next staging goes through; the touch already suppressed stays so (and a retry returns it).
    await call('DELETE', `/v1/suppressions/${dom.body.id}`);
    expect(await stage(await enroll('new@competitor.test'))).toMatchObject({ status: 'scheduled' });
  });
});
