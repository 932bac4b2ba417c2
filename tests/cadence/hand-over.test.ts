// A rep who leaves hands their work over: deactivating them with running cadences is refused
// until someone is named, then their cadences, open tasks and later tasks are the successor's,
// each cadence saying so on its timeline. The same hand-over stands alone (territory change).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enrollments, events, tasks } from '../../db/schema.js';
import type { Problem } from '../support/api.js';
import { addProspect, complete, enroll, openTaskOf, type CadenceHarness, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextWorkingMonday } from '../support/dates.js';
import { sequenceDefinition } from '../support/sequence-definition.js';

const PARIS = 'Europe/Paris';
let h: CadenceHarness;
let s: Seed;

withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

const fields = (p: Problem) => p.errors?.map((e) => e.field);
const repOf = async (enrollmentId: string) => (await h.db.db.select({ repId: enrollments.repId }).from(enrollments).where(eq(enrollments.id, enrollmentId)))[0]!.repId;
const taskRep = async (taskId: string) => (await h.db.db.select({ repId: tasks.repId }).from(tasks).where(eq(tasks.id, taskId)))[0]!.repId;

describe("a rep's work handed over", () => {
  it('deactivating Sam is refused until someone takes his work; then Bea has his cadences, his open task and the tasks that follow', async () => {
    const monday = nextWorkingMonday(await h.now(), PARIS, 'FR');
    await h.advanceTo(iso(monday));
    const bea = await h.api<{ id: string }>('POST', '/v1/users', { email: 'bea@acme.test', name: 'Bea Rep', managerId: s.managerId });
    expect(bea.status).toBe(201);
    const seq = await h.api<{ sequenceId: string }>('POST', '/v1/sequences', {
      definition: sequenceDefinition(
        'note-then-call',
        [
          { id: 'note', type: 'linkedin_note', timing: { kind: 'immediately' }, template: { body: 'Hello {{prospect.firstName}}' } },
          { id: 'call', type: 'call', timing: { kind: 'next_business_day_at', at: '10:00' } },
        ],
        { name: 'Note, then a call', coldCallReason: 'prospects met at a trade show asked to be called' },
      ),
    });
    expect(seq.status, JSON.stringify(seq.body)).toBe(201);
    s.sequences['note-then-call'] = seq.body.sequenceId;

    // Marie's note is done (her call task waits for Tuesday); Alex's note is still open.
    const marie = await enroll(h, s, { sequence: 'note-then-call' });
    const marieNote = await openTaskOf(h, marie, 'note');
    expect((await complete(h, s, marieNote.taskId, { outcome: 'done' })).body.next?.stepId).toBe('call');
    const alex = await enroll(h, s, { sequence: 'note-then-call', prospectId: await addProspect(h, s, 'alex@initech.test') });
    const alexNote = await openTaskOf(h, alex, 'note');

    // Nobody named: refused, naming handTo, and Sam stays active.
    const orphaned = await h.api<Problem>('PATCH', `/v1/users/${s.repId}`, { active: false });
    expect([orphaned.status, fields(orphaned.body)]).toEqual([422, ['body.handTo']]);
    expect(orphaned.body.detail).toContain('2 cadence(s) not over and 2 open task(s)');
    expect((await h.api<{ deactivatedAt: string | null }>('GET', `/v1/users/${s.repId}`)).body.deactivatedAt).toBeNull();
    const himself = await h.api<Problem>('PATCH', `/v1/users/${s.repId}`, { active: false, handTo: s.repId });
    expect([himself.status, fields(himself.body)]).toEqual([422, ['body.handTo']]);
    const nobody = await h.api<Problem>('PATCH', `/v1/users/${s.repId}`, { active: false, handTo: crypto.randomUUID() });
    expect([nobody.status, fields(nobody.body)]).toEqual([422, ['body.handTo']]);
    const notLeaving = await h.api<Problem>('PATCH', `/v1/users/${bea.body.id}`, { handTo: s.managerId });
    expect([notLeaving.status, fields(notLeaving.body)]).toEqual([422, ['body.handTo']]);
    expect(await repOf(marie.id)).toBe(s.repId);

    // Bea takes over.
    const gone = await h.api<{ deactivatedAt: string | null }>('PATCH', `/v1/users/${s.repId}`, { active: false, handTo: bea.body.id });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    expect(gone.body.deactivatedAt).not.toBeNull();
    expect([await repOf(marie.id), await repOf(alex.id)]).toEqual([bea.body.id, bea.body.id]);
    expect(await taskRep(alexNote.taskId)).toBe(bea.body.id);
    const marieCall = await h.db.db.select({ id: tasks.id, repId: tasks.repId }).from(tasks).where(and(eq(tasks.enrollmentId, marie.id), eq(tasks.kind, 'call')));
    expect(marieCall.map((t) => t.repId)).toEqual([bea.body.id]);
    const queue = await h.api<{ data: Array<{ id: string }> }>('GET', `/v1/reps/${bea.body.id}/tasks`);
    expect(queue.body.data.map((t) => t.id)).toContain(alexNote.taskId);
    const said = await h.db.db.select().from(events).where(and(eq(events.workspaceId, s.workspaceId), eq(events.type, 'enrollment.handed_over')));
    expect(said.map((e) => [e.enrollmentId, (e.payload as { fromRepId: string; toRepId: string; reason: string }).toRepId]).sort()).toEqual([[alex.id, bea.body.id], [marie.id, bea.body.id]].sort());
    expect((said[0]!.payload as { reason: string; fromRepId: string })).toMatchObject({ reason: 'deactivated', fromRepId: s.repId });

    // Tuesday 10:00: Marie's call is due, in Bea's queue.
    await h.advanceTo(iso(at(monday.plus({ days: 1 }), '10:01')));
    const call = await openTaskOf(h, marie, 'call');
    expect(call.taskId).toBe(marieCall[0]!.id);

    // Standing alone: not to someone deactivated; to their manager, with a reason, it moves all.
    const toGone = await h.api<Problem>('POST', `/v1/users/${bea.body.id}/hand-over`, { to: s.repId });
    expect([toGone.status, fields(toGone.body)]).toEqual([422, ['body.to']]);
    expect(toGone.body.detail).toContain('deactivated');
    const moved = await h.api<Record<string, number>>('POST', `/v1/users/${bea.body.id}/hand-over`, { to: s.managerId, reason: 'territory change' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toEqual({ cadencesMoved: 2, tasksMoved: 2, callSlotsMoved: 0, callSlotClashes: 0, cadencesNotified: 2, cadencesNotReached: 0 });
    expect([await repOf(marie.id), await taskRep(call.taskId), await taskRep(alexNote.taskId)]).toEqual([s.managerId, s.managerId, s.managerId]);
    const again = await h.api<Record<string, number>>('POST', `/v1/users/${bea.body.id}/hand-over`, { to: s.managerId });
    expect(again.body).toMatchObject({ cadencesMoved: 0, tasksMoved: 0 });
    // The cadences still run, on their new rep: Alex's note, done now, leads to his call, a task
    // created after the hand-overs, in the manager's queue.
    expect((await complete(h, s, alexNote.taskId, { outcome: 'done' })).body.next?.stepId).toBe('call');
    const alexCall = await h.db.db.select({ repId: tasks.repId }).from(tasks).where(and(eq(tasks.enrollmentId, alex.id), eq(tasks.kind, 'call')));
    expect(alexCall.map((t) => t.repId)).toEqual([s.managerId]);
  });
});
