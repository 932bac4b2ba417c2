// The variables every template of a touch can use, from the enrollment's context.
import { announcedCallVars, sentWhen, type TemplateVars } from '../domain/sequences/index.js';
import type { EnrollmentContext } from './enrollment-context.js';

/** What the variables are read from: an enrollment's context, or what a preview assembles. */
export type TemplateSource = {
  prospect: Pick<EnrollmentContext['prospect'], 'firstName' | 'lastName' | 'title' | 'email' | 'phone'>;
  account: Pick<NonNullable<EnrollmentContext['account']>, 'name'> | null;
  rep: Pick<EnrollmentContext['rep'], 'name' | 'email' | 'phone'>;
  enrollment: Pick<EnrollmentContext['enrollment'], 'context' | 'pretext'>;
  place: Pick<EnrollmentContext['place'], 'timeZone'>;
};

export function templateVars(
  ctx: TemplateSource,
  extra: {
    announcedCallAt?: string | null;
    assistantName?: string | null;
    /** When the announcing email really left (the outbox's record), and when the script is spoken. */
    announcement?: { sentAt: string | null; spokenAt: string } | null;
  } = {},
): TemplateVars {
  const p = ctx.prospect;
  const firstName = p.firstName ?? '';
  const lastName = p.lastName ?? '';
  return {
    prospect: {
      firstName,
      lastName,
      fullName: [firstName, lastName].filter(Boolean).join(' '),
      title: p.title ?? '',
      email: p.email ?? '',
      phone: p.phone ?? '',
    },
    account: { name: ctx.account?.name ?? '' },
    rep: { name: ctx.rep.name, email: ctx.rep.email, phone: ctx.rep.phone ?? '' },
    context: ctx.enrollment.context ?? '',
    pretext: ctx.enrollment.pretext ?? '',
    announcedCall: extra.announcedCallAt ? announcedCallVars(extra.announcedCallAt, ctx.place.timeZone) : null,
    announcement: extra.announcement?.sentAt ? { sent: sentWhen(extra.announcement.sentAt, extra.announcement.spokenAt, ctx.place.timeZone) } : null,
    assistant: extra.assistantName ? { name: extra.assistantName } : null,
  };
}
