// A sequence is data: an ordered list of steps, each with a timing rule, a template and,
// for human steps, where each outcome leads. Published versions are frozen; every
// enrollment carries the definition it started with in its workflow input.
import { z } from 'zod';
import { TimingRulesOverrideSchema } from '../timing/rules.js';
import { BLOCKER_KINDS, OUTCOMES, STEP_TYPES } from './vocabulary.js';
import { HUMAN_STEP_TYPES } from './step-types.js';

export const SEQUENCE_SCHEMA_VERSION = 1;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected "HH:mm"');
const StepId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes, starting with a letter');

export { ORGANIZATIONAL_BLOCKERS, OTHER_BLOCKERS } from './vocabulary.js';
export { CALL_STEP_TYPES, HUMAN_STEP_TYPES } from './step-types.js';
export type { BlockerKind, Outcome, StepType } from './vocabulary.js';
export const StepTypeSchema = z.enum(STEP_TYPES);
export const OutcomeSchema = z.enum(OUTCOMES);
export const BlockerKindSchema = z.enum(BLOCKER_KINDS);

export const TimingRuleSchema = z.discriminatedUnion('kind', [
  /** First allowed instant from now, inside the channel's window. */
  z.strictObject({ kind: z.literal('immediately') }),
  /** A delay after the previous step ended, then the channel's window. */
  z.strictObject({ kind: z.literal('after'), minutes: z.number().int().min(0).max(60 * 24 * 60) }),
  /** The given prospect-local time on the next business day (e.g. the 08:00 email). */
  z.strictObject({ kind: z.literal('next_business_day_at'), at: HHMM }),
  /** The given prospect-local time N business days later. */
  z.strictObject({ kind: z.literal('business_days_after'), days: z.number().int().min(1).max(60), at: HHMM }),
  /** Call steps: the slot the announcing email promised. */
  z.strictObject({ kind: z.literal('announced_time') }),
  /** The time the gatekeeper or the prospect gave, else the next by-pass window. */
  z.strictObject({ kind: z.literal('callback') }),
  /** The next by-pass window (before 08:30, lunch, after 18:30, Wednesday afternoon). */
  z.strictObject({ kind: z.literal('bypass_window') }),
  /** Inbound signals: call within minutes (inside the call window). */
  z.strictObject({ kind: z.literal('within_minutes'), minutes: z.number().int().min(1).max(240) }),
]);
export type TimingRule = z.infer<typeof TimingRuleSchema>;

export const TemplateSchema = z.strictObject({
  subject: z.string().max(300).optional(),
  body: z.string().min(1).max(20_000),
});
export type Template = z.infer<typeof TemplateSchema>;

/** One variant of an email step's template (A/B): the share of enrollments it gets is its weight over the step's total. */
export const StepVariantSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'letters, digits, dashes and underscores, up to 32'),
  weight: z.number().int('a whole number').positive('must be positive').max(1000),
  subject: z.string().min(1, 'an email needs a subject').max(300),
  body: z.string().min(1).max(20_000),
});
export type StepVariant = z.infer<typeof StepVariantSchema>;

/** Where an outcome leads: a step id, the following step, the end of the cadence, or a stop. */
const Target = z.union([StepId, z.enum(['next', 'end', 'stop'])]);
export type Target = z.infer<typeof Target>;

export const StepSchema = z.strictObject({
  id: StepId,
  type: StepTypeSchema,
  title: z.string().min(1).max(200).optional(),
  timing: TimingRuleSchema,
  template: TemplateSchema.optional(),
  /** Email steps: A/B variants of the template, one chosen per enrollment (domain/sequences/variants.ts); the template is then unused. */
  variants: z.array(StepVariantSchema).max(10).optional(),
  /** Email steps: reserve a call slot at this prospect-local time and announce it. */
  announce: z.strictObject({ callStep: StepId, at: HHMM }).optional(),
  /** Announced calls: minutes after the promised time before the promise counts as broken. */
  graceMinutes: z.number().int().min(1).max(240).optional(),
  /** Where a broken announcement leads (default: the next by-pass callback). */
  onBroken: Target.optional(),
  /** Default successor when no outcome mapping applies. */
  next: Target.optional(),
  /** Human steps: outcome -> successor. Exit outcomes (meeting booked, not interested, wrong number) always end the cadence. */
  on: z.partialRecord(OutcomeSchema, Target).optional(),
  /** Loop guard: how many times the cadence may enter this step. */
  maxVisits: z.number().int().min(1).max(10).optional(),
});
export type Step = z.infer<typeof StepSchema>;

