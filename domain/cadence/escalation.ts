// PLAYBOOK §4: the rep's boss calls the contact's N+1/N+2 only for organizational blockers,
// within quotas per account and per rep, and never on budget, technical or offer blockers.
import { z } from 'zod';
import { overrideSchema } from '../overrides.js';
import { ORGANIZATIONAL_BLOCKERS, type BlockerKind } from '../sequences/definition.js';

export const EscalationPolicySchema = z.strictObject({
  /** Allowed escalations per account within the window. */
  perAccount: z.number().int().min(0).max(100).default(1),
  /** Allowed escalations per rep within the window. */
  perRep: z.number().int().min(0).max(1000).default(4),
  windowDays: z.number().int().min(1).max(365).default(90),
});
export type EscalationPolicy = z.infer<typeof EscalationPolicySchema>;
export const EscalationPolicyOverrideSchema = overrideSchema(EscalationPolicySchema);

export const blockerLabels: Record<BlockerKind, string> = {
  champion_lacks_authority: 'the champion lacks the political weight to carry the project upwards',
  no_consensus: 'the project is stuck between departments with no consensus',
  urgency_not_perceived: 'the urgency is not perceived at the right level',
  budget: 'a real budget problem',
  technical: 'a legitimate technical constraint',
  offer_weakness: 'an objective weakness of the offer',
};

/** What the executive's call should unlock, per organizational blocker. */
const unlocks: Partial<Record<BlockerKind, string>> = {
  champion_lacks_authority: 'sponsorship from a level that can carry the project',
  no_consensus: 'a decision owner across marketing, IT and finance',
  urgency_not_perceived: 'a shared view of the stakes and the timeline at the right level',
};

export type EscalationDecision = { allowed: true; reason: string } | { allowed: false; reason: string };

export function decideEscalation(a: {
  blockerKind: BlockerKind;
  policy: EscalationPolicy;
  accountCount: number;
  repCount: number;
  hasManager: boolean;
}): EscalationDecision {
  if (!(ORGANIZATIONAL_BLOCKERS as readonly string[]).includes(a.blockerKind)) {
    return {
      allowed: false,
      reason: `not an organizational blocker (${blockerLabels[a.blockerKind]}): escalation would backfire; work the objection at the right level instead`,
    };
  }
  if (!a.hasManager) return { allowed: false, reason: 'the rep has no manager on file to make the call' };
  if (a.accountCount >= a.policy.perAccount) {
    return { allowed: false, reason: `account quota reached (${a.accountCount}/${a.policy.perAccount} in ${a.policy.windowDays} days): escalation loses its power when overused` };
  }
  if (a.repCount >= a.policy.perRep) {
    return { allowed: false, reason: `rep quota reached (${a.repCount}/${a.policy.perRep} in ${a.policy.windowDays} days)` };
  }
  return { allowed: true, reason: blockerLabels[a.blockerKind] };
}

export type TimelineEntry = { at: string; type: string; summary: string };

export type Briefing = {
  prospect: { name: string; title: string | null; account: string | null };
  stakes: { context: string | null; pretext: string | null };
  blockers: Array<{ kind: string; description: string; note: string | null }>;
  toUnlock: string;
  timeline: TimelineEntry[];
  approach: string;
};

export function buildBriefing(a: {
  prospectName: string;
  title: string | null;
  account: string | null;
  context: string | null;
  pretext: string | null;
  blockerKind: BlockerKind;
  blockerNote: string | null;
  otherBlockers: Array<{ kind: string; note: string | null }>;
  timeline: TimelineEntry[];
}): Briefing {
  return {
    prospect: { name: a.prospectName, title: a.title, account: a.account },
    stakes: { context: a.context, pretext: a.pretext },
    blockers: [{ kind: a.blockerKind, note: a.blockerNote }, ...a.otherBlockers].map((b) => ({
      kind: b.kind,
      description: blockerLabels[b.kind as BlockerKind] ?? b.kind,
      note: b.note,
    })),
    toUnlock: unlocks[a.blockerKind] ?? 'vertical alignment on the project',
    timeline: a.timeline,
    approach: 'Collegial and low-key ("I wanted to get your feel for the project"), never accusatory. The champion is told first.',
  };
}
