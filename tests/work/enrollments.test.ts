// Enrollments over the API on a real worker: bulk enrollment with valid and invalid items,
// the paginated list and its filters, the timeline, upcoming steps, rep keys confined.
import { describe, expect, it } from 'vitest';
import { type KeyedWorkspace, withWorkerApi } from '../support/api.js';

let ws: KeyedWorkspace;
let repA: string, repB: string, sequenceId: string, archivedId: string;
const prospects: string[] = [];

type Enrollment = { id: string; prospectId: string; repId: string; status: string };
type Page<T> = { data: T[]; nextCursor: string | null };

/** Always open, so the real server needs no waiting; the task step holds the cadence. */
const definition = (key: string) => ({
  schemaVersion: 1,
  key,
  name: key,
  timing: { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0 },
  steps: [
    { id: 'qualify', type: 'task', title: 'Qualify the account', timing: { kind: 'immediately' } },
    { id: 'recap', type: 'email', timing: { kind: 'business_days_after', days: 2, at: '09:00' }, template: { subject: 'Hello {{prospect.firstName}}', body: 'About {{context}}.' } },
  ],
});

withWorkerApi({ timeZone: 'UTC' }, async (w) => {
  ws = w.ws;
  repA = (await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam' })).body.id;
  repB = (await ws.call<{ id: string }>('POST', '/v1/users', { email: 'lea@acme.test', name: 'Lea' })).body.id;
  for (let i = 0; i < 5; i++) {
    const p = await ws.call<{ id: string }>('POST', '/v1/prospects', { email: `p${i}@globex.test`, firstName: `P${i}`, timeZone: 'UTC' });
    expect(p.status).toBe(201);
    prospects.push(p.body.id);
  }
  const seq = await ws.call<{ sequenceId: string }>('POST', '/v1/sequences', { definition: definition('quick') });
  expect(seq.status).toBe(201);
  sequenceId = seq.body.sequenceId;
  archivedId = (await ws.call<{ sequenceId: string }>('POST', '/v1/sequences', { definition: definition('old') })).body.sequenceId;
  await ws.call('POST', `/v1/sequences/${archivedId}/archive`);
});

type BulkResult = { index: number; status: number; enrollment?: Enrollment; error?: { type: string; errors?: { field: string }[] } };

describe('enrollments', () => {
  it('bulk: each item succeeds or fails on its own', async () => {
    const items = [
      { prospectId: prospects[0], sequenceId, repId: repA, context: 'your Series B', pretext: 'We helped Acme.' },
      { prospectId: prospects[1], sequenceId, repId: repA },
      { prospectId: prospects[2], sequenceId, repId: repB },
      { prospectId: 'not-a-uuid', sequenceId, repId: repA },
      { prospectId: prospects[3], sequenceId, repId: repA, colour: 'blue' },
      { prospectId: crypto.randomUUID(), sequenceId, repId: repA },
      { prospectId: prospects[3], sequenceId: archivedId, repId: repA },
      { prospectId: prospects[0], sequenceId, repId: repA },
    ];
    const res = await ws.call<{ created: number; existing: number; failed: number; results: BulkResult[] }>('POST', '/v1/enrollments/bulk', { items });
    expect(res.status).toBe(200);
    const r = res.body.results;
    expect(r.map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The duplicate of item 0 waits for it and finds the same enrollment.
    expect(r.map((x) => x.status)).toEqual([201, 201, 201, 422, 422, 404, 409, 200]);
    expect(r[7]!.enrollment!.id).toBe(r[0]!.enrollment!.id);
    expect(r[0]!.enrollment).toMatchObject({ prospectId: prospects[0], repId: repA });
    expect(r[3]!.error!.errors!.map((e) => e.field)).toEqual(['body.items.3.prospectId']);
    expect(r[4]!.error!.errors!.map((e) => e.field)).toEqual(['body.items.4.colour']);
    expect(r[5]!.error!.errors!.map((e) => e.field)).toEqual(['body.items.5.prospectId']);
    expect(r[6]!.error!.type).toBe('/problems/conflict');
    expect(res.body.failed).toBe(4);
    expect(res.body.created + res.body.existing).toBe(4);

    const tooMany = await ws.call<{ errors: { field: string }[] }>('POST', '/v1/enrollments/bulk', { items: Array.from({ length: 1001 }, () => ({})) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0]!.field).toBe('body.items');
  });

  it('lists enrollments newest first with filters, in pages', async () => {
    const all = await ws.call<Page<Enrollment>>('GET', '/v1/enrollments');
    expect(all.body.data).toHaveLength(3);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: Page<Enrollment> } = await ws.call('GET', `/v1/enrollments?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      paged.push(...res.body.data.map((e) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.body.data.map((e) => e.id));
    const ofB = await ws.call<Page<Enrollment>>('GET', `/v1/enrollments?repId=${repB}`);
    expect(ofB.body.data.map((e) => e.prospectId)).toEqual([prospects[2]]);
    const ofP = await ws.call<Page<Enrollment>>('GET', `/v1/enrollments?prospectId=${prospects[1]}&sequenceId=${sequenceId}`);
    expect(ofP.body.data).toHaveLength(1);
    expect((await ws.call<Page<Enrollment>>('GET', '/v1/enrollments?status=stopped')).body.data).toHaveLength(0);
    const bad = await ws.call<{ errors: { field: string }[] }>('GET', '/v1/enrollments?status=sleeping');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!.field).toBe('query.status');
  });

  it('a rep key sees and acts on its own enrollments only', async () => {
    const key = await ws.call<{ key: string }>('POST', '/v1/api-keys', { name: 'lea', role: 'rep', userId: repB });
    const asB = ws.as(key.body.key);
    const mine = await asB<Page<Enrollment>>('GET', '/v1/enrollments');
    expect(mine.body.data.map((e) => e.repId)).toEqual([repB]);
    const aEnrollment = (await ws.call<Page<Enrollment>>('GET', `/v1/enrollments?repId=${repA}`)).body.data[0]!;
    expect((await asB('GET', `/v1/enrollments/${aEnrollment.id}`)).status).toBe(404);
    expect((await asB('GET', `/v1/enrollments/${aEnrollment.id}/timeline`)).status).toBe(404);
    expect((await asB('POST', `/v1/enrollments/${aEnrollment.id}/pause`, {})).status).toBe(404);
    const forOther = await asB<{ errors: { field: string }[] }>('POST', '/v1/enrollments', { prospectId: prospects[4], sequenceId, repId: repA });
    expect(forOther.status).toBe(404);
    expect(forOther.body.errors[0]!.field).toBe('body.repId');
  });

  it('timeline and upcoming steps come from the enrollment; once stopped, nothing is upcoming', async () => {
    const e = (await ws.call<Page<Enrollment>>('GET', `/v1/enrollments?prospectId=${prospects[0]}`)).body.data[0]!;
    // The workflow opens the task on its first workflow task; wait for it.
    let upcoming: { status: string; data: { stepId: string; dueAt: string }[] } = { status: '', data: [] };
    for (let i = 0; i < 100 && upcoming.data.length === 0; i++) {
      upcoming = (await ws.call<typeof upcoming>('GET', `/v1/enrollments/${e.id}/upcoming`)).body;
      if (upcoming.data.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(upcoming.status).toBe('active');
    expect(upcoming.data.map((s) => s.stepId)).toContain('recap');
    expect(upcoming.data.every((s) => !Number.isNaN(Date.parse(s.dueAt)))).toBe(true);

    let timeline: Page<{ id: number; type: string }> = { data: [], nextCursor: null };
    for (let i = 0; i < 100 && !timeline.data.some((x) => x.type === 'task.created'); i++) {
      timeline = (await ws.call<typeof timeline>('GET', `/v1/enrollments/${e.id}/timeline`)).body;
      if (!timeline.data.some((x) => x.type === 'task.created')) await new Promise((r) => setTimeout(r, 100));
    }
    expect(timeline.data.map((x) => x.type)).toContain('task.created');
    const ids = timeline.data.map((x) => x.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const first = await ws.call<Page<{ id: number }>>('GET', `/v1/enrollments/${e.id}/timeline?limit=1`);
    if (timeline.data.length > 1) {
      const second = await ws.call<Page<{ id: number }>>('GET', `/v1/enrollments/${e.id}/timeline?limit=1&cursor=${first.body.nextCursor}`);
      expect(second.body.data[0]!.id).toBe(ids[1]);
    }

    const stopped = await ws.call('POST', `/v1/enrollments/${e.id}/stop`, { reason: 'end of test' });
    expect(stopped.status).toBe(200);
    const after = await ws.call<{ status: string; data: unknown[] }>('GET', `/v1/enrollments/${e.id}/upcoming`);
    expect(after.status).toBe(200);
    expect(after.body.data).toEqual([]);
    // Stop the others too: the dev server is shared by the whole run.
    for (const other of (await ws.call<Page<Enrollment>>('GET', '/v1/enrollments?status=active')).body.data) {
      await ws.call('POST', `/v1/enrollments/${other.id}/stop`, { reason: 'end of test' });
    }
  });
});
