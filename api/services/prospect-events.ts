// Events about a prospect that stop or pause cadences: reply, bounce, opt-out, out-of-office.
// Shared by POST /v1/prospects/{id}/events and the inbound webhooks. The prospect row and the
// timeline are written with `db` (the caller's transaction), then active enrollments are signalled.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Client } from '@temporalio/client';
import { appendEvent } from '../../activities/timeline.js';
import type { Database } from '../../db/client.js';
import { enrollments, prospects } from '../../db/schema.js';
import { prospectEventSignal, type ProspectEvent } from '../../workflows/enrollment/messages.js';

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
  const timeline = (type: string, payload: Record<string, unknown>, key = dedupeKey) => appendEvent(db, { workspaceId, prospectId, type, payload: { source, ...payload }, dedupeKey: key });
  switch (body.type) {
    case 'opt_out':
      await db.update(prospects).set({ status: 'opted_out' }).where(eq(prospects.id, prospectId));
      // One opt-out event per prospect, whoever reports it.
      await timeline('prospect.opted_out', {}, `opted_out:${prospectId}`);
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
  const event: ProspectEvent =
    body.type === 'auto_reply'
      ? { type: 'auto_reply', source, ...(body.returnAt ? { returnAt: body.returnAt } : {}) }
      : body.type === 'opt_out'
        ? { type: 'opt_out', source }
        : { type: body.type, source, ...(body.detail ? { detail: body.detail } : {}) };
  return { enrollmentsSignalled: await signalActiveEnrollments(temporal, db, workspaceId, prospectId, event) };
}

/** Signals every unfinished enrollment of the prospect; returns how many were reached. */
export async function signalActiveEnrollments(temporal: Client, db: Database, workspaceId: string, prospectId: string, event: ProspectEvent): Promise<number> {
  const active = await db
    .select({ workflowId: enrollments.workflowId })
    .from(enrollments)
    .where(and(eq(enrollments.workspaceId, workspaceId), eq(enrollments.prospectId, prospectId), inArray(enrollments.status, ['pending', 'active', 'paused'])));
  let signalled = 0;
  for (const e of active) {
    try {
      await temporal.workflow.getHandle(e.workflowId).signal(prospectEventSignal, event);
      signalled++;
    } catch (err) {
      // Already finished: nothing to stop.
      if (!(err instanceof Error && err.name === 'WorkflowNotFoundError')) throw err;
    }
  }
  return signalled;
}
