// Workspace settings over the API: holidays as the scheduler sees them, timing rules and
// escalation quotas (overrides and effective values), a rep's call capacity; ops only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { createKeyedWorkspace, type Caller, type KeyedWorkspace, createTestApp, type Problem } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestWorker, type TestTemporal } from '../support/temporal.js';
import { expectBadQueries } from '../support/bad-query.js';

let db: TestDatabase;
let temporal: TestTemporal;
let app: RelanceApp;
let ws: KeyedWorkspace;
let repId: string;
let asRep: Caller, asOps: Caller;

type Holidays = { country: string; region: string | null; year: number; holidays: { date: string; name: string }[] };

beforeAll(async () => {
  db = await createTestDatabase();
  temporal = await startTestWorker(db.db);
  app = createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
  ws = await createKeyedWorkspace(app);
  repId = (await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam' })).body.id;
  asRep = ws.as((await ws.call<{ key: string }>('POST', '/v1/api-keys', { name: 'rep', role: 'rep', userId: repId })).body.key);
  asOps = ws.as((await ws.call<{ key: string }>('POST', '/v1/api-keys', { name: 'ops', role: 'ops' })).body.key);
});
afterAll(async () => {
  await temporal?.stop();
  await db?.drop();
});

describe('holidays', () => {
  it('FR 2027 includes Bastille Day; a region adds its own days', async () => {
    const fr = await asRep<Holidays>('GET', '/v1/holidays?country=FR&year=2027');
    expect(fr.status).toBe(200);
    expect(fr.body).toMatchObject({ country: 'FR', region: null, year: 2027 });
    const dates = fr.body.holidays.map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2027-01-01', '2027-07-14', '2027-12-25']));
    expect(dates).not.toContain('2027-12-26');
    // Alsace-Moselle keeps St Stephen's Day.
    const alsace = await asRep<Holidays>('GET', '/v1/holidays?country=fr&region=FR-67&year=2027');
    expect(alsace.status).toBe(200);
    expect(alsace.body.holidays.map((h) => h.date)).toContain('2027-12-26');
  });

  it('an unknown country, region or type is a 400 naming the query parameter', async () => {
    await expectBadQueries(asRep, '/v1/holidays', [
      ['country=XX&year=2027', 'query.country'],
      ['country=FRA&year=2027', 'query.country'],
      ['country=FR&region=ZZZ&year=2027', 'query.region'],
      ['country=FR&types=pagan', 'query.types'],
      ['year=2027', 'query.country'],
    ]);
  });
});

describe('timing rules, escalation quotas, capacity', () => {
  it('timing rules: GET shows overrides and effective rules; PUT is for ops', async () => {
    const put = await asOps<{ timingRules: Record<string, unknown> }>('PUT', '/v1/timing-rules', { sendWindow: { start: '08:00', end: '18:00' } });
    expect(put.status).toBe(200);
    expect(put.body.timingRules).toEqual({ sendWindow: { start: '08:00', end: '18:00' } });
    const got = await asRep<{ timingRules: Record<string, unknown>; effective: Record<string, any> }>('GET', '/v1/timing-rules');
    expect(got.status).toBe(200);
    expect(got.body.timingRules).toEqual({ sendWindow: { start: '08:00', end: '18:00' } });
    expect(got.body.effective.sendWindow).toEqual({ start: '08:00', end: '18:00' });
    expect(got.body.effective.weekendDays).toEqual([6, 7]);
    expect((await asRep('PUT', '/v1/timing-rules', {})).status).toBe(403);
    const unknown = await asOps<Problem>('PUT', '/v1/timing-rules', { sendwindow: { start: '08:00', end: '18:00' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e) => e.field)).toEqual(['body.sendwindow']);
  });

  it('escalation quotas: GET and PUT', async () => {
    const put = await asOps<{ escalationPolicy: Record<string, unknown> }>('PUT', '/v1/escalation-policy', { perAccount: 2 });
    expect(put.status).toBe(200);
    const got = await asOps<{ escalationPolicy: Record<string, unknown>; effective: Record<string, unknown> }>('GET', '/v1/escalation-policy');
    expect(got.body.escalationPolicy).toEqual({ perAccount: 2 });
    expect(got.body.effective).toEqual({ perAccount: 2, perRep: 4, windowDays: 90 });
    expect((await asRep('PUT', '/v1/escalation-policy', { perAccount: 9 })).status).toBe(403);
  });

  it("a rep's call capacity is set by ops", async () => {
    const capacity = { callsPerHour: 6, callBlocks: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '11:00' }] };
    const put = await asOps<{ userId: string; callsPerHour: number }>('PUT', `/v1/users/${repId}/capacity`, capacity);
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ userId: repId, ...capacity });
    expect((await asRep('PUT', `/v1/users/${repId}/capacity`, capacity)).status).toBe(403);
    expect((await asOps('PUT', `/v1/users/${crypto.randomUUID()}/capacity`, capacity)).status).toBe(404);
    const bad = await asOps<Problem>('PUT', `/v1/users/${repId}/capacity`, { callsPerHour: 0, callBlocks: [{ start: '9h', end: '11:00' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['body.callBlocks.0.start', 'body.callsPerHour']);
    const sameTime = await asOps<Problem>('PUT', `/v1/users/${repId}/capacity`, { callsPerHour: 6, callBlocks: [{ start: '11:00', end: '11:00' }] });
    expect([sameTime.status, sameTime.body.errors.map((e) => e.field)]).toEqual([422, ['body.callBlocks.0.end']]);
  });
});
