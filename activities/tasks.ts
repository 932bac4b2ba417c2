// Tasks in a rep's queue: opened by the workflow for every human step, closed by the workflow
// when the rep logs an outcome (so the database and the workflow never disagree). When the
// workspace hands a channel to an action provider (LinkedIn automation, telephony), the task
// also gets a touch row the outbox dispatcher sends to it; the task closes when the result
// comes back (or the rep logs it), and a touch still waiting then is cancelled.
import { and, desc, eq, ne } from 'drizzle-orm';
import { actionChannelOf, type ActionChannel } from '../channels/actions/task.js';
import type { Database } from '../db/client.js';
import { actionProviders, events, tasks, touches } from '../db/schema.js';
import type { TaskOutcome } from '../domain/cadence/outcome.js';
import { renderTemplate, type Step } from '../domain/sequences/index.js';
import { moveCallHold } from './calendar-holds.js';
import { loadEnrollmentContext } from './context.js';
import { templateVars } from './template-vars.js';
import { appendEvent } from './timeline.js';

export type OpenTaskInput = {
  workspaceId: string;
  enrollmentId: string;
  stepKey: string;
  step: Step;
  dueAt: string;
  /** Defaults to the enrollment's rep; the manager for escalation calls. */
  assigneeId?: string;
  kind?: string;
  title?: string;
  announcedCallAt?: string | null;
  assistantName?: string | null;
  /** Extra preparation (an escalation briefing, a refused escalation's reason...). */
  extraPrep?: Record<string, unknown>;
};

export type CloseTaskInput = {
  workspaceId: string;
  enrollmentId: string;
  prospectId: string;
  taskId: string;
  status: 'done' | 'missed' | 'cancelled';
  outcome?: TaskOutcome;
  completedAt: string;
};

const defaultTitles: Record<string, string> = {
  linkedin_note: 'Send the LinkedIn connection note',
  call: 'Call',
  voicemail: 'Leave a voicemail',
  callback: 'Call back',
  task: 'Task',
  escalation: 'Escalation call',
};

/** Whether the workspace hands this channel to a provider: one look-up on a unique index. */
async function hasActiveProvider(db: Database, workspaceId: string, channel: ActionChannel): Promise<boolean> {
  const [row] = await db
    .select({ status: actionProviders.status })
    .from(actionProviders)
    .where(and(eq(actionProviders.workspaceId, workspaceId), eq(actionProviders.channel, channel)));
  return row?.status === 'active';
}

/** The provider touch of a task (same enrollment and step visit), while it has not left. */
const waitingActionTouch = (enrollmentId: string, stepKey: string) =>
  and(eq(touches.enrollmentId, enrollmentId), eq(touches.stepKey, stepKey), eq(touches.status, 'scheduled'), ne(touches.channel, 'email'));

