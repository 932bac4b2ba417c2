// Entering a step in one local activity, on real PostgreSQL: the enrollment's start, the plan
// and the human step's task land together, a retry changes nothing, and a step that cannot be
// planned still leaves the start on the timeline.
import { ApplicationFailure } from '@temporalio/common';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStepEntryActivities, type EnterStepInput } from '../../activities/step-entry.js';
import { enrollments, events, prospects, tasks, touches } from '../../db/schema.js';
import { ANNOUNCED_CALL_SEQUENCE } from '../../domain/sequences/defaults/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedWorkspace } from '../support/fixtures.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

async function enrollment(prospectTimeZone?: string) {
  const seed = await seedWorkspace(db.db, { prospectTimeZone });
  const [e] = await db.db
    .insert(enrollments)
    .values({ workspaceId: seed.workspace.id, prospectId: seed.prospect.id, sequenceId: seed.sequence.id, sequenceVersion: 1, repId: seed.rep.id, workflowId: `wf-${seed.prospect.id}`, context: 'your Lyon plant' })
    .returning();
  return { seed, e: e! };
}

function firstStepEntry(seed: Awaited<ReturnType<typeof seedWorkspace>>, enrollmentId: string): EnterStepInput {
  return {
    workspaceId: seed.workspace.id,
    enrollmentId,
    prospectId: seed.prospect.id,
    definition: ANNOUNCED_CALL_SEQUENCE,
    stepId: 'linkedin-note',
    now: '2026-03-10T09:00:00.000Z',
    touches: [],
    start: { at: '2026-03-10T09:00:00.000Z', event: { type: 'enrollment.started', dedupeKey: `enrollment.started:${enrollmentId}`, payload: { sequenceVersion: 1 } } },
    task: { stepKey: 'linkedin-note#1', announcedCallAt: null, assistantName: null },
  };
}

const timeline = (enrollmentId: string) => db.db.select({ type: events.type, payload: events.payload }).from(events).where(eq(events.enrollmentId, enrollmentId)).orderBy(asc(events.id));

describe('enterStep', () => {
  it('starts the enrollment, plans the first step and opens its task with what the rep prepares; a retry changes nothing', async () => {
    const { seed, e } = await enrollment();
    // What this prospect said in an earlier cadence, and an email already sent: both reach the prep.
    await db.db.insert(events).values({ workspaceId: seed.workspace.id, prospectId: seed.prospect.id, type: 'objection.heard', payload: { text: 'We already have a vendor' }, dedupeKey: 'objection:earlier' });
    await db.db.insert(touches).values({ workspaceId: seed.workspace.id, enrollmentId: e.id, prospectId: seed.prospect.id, stepKey: 'earlier#1', channel: 'email', provider: 'local-outbox', status: 'sent', subject: 'Lyon', body: 'I will call you at 09:15', announcedCallAt: new Date('2026-03-11T08:15:00Z'), sentAt: new Date('2026-03-11T07:00:00Z') });

    const enterStep = createStepEntryActivities({ db: db.db }).enterStep;
    const first = await enterStep(firstStepEntry(seed, e.id));
    expect(first.dueAt).toBe('2026-03-10T09:00:00.000Z');
    expect(first.timeZone).toBe('Europe/Paris');
    expect(first.upcoming.map((u) => u.stepId).slice(0, 3)).toEqual(['linkedin-note', 'announce-email', 'announced-call']);
    expect(first.taskId).toEqual(expect.any(String));

    const [row] = await db.db.select().from(enrollments).where(eq(enrollments.id, e.id));
    expect(row).toMatchObject({ status: 'active', currentStepId: 'linkedin-note' });
    const [task] = await db.db.select().from(tasks).where(eq(tasks.id, first.taskId!));
    expect(task).toMatchObject({ enrollmentId: e.id, repId: seed.rep.id, stepKey: 'linkedin-note#1', kind: 'linkedin_note', status: 'open', title: 'LinkedIn connection request announcing the call: Marie Curie (Globex)' });
    expect(task!.dueAt.toISOString()).toBe(first.dueAt);
    expect(task!.prep).toMatchObject({
      decisionMaker: { name: 'Marie Curie', email: 'marie@globex.test' },
      account: { name: 'Globex', domain: 'globex.test' },
      context: 'your Lyon plant',
      objectionsHeard: ['We already have a vendor'],
      announcement: { subject: 'Lyon', body: 'I will call you at 09:15', sentAt: '2026-03-11T07:00:00.000Z', announcedCallAt: '2026-03-11T08:15:00.000Z' },
      warnings: [],
    });
    expect(task!.prep).not.toHaveProperty('automation');
    expect(await timeline(e.id)).toEqual([
      { type: 'enrollment.started', payload: { sequenceVersion: 1, status: 'active', reason: null, stepId: 'linkedin-note' } },
      { type: 'task.created', payload: { taskId: first.taskId, stepKey: 'linkedin-note#1', kind: 'linkedin_note', dueAt: first.dueAt, assigneeId: seed.rep.id } },
    ]);

    // The local activity retried (the worker died after the commit): same task, nothing doubled.
    const again = await enterStep(firstStepEntry(seed, e.id));
    expect(again).toEqual(first);
    expect(await db.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.enrollmentId, e.id))).toHaveLength(1);
    expect(await timeline(e.id)).toHaveLength(2);
  });

  it('plans a step without a task or a start when asked for neither', async () => {
    const { seed, e } = await enrollment();
    const { start: _start, task: _task, ...planOnly } = firstStepEntry(seed, e.id);
    const planned = await createStepEntryActivities({ db: db.db }).enterStep({ ...planOnly, stepId: 'announce-email' });
    // Next business day 08:00 in Paris (09:00 UTC in March, before the change).
    expect(planned).toMatchObject({ dueAt: '2026-03-11T07:00:00.000Z', taskId: null });
    expect(await db.db.select().from(tasks).where(eq(tasks.enrollmentId, e.id))).toHaveLength(0);
    expect(await timeline(e.id)).toHaveLength(0);
    const [row] = await db.db.select().from(enrollments).where(eq(enrollments.id, e.id));
    expect(row!.status).not.toBe('active');
  });

  it('refuses a step it cannot plan (unknown time zone) without a task, and the start stays on the timeline', async () => {
    const { seed, e } = await enrollment();
    await db.db.update(prospects).set({ timeZone: 'Mars/Olympus_Mons' }).where(eq(prospects.id, seed.prospect.id));
    const failure = await createStepEntryActivities({ db: db.db })
      .enterStep(firstStepEntry(seed, e.id))
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'InvalidTiming', nonRetryable: true });
    expect((failure as Error).message).toMatch(/Mars\/Olympus_Mons/);
    expect(await db.db.select().from(tasks).where(and(eq(tasks.enrollmentId, e.id)))).toHaveLength(0);
    expect((await timeline(e.id)).map((t) => t.type)).toEqual(['enrollment.started']);
  });
});
