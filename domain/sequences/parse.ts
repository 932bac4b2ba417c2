// The one entry point for definitions coming from outside (API, JSON defaults, stored rows):
// the zod contract plus the checks zod cannot express (template variables, outcomes that a
// step can never receive), all reported at once with a dotted field path each.
import type { z } from 'zod';
import { OutcomeSchema, SequenceDefinitionSchema, type SequenceDefinition } from './definition.js';
import { SequenceDefinitionError, type SequenceFieldError } from './errors.js';
import { templateProblems } from './templates.js';
import { EXIT_OUTCOMES, outcomeError } from './transitions.js';

const dotted = (path: readonly PropertyKey[]): string => path.map(String).join('.');

function issueErrors(issue: z.core.$ZodIssue): SequenceFieldError[] {
  if (issue.code === 'unrecognized_keys') {
    // One error per key, so a form can point at each offending field.
    const isOutcomeMap = issue.path.at(-1) === 'on';
    return issue.keys.map((key) => ({
      field: dotted([...issue.path, key]),
      message: isOutcomeMap
        ? `unknown outcome "${key}" (outcomes: ${OutcomeSchema.options.join(', ')})`
        : `unknown key "${key}"`,
    }));
  }
  const last = issue.path.at(-1);
  const isTarget = last === 'next' || last === 'onBroken' || issue.path.at(-2) === 'on';
  if (issue.code === 'invalid_union' && isTarget) {
    // zod only says "Invalid input" when no member of the Target union matches.
    return [{ field: dotted(issue.path), message: 'expected a step id, "next", "end" or "stop"' }];
  }
  return [{ field: dotted(issue.path), message: issue.message }];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Runs on the raw input so template mistakes are reported together with schema errors
// (zod skips the definition's refinements while a field is invalid).
function templateErrors(input: unknown): SequenceFieldError[] {
  if (!isRecord(input) || !Array.isArray(input.steps)) return [];
  return input.steps.flatMap((step: unknown, i) => {
    if (!isRecord(step)) return [];
    const variants = Array.isArray(step.variants) ? step.variants : [];
    return [
      ...textErrors(step.template, `steps.${i}.template`),
      ...variants.flatMap((v: unknown, j) => textErrors(v, `steps.${i}.variants.${j}`)),
    ];
  });
}

/** A template's (or a variant's) subject and body, checked as Mustache with the known variables. */
function textErrors(template: unknown, field: string): SequenceFieldError[] {
  if (!isRecord(template)) return [];
  return (['subject', 'body'] as const).flatMap((part) => {
    const text = template[part];
    if (typeof text !== 'string') return [];
    return templateProblems(text).map((message) => ({ field: `${field}.${part}`, message }));
  });
}

// `on` entries that would be silently ignored at run time: outcomes the step type never
// receives, and exit outcomes (meeting booked, not interested, wrong number always end).
function outcomeMapErrors(def: SequenceDefinition): SequenceFieldError[] {
  return def.steps.flatMap((step, i) =>
    OutcomeSchema.options.flatMap((outcome) => {
      if (step.on?.[outcome] === undefined) return [];
      const field = `steps.${i}.on.${outcome}`;
      const misfit = outcomeError(step, outcome);
      if (misfit) return [{ field, message: misfit }];
      if (EXIT_OUTCOMES.includes(outcome)) {
        return [{ field, message: `"${outcome}" always ends the cadence and cannot be redirected` }];
      }
      return [];
    }),
  );
}

export function parseSequenceDefinition(input: unknown): SequenceDefinition {
  const result = SequenceDefinitionSchema.safeParse(input);
  const errors = [
    ...(result.success ? outcomeMapErrors(result.data) : result.error.issues.flatMap(issueErrors)),
    ...templateErrors(input),
  ];
  if (errors.length > 0 || !result.success) throw new SequenceDefinitionError(dedupe(errors));
  return result.data;
}

function dedupe(errors: SequenceFieldError[]): SequenceFieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.field}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
