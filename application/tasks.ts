// A step's task: drafted from what the rep needs to prepare, written with its timeline event and
// its provider touch, and the announced call's task shown as upcoming from its slot's reservation.
import { and, eq, sql } from 'drizzle-orm';
import { actionChannelOf } from '../channels/actions/task.js';
import { STEP_TYPE_TABLE } from '../domain/sequences/step-types.js';
import type { Database, DbOrTx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { actionProviders, events, tasks, touches, users } from '../db/schema.js';
import { nextWorkingMoment, WorkingHoursSchema } from '../domain/cadence/working-hours.js';
import { queueRankOf } from '../domain/cadence/queue-rank.js';
import { coveringRepAt } from '../domain/cadence/rep-absence.js';
import { renderTemplate, type Step } from '../domain/sequences/index.js';
import type { EnrollmentContext } from './enrollment-context.js';
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
  /** Due at the assignee's first working moment at or after `dueAt` (their zone and working hours). */
  withinWorkingHours?: boolean;
};

/** The assignee's (the rep's, or the manager's) first working moment at or after the requested time. */
export async function assigneeWorkingMoment(db: Database, ctx: EnrollmentContext, i: OpenTaskInput): Promise<string> {
  let who = ctx.rep;
  if (i.assigneeId && i.assigneeId !== ctx.rep.id) {
    const [row] = await db.select().from(users).where(and(eq(users.id, i.assigneeId), eq(users.workspaceId, i.workspaceId)));
    if (row) who = row;
  }
  const workingHours = who.workingHours ? WorkingHoursSchema.parse(who.workingHours) : null;
  return nextWorkingMoment(i.dueAt, { timeZone: who.timeZone ?? ctx.workspace.timeZone, workingHours }, ctx.rules);
}

/**
 * A task ready to be written, or the one a previous attempt already opened. `upcomingId`: the
 * row exists as an announced call not yet actionable, which this draft opens (or refreshes).
 */
export type TaskDraft =
  | { existingId: string }
  | {
      row: typeof tasks.$inferInsert & { workspaceId: string; enrollmentId: string; stepKey: string; dueAt: Date; kind: string; repId: string };
      dueAt: string;
      prospectId: string;
      actionTouch: typeof touches.$inferInsert | null;
      upcomingId: string | null;
    };

type TaskReads = {
  existing_id: string | null;
  existing_status: string | null;
  provider_status: string | null;
  announcement: { subject: string | null; body: string | null; sentAt: string | null; announcedCallAt: string | null } | null;
  objections: (string | null)[];
};

/**
 * Drafts a step's task from what the rep needs to prepare (PLAYBOOK §3). Its reads (a task
 * already opened, the channel's provider, the last announcement, the objections heard) take
 * one round trip: a task opens at every human step of every cadence.
 */
export async function draftTask(db: Database, ctx: EnrollmentContext, i: OpenTaskInput): Promise<TaskDraft> {
  // Only a step's own task is handed over (not an escalation's or an objection's).
  const channel = i.kind === undefined ? actionChannelOf(i.step.type) : null;
  const result = await db.execute(sql`select
    (select ${tasks.id} from ${tasks} where ${tasks.enrollmentId} = ${i.enrollmentId} and ${tasks.stepKey} = ${i.stepKey}) as existing_id,
    (select ${tasks.status} from ${tasks} where ${tasks.enrollmentId} = ${i.enrollmentId} and ${tasks.stepKey} = ${i.stepKey}) as existing_status,
    (select ${actionProviders.status} from ${actionProviders} where ${actionProviders.workspaceId} = ${i.workspaceId} and ${actionProviders.channel} = ${channel}) as provider_status,
    (select json_build_object('subject', ${touches.subject}, 'body', ${touches.body}, 'sentAt', ${touches.sentAt}, 'announcedCallAt', ${touches.announcedCallAt})
       from ${touches} where ${touches.enrollmentId} = ${i.enrollmentId} and ${touches.channel} = 'email' and ${touches.announcedCallAt} is not null and ${touches.status} = 'sent'
       order by ${touches.sentAt} desc limit 1) as announcement,
    coalesce((select json_agg(${events.payload} ->> 'text' order by ${events.id}) from ${events}
       where ${events.workspaceId} = ${i.workspaceId} and ${events.prospectId} = ${ctx.prospect.id} and ${events.type} = 'objection.heard'), '[]'::json) as objections`);
  const [reads] = rowsOf<TaskReads>(result);
  const upcomingId = reads!.existing_status === 'upcoming' ? reads!.existing_id : null;
  if (reads!.existing_id && !upcomingId) return { existingId: reads!.existing_id };
  const automated = channel !== null && reads!.provider_status === 'active';
  const announcement = reads!.announcement;
  const iso = (t: string | null) => (t ? new Date(t).toISOString() : null);

  // The script says when the announcing email really left, as the rep speaks at the due time.
  const sentAt = iso(announcement?.sentAt ?? null);
  const vars = templateVars(ctx, { announcedCallAt: i.announcedCallAt ?? null, assistantName: i.assistantName ?? null, announcement: { sentAt, spokenAt: i.dueAt } });
  // A call whose announcing email has not left (or whose sending is unconfirmed): say so.
  const unsentAnnouncement = Boolean(i.announcedCallAt) && !vars.announcement;
  const fullName = vars.prospect.fullName;
  const prep = {
    decisionMaker: { name: fullName || null, title: ctx.prospect.title, phone: ctx.prospect.phone, email: ctx.prospect.email },
    account: ctx.account ? { name: ctx.account.name, domain: ctx.account.domain } : null,
    timeZone: ctx.place.timeZone,
    announcement: announcement
      ? { subject: announcement.subject, body: announcement.body, sentAt, sent: vars.announcement?.sent ?? null, announcedCallAt: iso(announcement.announcedCallAt) }
      : null,
    announcedCallAt: i.announcedCallAt ?? null,
    assistantName: i.assistantName ?? null,
    context: ctx.enrollment.context,
    pretext: ctx.enrollment.pretext,
    objectionsHeard: reads!.objections.filter((t): t is string => Boolean(t)),
    script: i.step.template ? renderTemplate(i.step.template, vars).body : null,
    // Never call without knowing the decision maker's name (PLAYBOOK §3).
    warnings: [
      ...(fullName ? [] : ['The decision maker has no name on file: find it before calling.']),
      ...(unsentAnnouncement ? ['The email announcing this call has not left yet (or its sending is unconfirmed): never say it was sent.'] : []),
    ],
    // The rep sees that automation performs this step; the task closes with its result.
    ...(automated ? { automation: { provider: 'http', channel } } : {}),
    ...i.extraPrep,
  };
  const title = i.title ?? `${i.step.title ?? STEP_TYPE_TABLE[i.step.type].defaultTitle ?? 'Task'}${fullName ? `: ${fullName}` : ''}${ctx.account ? ` (${ctx.account.name})` : ''}`;
  const dueAt = new Date(i.dueAt);
  return {
    row: {
      workspaceId: i.workspaceId,
      enrollmentId: i.enrollmentId,
      // A step's task falling in the rep's covered time off goes to the covering rep.
      repId: i.assigneeId ?? coveringRepAt(i.dueAt, ctx.repCalendar, ctx.rules) ?? ctx.rep.id,
      stepKey: i.stepKey,
      kind: i.kind ?? i.step.type,
      title,
      dueAt,
      queueRank: queueRankOf(i.step, i.announcedCallAt, i.kind),
      prep,
    },
    dueAt: i.dueAt,
    prospectId: ctx.prospect.id,
    upcomingId,
    actionTouch: automated
      ? { workspaceId: i.workspaceId, enrollmentId: i.enrollmentId, prospectId: ctx.prospect.id, stepKey: i.stepKey, channel: channel!, provider: 'http', status: 'scheduled', scheduledAt: dueAt, toAddress: null, body: prep.script }
      : null,
  };
}

