// PLAYBOOK §3, warm before cold: no call before the prospect has had contact with the brand,
// by default two emails and one LinkedIn message. A sequence breaks the rule when some path
// from its first step reaches a call step with fewer earlier touches. Paths follow every
// transition a step may take (its `next`, each outcome, a broken announcement), so a rule that
// holds here holds for every enrollment. An inbound cadence is exempt, saying why: the person
// asked to be called.
import type { SequenceDefinition, Step } from './definition.js';
import { CALL_STEP_TYPES } from './step-types.js';

export type WarmRule = { emails: number; linkedin: number };
export const DEFAULT_WARM_RULE: WarmRule = { emails: 2, linkedin: 1 };

export type ColdCall = { stepIndex: number; stepId: string; emails: number; linkedin: number; rule: WarmRule };

/** The steps a step may lead to (an over-approximation of the workflow's transitions). */
function successors(def: SequenceDefinition, i: number): number[] {
  const s = def.steps[i]!;
  const index = (t: string | undefined): number[] => {
    if (t === 'end' || t === 'stop') return [];
    if (t === undefined || t === 'next') return i + 1 < def.steps.length ? [i + 1] : [];
    const j = def.steps.findIndex((x) => x.id === t);
    return j >= 0 ? [j] : [];
  };
  return [...index(s.next), ...Object.values(s.on ?? {}).flatMap((t) => index(t)), ...(s.onBroken ? index(s.onBroken) : [])];
}

/** The fewest touches counted by `counts` over all paths from the first step to each step, before it. */
function fewestBefore(def: SequenceDefinition, counts: (s: Step) => boolean): number[] {
  const best = def.steps.map(() => Infinity);
  best[0] = 0;
  // 0/1 weights on a small graph (at most 50 steps): relax until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    def.steps.forEach((s, i) => {
      if (best[i] === Infinity) return;
      const after = best[i]! + (counts(s) ? 1 : 0);
      for (const j of successors(def, i)) {
        if (after < best[j]!) {
          best[j] = after;
          changed = true;
        }
      }
    });
  }
  return best;
}

/** The rule a sequence must meet: its timing override, else the workspace's, else the playbook's. */
export function warmRuleFor(def: SequenceDefinition, workspace: Partial<WarmRule> | undefined): WarmRule {
  const own = def.timing?.warmBeforeCall;
  return {
    emails: own?.emails ?? workspace?.emails ?? DEFAULT_WARM_RULE.emails,
    linkedin: own?.linkedin ?? workspace?.linkedin ?? DEFAULT_WARM_RULE.linkedin,
  };
}

/** Call steps reachable with fewer earlier touches than the rule asks; none when the sequence is exempt. */
export function coldCalls(def: SequenceDefinition, rule: WarmRule): ColdCall[] {
  if (def.coldCallReason) return [];
  const emails = fewestBefore(def, (s) => s.type === 'email');
  const linkedin = fewestBefore(def, (s) => s.type === 'linkedin_note');
  const cold: ColdCall[] = [];
  def.steps.forEach((s, i) => {
    if (!CALL_STEP_TYPES.includes(s.type) || emails[i] === Infinity) return;
    if (emails[i]! < rule.emails || linkedin[i]! < rule.linkedin) cold.push({ stepIndex: i, stepId: s.id, emails: emails[i]!, linkedin: linkedin[i]!, rule });
  });
  return cold;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The field error naming the step, as the API reports it. */
export function coldCallMessage(c: ColdCall): string {
  return (
    `a call after only ${plural(c.emails, 'email', 'emails')} and ${plural(c.linkedin, 'LinkedIn message', 'LinkedIn messages')} on some path; ` +
    `warm before calling asks for ${plural(c.rule.emails, 'email', 'emails')} and ${plural(c.rule.linkedin, 'LinkedIn message', 'LinkedIn messages')} first (PLAYBOOK §3): ` +
    'add touches before it, or say in coldCallReason why this cadence may call sooner'
  );
}
