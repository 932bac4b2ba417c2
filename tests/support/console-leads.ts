// Inbound leads in the console tests: enrolled through the API in the expected-callback cadence
// (the real worker), their open tasks found in a rep's queue and completed with an outcome.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { tasks } from '../../db/schema.js';
import type { asContext, ConsoleStack } from './console-browser.js';

type Api = ReturnType<typeof asContext>;

/** `api`: someone who may enroll for any rep (an admin's session). */
export function leadsOf(stack: ConsoleStack, api: Api) {
  /**
   * The open task of an enrollment (of its step `stepId`, when given), due `dueMinutesAgo` ago: the
   * cadence plans it in the lead's business hours (on a weekend, Monday's), and the real clock
   * cannot wait; the due time is moved back instead.
   */
  const openTask = async (repId: string, enrollmentId: string, dueMinutesAgo = 10, stepId?: string): Promise<string> => {
    const open = async () =>
      (await api<{ data: Array<{ id: string; enrollmentId: string | null; stepKey: string }> }>('GET', `/v1/reps/${repId}/tasks?status=open&limit=100`)).body.data.find((t) => t.enrollmentId === enrollmentId && (!stepId || t.stepKey.startsWith(`${stepId}#`)))?.id;
    await expect.poll(open, { timeout: 15_000 }).toBeTruthy();
    const taskId = (await open())!;
    await stack.db.db.update(tasks).set({ dueAt: new Date(Date.now() - dueMinutesAgo * 60_000) }).where(eq(tasks.id, taskId));
    return taskId;
  };

  /** An inbound lead of the rep's, New York time, enrolled in the expected-callback cadence, whose call task is open. */
  const inboundCall = async (repId: string, lastName: string, dueMinutesAgo = 10): Promise<{ prospectId: string; enrollmentId: string; taskId: string }> => {
    const sequences = await api<{ data: Array<{ sequenceId: string; key: string }> }>('GET', '/v1/sequences');
    const sequenceId = sequences.body.data.find((s) => s.key === 'expected-callback')!.sequenceId;
    const prospect = await api<{ id: string }>('POST', '/v1/prospects', { firstName: 'Lead', lastName, email: `${lastName.toLowerCase()}@globex.test`, phone: '+1 212 555 0100', timeZone: 'America/New_York' });
    expect(prospect.status, JSON.stringify(prospect.body)).toBe(201);
    const enrollment = await api<{ id: string }>('POST', '/v1/enrollments', { prospectId: prospect.body.id, sequenceId, repId, context: 'their new office in Boston', pretext: 'the Boston launch' });
    expect(enrollment.status, JSON.stringify(enrollment.body)).toBe(201);
    return { prospectId: prospect.body.id, enrollmentId: enrollment.body.id, taskId: await openTask(repId, enrollment.body.id, dueMinutesAgo) };
  };

  const complete = async (taskId: string, outcome: Record<string, unknown>) => {
    const res = await api('POST', `/v1/tasks/${taskId}/complete`, outcome);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  return { openTask, inboundCall, complete };
}
