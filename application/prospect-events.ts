// Events about a prospect that stop or pause cadences: reply, bounce, opt-out, out-of-office.
// Shared by POST /v1/prospects/{id}/events and the inbound webhooks. The prospect row and the
// timeline are written with `db` (the caller's transaction), then active enrollments are signalled.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Client } from '@temporalio/client';
import { appendEvent } from './timeline.js';
import type { Database, DbOrTx } from '../db/client.js';
import { enrollments, prospects, sequenceVersions, workspaces } from '../db/schema.js';
import { mergeTimingRules, type TimingRulesInput } from '../domain/timing/index.js';
import { prospectEventSignal, stopUpdate, type ProspectEvent } from '../workflows/enrollment/messages.js';
import { isWorkflowGone, signalIfRunning, updateRejection } from './workflow-errors.js';

export type ProspectEventBody =
  | { type: 'reply'; detail?: string | undefined; subject?: string | undefined }
  /** A bounce without a kind is hard: the address is invalid. */
  | { type: 'bounce'; bounceKind?: 'hard' | 'soft' | undefined; detail?: string | undefined }
  | { type: 'opt_out' }
  | { type: 'auto_reply'; returnAt?: string | undefined };

export type ProspectEventContext = {
  workspaceId: string;
  prospectId: string;
  /** Who reported it: api, email, linkedin, crm... */
  source: string;
  /** Timeline dedupe key of this report (a webhook id, a request id). */
  dedupeKey: string;
  /** The enrollment the report is about, when known (the touch an email answered). */
  enrollmentId?: string | null | undefined;
  /** More for the timeline event (the matched touch, a bounce's status); never a message body. */
  payload?: Record<string, unknown> | undefined;
};

export async function findProspectIdByEmail(db: Database, workspaceId: string, email: string): Promise<string | null> {
  const [row] = await db
    .select({ id: prospects.id })
    .from(prospects)
    .where(and(eq(prospects.workspaceId, workspaceId), sql`lower(${prospects.email}) = ${email.toLowerCase()}`))
    .limit(1);
  return row?.id ?? null;
}

export async function applyProspectEvent(temporal: Client, db: Database, ctx: ProspectEventContext, body: ProspectEventBody): Promise<{ enrollmentsSignalled: number }> {
  const { workspaceId, prospectId, source, dedupeKey } = ctx;
  const timeline = (type: string, payload: Record<string, unknown>, key = dedupeKey) =>
    appendEvent(db, { workspaceId, prospectId, enrollmentId: ctx.enrollmentId ?? null, type, payload: { source, ...ctx.payload, ...payload }, dedupeKey: key });
  switch (body.type) {
    case 'opt_out':
      await markOptedOut(db, { workspaceId, prospectId, enrollmentId: ctx.enrollmentId ?? null, payload: { source, ...ctx.payload } });
      break;
    case 'bounce':
      await timeline('email.bounced', { kind: body.bounceKind ?? 'hard', detail: body.detail ?? null });
      // A soft bounce (full mailbox, greylisting) is only recorded: the address still works.
      if (body.bounceKind === 'soft') return { enrollmentsSignalled: 0 };
      await db.update(prospects).set({ status: 'invalid_email' }).where(eq(prospects.id, prospectId));
      break;
    case 'reply':
      await timeline('prospect.replied', { detail: body.detail ?? null, subject: body.subject ?? null });
      break;
    case 'auto_reply':
      await timeline('prospect.auto_replied', { returnAt: body.returnAt ?? null });
      break;
  }
  const event: ProspectEvent | ((e: ActiveEnrollment) => ProspectEvent) =
    body.type === 'auto_reply'
      ? (e) => ({ type: 'auto_reply', source, ...(body.returnAt ? { returnAt: body.returnAt } : defaultReturn(e)) })
      : body.type === 'opt_out'
        ? { type: 'opt_out', source }
        : { type: body.type, source, ...(body.detail ? { detail: body.detail } : {}) };
  return { enrollmentsSignalled: await signalActiveEnrollments(temporal, db, workspaceId, prospectId, event) };
}

type ActiveEnrollment = { workflowId: string; workspaceTiming: unknown; definition: unknown };

/**
 * An out-of-office with no return date pauses for the timing rules' autoReplyPauseDays (the
 * sequence's, else the workspace's); unset, the workflow's own default applies.
 */
function defaultReturn(e: ActiveEnrollment): { returnAt?: string } {
  let days: number | undefined;
  try {
    days = mergeTimingRules(e.workspaceTiming as TimingRulesInput, (e.definition as { timing?: TimingRulesInput } | null)?.timing).autoReplyPauseDays;
  } catch {
    days = undefined; // rules saved before they were validated: the default
  }
  return days ? { returnAt: new Date(Date.now() + days * 86_400_000).toISOString() } : {};
}

/** Signals every unfinished enrollment of the prospect; returns how many were reached. */
export async function signalActiveEnrollments(
  temporal: Client,
  db: Database,
  workspaceId: string,
  prospectId: string,
  event: ProspectEvent | ((e: ActiveEnrollment) => ProspectEvent),
): Promise<number> {
  const active = await db
    .select({ workflowId: enrollments.workflowId, workspaceTiming: workspaces.timingRules, definition: sequenceVersions.definition })
    .from(enrollments)
    .innerJoin(workspaces, eq(workspaces.id, enrollments.workspaceId))
    .leftJoin(sequenceVersions, and(eq(sequenceVersions.sequenceId, enrollments.sequenceId), eq(sequenceVersions.version, enrollments.sequenceVersion)))
    .where(and(eq(enrollments.workspaceId, workspaceId), eq(enrollments.prospectId, prospectId), inArray(enrollments.status, ['pending', 'active', 'paused'])));
  return signalEach(temporal, active, (e) => (typeof event === 'function' ? event(e) : event));
}

/** Signals each workflow its event; returns how many were still running (a finished one has nothing to stop). */
export async function signalEach<T extends { workflowId: string }>(temporal: Client, targets: readonly T[], event: (t: T) => ProspectEvent): Promise<number> {
  let signalled = 0;
  for (const t of targets) {
    if (await signalIfRunning(() => temporal.workflow.getHandle(t.workflowId).signal(prospectEventSignal, event(t)))) signalled++;
  }
  return signalled;
}

/**
 * Marks the prospect opted out, with one 'prospect.opted_out' event per prospect whoever reports
 * it (the API, an inbound webhook, an unsubscribe link, the workflow of an enrollment).
 */
export async function markOptedOut(db: DbOrTx, i: { workspaceId: string; prospectId: string; enrollmentId?: string | null; payload?: Record<string, unknown> }): Promise<void> {
  await db
    .update(prospects)
    .set({ status: 'opted_out' })
    .where(and(eq(prospects.id, i.prospectId), eq(prospects.workspaceId, i.workspaceId)));
  await appendEvent(db, { workspaceId: i.workspaceId, prospectId: i.prospectId, enrollmentId: i.enrollmentId ?? null, type: 'prospect.opted_out', ...(i.payload ? { payload: i.payload } : {}), dedupeKey: `opted_out:${i.prospectId}` });
}

/**
 * Stops an enrollment through the workflow's stop Update, which returns once the cadence has
 * ended (nothing leaves afterwards). False when it was already over.
 */
export async function stopEnrollment(temporal: Client, workflowId: string, reason: string): Promise<boolean> {
  try {
    await temporal.workflow.getHandle(workflowId).executeUpdate(stopUpdate, { args: [{ reason }] });
    return true;
  } catch (err) {
    if (isWorkflowGone(err) || updateRejection(err)?.type === 'Conflict') return false;
    throw err;
  }
}