export const SequenceDefinitionSchema = z
  .strictObject({
    schemaVersion: z.literal(SEQUENCE_SCHEMA_VERSION),
    key: StepId,
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    /** Overrides of the workspace timing rules for this sequence. */
    timing: TimingRulesOverrideSchema.optional(),
    /** A reply from one contact stops the other enrollments at the same account. */
    stopAccountOnReply: z.boolean().optional(),
    /**
     * Why this cadence may call before the warm-up touches the timing rules ask for
     * (`warmBeforeCall`, PLAYBOOK §3): an inbound cadence, say, where the person asked to be called.
     */
    coldCallReason: z.string().trim().min(10, 'say why, in a sentence').max(500).optional(),
    steps: z.array(StepSchema).min(1).max(50),
  })
  .superRefine((def, ctx) => {
    const ids = new Map<string, number>();
    def.steps.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id "${s.id}"` });
      ids.set(s.id, i);
    });
    const checkTarget = (t: Target | undefined, path: (string | number)[]) => {
      if (t && !['next', 'end', 'stop'].includes(t) && !ids.has(t)) {
        ctx.addIssue({ code: 'custom', path, message: `unknown step "${t}"` });
      }
    };
    def.steps.forEach((s, i) => {
      checkTarget(s.next, ['steps', i, 'next']);
      checkTarget(s.onBroken, ['steps', i, 'onBroken']);
      for (const [outcome, t] of Object.entries(s.on ?? {})) checkTarget(t, ['steps', i, 'on', outcome]);
      if (s.on && !HUMAN_STEP_TYPES.includes(s.type)) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'on'], message: `${s.type} steps have no outcomes` });
      }
      if (s.announce) {
        const target = ids.get(s.announce.callStep);
        if (s.type !== 'email') ctx.addIssue({ code: 'custom', path: ['steps', i, 'announce'], message: 'only email steps announce a call' });
        if (target === undefined || def.steps[target]?.type !== 'call' || target <= i) {
          ctx.addIssue({ code: 'custom', path: ['steps', i, 'announce', 'callStep'], message: 'must name a later call step' });
        } else if (def.steps[target]?.timing.kind !== 'announced_time') {
          // Otherwise the email would promise a time the call never keeps.
          ctx.addIssue({ code: 'custom', path: ['steps', i, 'announce', 'callStep'], message: 'the announced call step must use announced_time timing' });
        }
      }
      if (s.timing.kind === 'announced_time') {
        const announced = def.steps.some((o, j) => j < i && o.announce?.callStep === s.id);
        if (s.type !== 'call' || !announced) {
          ctx.addIssue({ code: 'custom', path: ['steps', i, 'timing'], message: 'announced_time needs a call step announced by an earlier email' });
        }
      }
      if (s.variants) {
        if (s.type !== 'email') ctx.addIssue({ code: 'custom', path: ['steps', i, 'variants'], message: 'only email steps have variants' });
        if (s.variants.length < 2) ctx.addIssue({ code: 'custom', path: ['steps', i, 'variants'], message: 'an A/B test needs at least 2 variants' });
        const keys = new Set<string>();
        s.variants.forEach((v, j) => {
          if (keys.has(v.key)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'variants', j, 'key'], message: `duplicate variant key "${v.key}"` });
          keys.add(v.key);
        });
      }
      const hasVariants = s.type === 'email' && s.variants !== undefined;
      if ((s.type === 'email' || s.type === 'linkedin_note') && !s.template && !hasVariants) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'template'], message: `${s.type} steps need a template` });
      }
      if (s.type === 'email' && !hasVariants && !s.template?.subject) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'template', 'subject'], message: 'an email needs a subject' });
      }
    });
  });
export type SequenceDefinition = z.infer<typeof SequenceDefinitionSchema>;
export type SequenceDefinitionInput = z.input<typeof SequenceDefinitionSchema>;
