// The escalation guard: decided in one transaction with the rep's and the account's rows locked,
// so two concurrent blockers (same rep, or two reps at one account) cannot both pass a quota of one.
import { and, count, eq, gte } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { accounts, escalations, events, users } from '../db/schema.js';
import { buildBriefing, decideEscalation, EscalationPolicySchema, type Briefing } from '../domain/cadence/escalation.js';
import type { BlockerKind } from '../domain/sequences/index.js';
import { loadEnrollmentContext } from '../application/enrollment-context.js';
import { appendEvent } from '../application/timeline.js';

export type EscalationInput = {
  workspaceId: string;
  enrollmentId: string;
  stepKey: string;
  blockerKind: BlockerKind;
  blockerNote?: string | null;
  at: string;
};
export type EscalationResult = {
  decision: 'allowed' | 'refused';
  reason: string;
  escalationId: string;
  managerId: string | null;
  briefing: Briefing | null;
};

export function createEscalationActivities({ db }: { db: Database }) {
  return {
    async requestEscalation(i: EscalationInput): Promise<EscalationResult> {
      const ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId);
      const policy = EscalationPolicySchema.parse(ctx.workspace.escalationPolicy ?? {});
      return db.transaction(async (tx) => {
        await tx.select({ id: users.id }).from(users).where(eq(users.id, ctx.rep.id)).for('update');
        // The account quota spans reps: serialize on the account too (always after the rep's row).
        if (ctx.account) await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, ctx.account.id)).for('update');
        const [existing] = await tx
          .select()
          .from(escalations)
          .where(and(eq(escalations.enrollmentId, i.enrollmentId), eq(escalations.stepKey, i.stepKey)));
        if (existing) {
          return {
            decision: existing.decision,
            reason: existing.reason,
            escalationId: existing.id,
            managerId: existing.managerId,
            briefing: existing.briefing as Briefing | null,
          };
        }
        const since = new Date(Date.parse(i.at) - policy.windowDays * 86_400_000);
        const allowedSince = (col: typeof escalations.repId | typeof escalations.accountId, id: string) =>
          tx
            .select({ n: count() })
            .from(escalations)
            .where(and(eq(escalations.workspaceId, i.workspaceId), eq(col, id), eq(escalations.decision, 'allowed'), gte(escalations.createdAt, since)));
        const [repCount] = await allowedSince(escalations.repId, ctx.rep.id);
        const [accountCount] = ctx.account ? await allowedSince(escalations.accountId, ctx.account.id) : [{ n: 0 }];
        const decision = decideEscalation({
          blockerKind: i.blockerKind,
          policy,
          accountCount: accountCount?.n ?? 0,
          repCount: repCount?.n ?? 0,
          hasManager: Boolean(ctx.rep.managerId),
        });

        let briefing: Briefing | null = null;
        if (decision.allowed) {
          const history = await tx
            .select({ type: events.type, payload: events.payload, at: events.occurredAt })
            .from(events)
            .where(and(eq(events.workspaceId, i.workspaceId), eq(events.prospectId, ctx.prospect.id)))
            .orderBy(events.id);
          const name = [ctx.prospect.firstName, ctx.prospect.lastName].filter(Boolean).join(' ');
          briefing = buildBriefing({
            prospectName: name,
            title: ctx.prospect.title,
            account: ctx.account?.name ?? null,
            context: ctx.enrollment.context,
            pretext: ctx.enrollment.pretext,
            blockerKind: i.blockerKind,
            blockerNote: i.blockerNote ?? null,
            otherBlockers: history
              .filter((h) => h.type === 'blocker.found')
              .map((h) => h.payload as { kind?: string; note?: string })
              .filter((p) => p.kind && p.kind !== i.blockerKind)
              .map((p) => ({ kind: p.kind!, note: p.note ?? null })),
            timeline: history
              .filter((h) => ['email.sent', 'call.logged', 'task.completed', 'task.missed', 'announcement.broken', 'objection.heard'].includes(h.type))
              .map((h) => ({ at: h.at.toISOString(), type: h.type, summary: summarize(h.type, h.payload as Record<string, unknown>) })),
          });
        }
        const [row] = await tx
          .insert(escalations)
          .values({
            workspaceId: i.workspaceId,
            enrollmentId: i.enrollmentId,
            prospectId: ctx.prospect.id,
            accountId: ctx.account?.id ?? null,
            repId: ctx.rep.id,
            managerId: ctx.rep.managerId,
            blockerKind: i.blockerKind,
            decision: decision.allowed ? 'allowed' : 'refused',
            reason: decision.reason,
            briefing,
            stepKey: i.stepKey,
            createdAt: new Date(i.at),
          })
          .returning({ id: escalations.id });
        await appendEvent(tx, {
          workspaceId: i.workspaceId,
          prospectId: ctx.prospect.id,
          enrollmentId: i.enrollmentId,
          type: decision.allowed ? 'escalation.requested' : 'escalation.refused',
          payload: { escalationId: row!.id, blockerKind: i.blockerKind, reason: decision.reason },
          dedupeKey: `escalation:${row!.id}`,
        });
        return {
          decision: decision.allowed ? 'allowed' : 'refused',
          reason: decision.reason,
          escalationId: row!.id,
          managerId: ctx.rep.managerId,
          briefing,
        };
      });
    },
  };
}

function summarize(type: string, p: Record<string, unknown>): string {
  switch (type) {
    case 'email.sent':
      return p.announcedCallAt ? `email announcing a call at ${String(p.announcedCallAt)}` : 'email sent';
    case 'call.logged':
      return `call: ${String(p.outcome)}${p.note ? ` (${String(p.note)})` : ''}`;
    case 'objection.heard':
      return `objection: ${String(p.text)}`;
    case 'announcement.broken':
      return 'announced call not made in time';
    default:
      return type;
  }
}