export function createTaskActivities({ db }: { db: Database }) {
  return {
    /** Idempotent per (enrollment, step visit): a retry returns the task already opened. */
    async openTask(i: OpenTaskInput): Promise<{ taskId: string }> {
      const ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId);
      const [existing] = await db
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.enrollmentId, i.enrollmentId), eq(tasks.stepKey, i.stepKey)));
      if (existing) return { taskId: existing.id };
      // Only a step's own task is handed over (not an escalation's or an objection's).
      const channel = i.kind === undefined ? actionChannelOf(i.step.type) : null;
      const automated = channel !== null && (await hasActiveProvider(db, i.workspaceId, channel));

      // PLAYBOOK §3: what the rep prepares before calling.
      const [announcement] = await db
        .select({ subject: touches.subject, body: touches.body, sentAt: touches.sentAt, announcedCallAt: touches.announcedCallAt })
        .from(touches)
        .where(and(eq(touches.enrollmentId, i.enrollmentId), eq(touches.status, 'sent')))
        .orderBy(desc(touches.createdAt))
        .limit(1);
      const heard = await db
        .select({ payload: events.payload })
        .from(events)
        .where(and(eq(events.workspaceId, i.workspaceId), eq(events.prospectId, ctx.prospect.id), eq(events.type, 'objection.heard')))
        .orderBy(events.id);
      const vars = templateVars(ctx, { announcedCallAt: i.announcedCallAt ?? null, assistantName: i.assistantName ?? null });
      const fullName = vars.prospect.fullName;
      const prep = {
        decisionMaker: { name: fullName || null, title: ctx.prospect.title, phone: ctx.prospect.phone, email: ctx.prospect.email },
        account: ctx.account ? { name: ctx.account.name, domain: ctx.account.domain } : null,
        timeZone: ctx.place.timeZone,
        announcement: announcement
          ? { subject: announcement.subject, body: announcement.body, sentAt: announcement.sentAt?.toISOString() ?? null, announcedCallAt: announcement.announcedCallAt?.toISOString() ?? null }
          : null,
        announcedCallAt: i.announcedCallAt ?? null,
        assistantName: i.assistantName ?? null,
        context: ctx.enrollment.context,
        pretext: ctx.enrollment.pretext,
        objectionsHeard: heard.map((h) => String((h.payload as { text?: string }).text ?? '')).filter(Boolean),
        script: i.step.template ? renderTemplate(i.step.template, vars).body : null,
        // Never call without knowing the decision maker's name (PLAYBOOK §3).
        warnings: fullName ? [] : ['The decision maker has no name on file: find it before calling.'],
        // The rep sees that automation performs this step; the task closes with its result.
        ...(automated ? { automation: { provider: 'http', channel } } : {}),
        ...i.extraPrep,
      };
      const title = i.title ?? `${i.step.title ?? defaultTitles[i.step.type] ?? 'Task'}${fullName ? `: ${fullName}` : ''}${ctx.account ? ` (${ctx.account.name})` : ''}`;
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(tasks)
          .values({
            workspaceId: i.workspaceId,
            enrollmentId: i.enrollmentId,
            repId: i.assigneeId ?? ctx.rep.id,
            stepKey: i.stepKey,
            kind: i.kind ?? i.step.type,
            title,
            dueAt: new Date(i.dueAt),
            prep,
          })
          .onConflictDoNothing({ target: [tasks.enrollmentId, tasks.stepKey] })
          .returning({ id: tasks.id });
        const taskId = inserted[0]?.id;
        if (!taskId) {
          const [row] = await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.enrollmentId, i.enrollmentId), eq(tasks.stepKey, i.stepKey)));
          return { taskId: row!.id };
        }
        await appendEvent(tx as unknown as Database, {
          workspaceId: i.workspaceId,
          prospectId: ctx.prospect.id,
          enrollmentId: i.enrollmentId,
          type: 'task.created',
          payload: { taskId, stepKey: i.stepKey, kind: i.kind ?? i.step.type, dueAt: i.dueAt, assigneeId: i.assigneeId ?? ctx.rep.id },
          dedupeKey: `task.created:${taskId}`,
        });
        if (automated) {
          await tx
            .insert(touches)
            .values({
              workspaceId: i.workspaceId,
              enrollmentId: i.enrollmentId,
              prospectId: ctx.prospect.id,
              stepKey: i.stepKey,
              channel: channel!,
              provider: 'http',
              status: 'scheduled',
              scheduledAt: new Date(i.dueAt),
              toAddress: null,
              body: prep.script,
            })
            .onConflictDoNothing({ target: [touches.enrollmentId, touches.stepKey] });
        }
        return { taskId };
      });
    },

    /** Closes the task and records the outcome, its notes and objections on the timeline, atomically. */
    async closeTask(i: CloseTaskInput): Promise<{ status: string }> {
      return db.transaction(async (tx) => {
        const t = tx as unknown as Database;
        const updated = await tx
          .update(tasks)
          .set({ status: i.status, outcome: i.outcome ?? null, completedAt: new Date(i.completedAt) })
          .where(and(eq(tasks.id, i.taskId), eq(tasks.workspaceId, i.workspaceId), eq(tasks.status, 'open')))
          .returning({ id: tasks.id, stepKey: tasks.stepKey });
        if (updated.length === 0) {
          const [row] = await tx.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, i.taskId));
          return { status: row?.status ?? 'missing' };
        }
        // Done by the rep, skipped or missed: the provider must not perform it any more.
        await tx.update(touches).set({ status: 'cancelled', detail: `task ${i.status}` }).where(waitingActionTouch(i.enrollmentId, updated[0]!.stepKey));
        const base = { workspaceId: i.workspaceId, prospectId: i.prospectId, enrollmentId: i.enrollmentId };
        const o = i.outcome;
        await appendEvent(t, { ...base, type: `task.${i.status === 'done' ? 'completed' : i.status}`, payload: { taskId: i.taskId, outcome: o?.outcome ?? null }, dedupeKey: `task.closed:${i.taskId}` });
        if (o && o.outcome !== 'done') {
          await appendEvent(t, { ...base, type: 'call.logged', payload: { taskId: i.taskId, ...o }, dedupeKey: `call.logged:${i.taskId}` });
        }
        if (o?.note) await appendEvent(t, { ...base, type: 'note.added', payload: { taskId: i.taskId, text: o.note }, dedupeKey: `note:${i.taskId}` });
        for (const [n, text] of (o?.objections ?? []).entries()) {
          await appendEvent(t, { ...base, type: 'objection.heard', payload: { taskId: i.taskId, text }, dedupeKey: `objection:${i.taskId}:${n}` });
        }
        if (o?.outcome === 'meeting_booked') {
          await appendEvent(t, { ...base, type: 'meeting.booked', payload: { taskId: i.taskId, note: o.note ?? null }, dedupeKey: `meeting:${i.taskId}` });
        }
        if (o?.outcome === 'blocker') {
          await appendEvent(t, { ...base, type: 'blocker.found', payload: { taskId: i.taskId, kind: o.blockerKind ?? null, note: o.note ?? null }, dedupeKey: `blocker:${i.taskId}` });
        }
        return { status: i.status };
      });
    },

    /** Moves an open task (the rep or ops rescheduled the step), its provider touch and its calendar hold. */
    async rescheduleTask(i: { workspaceId: string; enrollmentId: string; prospectId: string; taskId: string; dueAt: string; reason: string }): Promise<void> {
      await db.transaction(async (tx) => {
        const dueAt = new Date(i.dueAt);
        const [moved] = await tx
          .update(tasks)
          .set({ dueAt })
          .where(and(eq(tasks.id, i.taskId), eq(tasks.workspaceId, i.workspaceId), eq(tasks.status, 'open')))
          .returning({ stepKey: tasks.stepKey, prep: tasks.prep });
        if (moved) {
          await tx.update(touches).set({ scheduledAt: dueAt }).where(waitingActionTouch(i.enrollmentId, moved.stepKey));
          // An announced call's task shares its step key with the call slot and the hold.
          if ((moved.prep as { announcedCallAt?: string | null }).announcedCallAt) {
            await moveCallHold(tx as unknown as Database, { enrollmentId: i.enrollmentId, stepKey: moved.stepKey, startsAt: dueAt });
          }
        }
        await appendEvent(tx as unknown as Database, {
          workspaceId: i.workspaceId,
          prospectId: i.prospectId,
          enrollmentId: i.enrollmentId,
          type: 'step.rescheduled',
          payload: { taskId: i.taskId, dueAt: i.dueAt, reason: i.reason },
          dedupeKey: `rescheduled:${i.taskId}:${i.dueAt}`,
        });
      });
    },
  };
}