/** Writes a drafted task, its 'task.created' event and its provider touch in the caller's transaction. */
export async function writeTask(tx: DbOrTx, draft: Exclude<TaskDraft, { existingId: string }>): Promise<string> {
  const { row } = draft;
  // An announced call shown as upcoming becomes actionable: the same task, opened with today's prep.
  const inserted = draft.upcomingId
    ? await tx.update(tasks).set({ ...row, status: 'open' }).where(and(eq(tasks.id, draft.upcomingId), eq(tasks.status, 'upcoming'))).returning({ id: tasks.id })
    : await tx.insert(tasks).values(row).onConflictDoNothing({ target: [tasks.enrollmentId, tasks.stepKey] }).returning({ id: tasks.id });
  const taskId = inserted[0]?.id;
  if (!taskId) {
    // Opened meanwhile by a concurrent attempt.
    const [existing] = await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.enrollmentId, row.enrollmentId), eq(tasks.stepKey, row.stepKey)));
    return existing!.id;
  }
  await appendEvent(tx, {
    workspaceId: row.workspaceId,
    prospectId: draft.prospectId,
    enrollmentId: row.enrollmentId,
    type: 'task.created',
    payload: { taskId, stepKey: row.stepKey, kind: row.kind, dueAt: draft.dueAt, assigneeId: row.repId },
    dedupeKey: `task.created:${taskId}`,
  });
  if (draft.actionTouch) await tx.insert(touches).values(draft.actionTouch).onConflictDoNothing({ target: [touches.enrollmentId, touches.stepKey] });
  return taskId;
}

/**
 * The announced call's task, shown from the moment its slot is reserved until the email leaves:
 * status `upcoming` (not yet actionable), due at the slot, with the prep the rep reads the day
 * before (PLAYBOOK §3). Moved with the slot; left alone once opened. In the caller's transaction.
 */
export async function upsertUpcomingCallTask(tx: DbOrTx, ctx: EnrollmentContext, i: { workspaceId: string; enrollmentId: string; stepKey: string; step: Step; callAt: string; emailLeavesAt: string }): Promise<void> {
  const draft = await draftTask(tx, ctx, {
    workspaceId: i.workspaceId,
    enrollmentId: i.enrollmentId,
    stepKey: i.stepKey,
    step: i.step,
    dueAt: i.callAt,
    announcedCallAt: i.callAt,
    // The announcing email has not left: no announcement yet, only when it will.
    extraPrep: { announcement: null, announcementLeavesAt: i.emailLeavesAt },
  });
  if ('existingId' in draft) return;
  const { row } = draft;
  await tx
    .insert(tasks)
    .values({ ...row, status: 'upcoming' })
    .onConflictDoUpdate({ target: [tasks.enrollmentId, tasks.stepKey], set: { dueAt: row.dueAt, prep: row.prep, title: row.title, repId: row.repId }, setWhere: eq(tasks.status, 'upcoming') });
}

/** Removes the upcoming call tasks of released slots: never actionable, so nothing to keep. */
export async function dropUpcomingCallTasks(tx: DbOrTx, i: { enrollmentId: string; stepKey?: string | undefined }): Promise<void> {
  await tx.delete(tasks).where(and(eq(tasks.enrollmentId, i.enrollmentId), eq(tasks.status, 'upcoming'), i.stepKey ? eq(tasks.stepKey, i.stepKey) : undefined));
}
