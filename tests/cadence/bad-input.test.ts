// Requests the engine must refuse, through the real API on a running cadence: each answer is a
// 4xx application/problem+json naming the field or the problem, and nothing is half-applied
// (the enrollment's rows, tasks, touches, slots and timeline are exactly as before).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { prospects, sequences, workspaces } from '../../db/schema.js';
import { complete, status, type CadenceHarness, type Seed, withSeededHarness } from '../support/cadence.js';

import { enrollmentPath, expectProblem, resultOf } from '../support/cadence-api.js';
import { PARIS, toAnnouncedCall, toLinkedInNote } from '../support/cadence-paths.js';
import { snapshot } from '../support/cadence-rows.js';
import { sequenceDefinition } from '../support/sequence-definition.js';

let h: CadenceHarness;
let s: Seed;

withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

const completePath = (taskId: string) => `/v1/tasks/${taskId}/complete`;
const fields = (p: { errors?: Array<{ field: string }> }) => (p.errors ?? []).map((e) => e.field);

describe('refused requests on a running cadence', () => {
  it('on the LinkedIn note: a call outcome, pause twice, resume twice, reschedule to the past, completing twice', async () => {
    const { e, note } = await toLinkedInNote(h, s, 'note@initech.test');
    const before = await snapshot(h, e);

    // An outcome that does not fit the step.
    const misfit = await expectProblem(h, 'POST', completePath(note.taskId), { outcome: 'voicemail_left' }, 422);
    expect(misfit.type).toBe('/problems/validation-failed');
    expect(misfit.detail).toContain('voicemail_left');
    expect(misfit.detail).toContain('allowed: done, not_interested');
    expect(fields(misfit)).toEqual(['body.outcome']);
    expect(await snapshot(h, e)).toEqual(before);
    expect((await status(h, e)).currentTask?.taskId).toBe(note.taskId);

    // Reschedule to the past.
    const past = await expectProblem(h, 'POST', enrollmentPath(s, e, 'reschedule'), { at: new Date((await h.now()) - 3_600_000).toISOString(), reason: 'oops' }, 422);
    expect(past.detail).toContain('future');
    expect(fields(past)).toEqual(['body.at']);
    expect(await snapshot(h, e)).toEqual(before);

    // Resume when not paused.
    const notPaused = await expectProblem(h, 'POST', enrollmentPath(s, e, 'resume'), {}, 409);
    expect(notPaused.type).toBe('/problems/conflict');
    expect(notPaused.detail).toContain('not paused');
    expect(await snapshot(h, e)).toEqual(before);

    // Pause twice: the second is refused and changes nothing.
    expect((await h.api('POST', enrollmentPath(s, e, 'pause'), { reason: 'holidays' })).status).toBe(200);
    const paused = await snapshot(h, e);
    expect(paused.enrollment?.status).toBe('paused');
    const twice = await expectProblem(h, 'POST', enrollmentPath(s, e, 'pause'), { reason: 'again' }, 409);
    expect(twice.detail).toContain('already paused');
    expect(await snapshot(h, e)).toEqual(paused);
    expect((await h.api('POST', enrollmentPath(s, e, 'resume'), {})).status).toBe(200);
    const resumed = await snapshot(h, e);
    expect(resumed.enrollment?.status).toBe('active');
    await expectProblem(h, 'POST', enrollmentPath(s, e, 'resume'), {}, 409);
    expect(await snapshot(h, e)).toEqual(resumed);

    // Completing the same task twice.
    expect((await complete(h, s, note.taskId, { outcome: 'done' })).status).toBe(200);
    await expect.poll(async () => (await status(h, e)).phase).toBe('waiting');
    const done = await snapshot(h, e);
    const again = await expectProblem(h, 'POST', completePath(note.taskId), { outcome: 'done' }, 409);
    expect(again.type).toBe('/problems/conflict');
    expect(again.detail).toContain('already done');
    expect(await snapshot(h, e)).toEqual(done);
    expect((await h.api('POST', enrollmentPath(s, e, 'stop'), { reason: 'end of test' })).status).toBe(200);
  });

  it('on the announced call: blocker without its kind, callback time in the past; then every action on the finished enrollment', async () => {
    const { e, call } = await toAnnouncedCall(h, s, 'call@initech.test');
    const before = await snapshot(h, e);

    // Each bad outcome: a 422 naming its one field, and the enrollment exactly as it was.
    const refused = async (outcome: Record<string, unknown>, field: string) => {
      const problem = await expectProblem(h, 'POST', completePath(call.taskId), outcome, 422);
      expect(fields(problem)).toEqual([field]);
      expect(await snapshot(h, e)).toEqual(before);
      return problem;
    };
    expect((await refused({ outcome: 'blocker', note: 'IT and marketing disagree' }, 'body.blockerKind')).type).toBe('/problems/validation-failed');
    await refused({ outcome: 'blocker', blockerKind: 'politics' }, 'body.blockerKind');
    const hourAgo = new Date((await h.now()) - 3_600_000).toISOString();
    expect((await refused({ outcome: 'gatekeeper', assistantName: 'Jeanne', callbackAt: hourAgo }, 'body.callbackAt')).detail).toContain('future');
    await refused({ outcome: 'gatekeeper', callbackAt: '2030-01-01 11:00' }, 'body.callbackAt');
    const live = await status(h, e);
    expect(live.phase).toBe('task_open');
    expect(live.currentTask?.taskId).toBe(call.taskId);

    // Finished: every action is a conflict, and the cancelled task cannot be completed.
    expect((await h.api('POST', enrollmentPath(s, e, 'stop'), { reason: 'lost the deal' })).status).toBe(200);
    expect(await resultOf(h, e)).toMatchObject({ status: 'stopped' });
    const finished = await snapshot(h, e);
    const soon = new Date((await h.now()) + 86_400_000).toISOString();
    for (const [action, body] of [
      ['pause', { reason: 'x' }],
      ['resume', {}],
      ['skip', { reason: 'x' }],
      ['reschedule', { at: soon, reason: 'x' }],
      ['stop', { reason: 'x' }],
    ] as const) {
      const p = await expectProblem(h, 'POST', enrollmentPath(s, e, action), body, 409);
      expect(p.type, action).toBe('/problems/conflict');
      expect(p.detail, action).toContain('over');
    }
    const cancelled = await expectProblem(h, 'POST', completePath(call.taskId), { outcome: 'connected' }, 409);
    expect(cancelled.detail).toContain('cancelled');
    expect(await snapshot(h, e)).toEqual(finished);
  });
});

