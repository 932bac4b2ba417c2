// Automated touches (emails): guarded against opted-out prospects and invalid addresses right
// before sending, recorded once per (enrollment, step visit) whatever the retries.
import { ApplicationFailure } from '@temporalio/activity';
import { and, eq } from 'drizzle-orm';
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { touches } from '../db/schema.js';
import { renderTemplate, type Step } from '../domain/sequences/index.js';
import { loadEnrollmentContext } from './context.js';
import { templateVars } from './template-vars.js';
import { appendEvent } from './timeline.js';

export type SendTouchInput = {
  workspaceId: string;
  enrollmentId: string;
  stepKey: string;
  step: Step;
  announcedCallAt?: string | null;
  at: string;
};
export type SendTouchResult = { status: 'sent' | 'suppressed'; touchId: string; detail?: string };

export function createTouchActivities({ db, channels }: { db: Database; channels: ChannelRegistry }) {
  return {
    async sendTouch(i: SendTouchInput): Promise<SendTouchResult> {
      const [done] = await db
        .select()
        .from(touches)
        .where(and(eq(touches.enrollmentId, i.enrollmentId), eq(touches.stepKey, i.stepKey)));
      if (done) return { status: done.status === 'sent' ? 'sent' : 'suppressed', touchId: done.id };

      const ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId);
      const vars = templateVars(ctx, { announcedCallAt: i.announcedCallAt ?? null });
      const rendered = renderTemplate(i.step.template ?? { body: '' }, vars);
      // An opt-out is effective before the next step, always: checked here, not only by signals.
      const suppressedBecause =
        ctx.prospect.status === 'opted_out' ? 'prospect opted out'
        : ctx.prospect.status === 'invalid_email' ? 'email address marked invalid'
        : !ctx.prospect.email ? 'prospect has no email address'
        : null;

      let status: 'sent' | 'suppressed' = 'suppressed';
      let provider = channels.email.id;
      if (!suppressedBecause) {
        const result = await channels.email.send({
          workspaceId: i.workspaceId,
          enrollmentId: i.enrollmentId,
          prospectId: ctx.prospect.id,
          stepKey: i.stepKey,
          channel: 'email',
          to: { name: vars.prospect.fullName, email: ctx.prospect.email! },
          from: { repId: ctx.rep.id, name: ctx.rep.name, email: ctx.rep.email },
          subject: rendered.subject ?? '',
          body: rendered.body,
          announcedCallAt: i.announcedCallAt ?? null,
        });
        if (result.status === 'failed') {
          if (result.retryable) throw ApplicationFailure.retryable(result.detail, 'SendFailed');
          throw ApplicationFailure.nonRetryable(result.detail, 'SendRejected');
        }
        status = 'sent';
        provider = result.provider;
      }
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(touches)
          .values({
            workspaceId: i.workspaceId,
            enrollmentId: i.enrollmentId,
            prospectId: ctx.prospect.id,
            stepKey: i.stepKey,
            channel: 'email',
            provider,
            status,
            toAddress: ctx.prospect.email,
            subject: rendered.subject ?? null,
            body: rendered.body,
            announcedCallAt: i.announcedCallAt ? new Date(i.announcedCallAt) : null,
            detail: suppressedBecause,
            sentAt: status === 'sent' ? new Date(i.at) : null,
          })
          .onConflictDoNothing({ target: [touches.enrollmentId, touches.stepKey] })
          .returning({ id: touches.id });
        const touchId = row?.id ?? (await tx.select({ id: touches.id }).from(touches).where(and(eq(touches.enrollmentId, i.enrollmentId), eq(touches.stepKey, i.stepKey))))[0]!.id;
        await appendEvent(tx as unknown as Database, {
          workspaceId: i.workspaceId,
          prospectId: ctx.prospect.id,
          enrollmentId: i.enrollmentId,
          type: status === 'sent' ? 'email.sent' : 'touch.suppressed',
          payload: { touchId, stepKey: i.stepKey, announcedCallAt: i.announcedCallAt ?? null, reason: suppressedBecause },
          dedupeKey: `touch:${touchId}`,
        });
        return { status, touchId, ...(suppressedBecause ? { detail: suppressedBecause } : {}) };
      });
    },
  };
}