describe('refused configuration', () => {
  it('a prospect in an unknown time zone', async () => {
    const p = await expectProblem(h, 'POST', `/v1/prospects`, { email: 'mars@initech.test', firstName: 'Elon', timeZone: 'Mars/Olympus' }, 422);
    expect(p.type).toBe('/problems/validation-failed');
    expect(fields(p)).toEqual(['body.timeZone']);
    expect(p.detail).toContain('Mars/Olympus');
    expect(await h.db.db.select().from(prospects).where(eq(prospects.email, 'mars@initech.test'))).toHaveLength(0);
  });

  it('a sequence definition with a duplicate step id and an unknown target', async () => {
    const before = await h.db.db.select().from(sequences).where(eq(sequences.workspaceId, s.workspaceId));
    const p = await expectProblem(h, 'POST', `/v1/sequences`, {
      definition: sequenceDefinition(
        'broken-cadence',
        [
          { id: 'first-call', type: 'call', timing: { kind: 'immediately' }, on: { no_answer: 'nowhere' } },
          { id: 'first-call', type: 'task', timing: { kind: 'immediately' } },
        ],
        { name: 'Broken cadence' },
      ),
    }, 422);
    expect(p.type).toBe('/problems/validation-failed');
    expect(p.errors).toEqual(
      expect.arrayContaining([
        { field: 'body.definition.steps.1.id', message: expect.stringContaining('duplicate step id "first-call"') },
        { field: 'body.definition.steps.0.on.no_answer', message: expect.stringContaining('unknown step "nowhere"') },
      ]),
    );
    expect(await h.db.db.select().from(sequences).where(eq(sequences.workspaceId, s.workspaceId))).toEqual(before);
  });

  it('timing rules with an impossible send window', async () => {
    const [before] = await h.db.db.select().from(workspaces).where(eq(workspaces.id, s.workspaceId));
    const bad = await expectProblem(h, 'PUT', `/v1/timing-rules`, { sendWindow: { start: '25:00', end: '08:00' } }, 422);
    expect(bad.type).toBe('/problems/validation-failed');
    expect(fields(bad)).toEqual(['body.sendWindow.start']);
    const reversed = await expectProblem(h, 'PUT', `/v1/timing-rules`, { sendWindow: { start: '19:00', end: '08:00' } }, 422);
    expect(fields(reversed)).toEqual(['body.sendWindow.end']);
    const [after] = await h.db.db.select().from(workspaces).where(eq(workspaces.id, s.workspaceId));
    expect(after).toEqual(before);
    expect(after!.timingRules).toEqual({});
  });
});
