// The definition as the editor holds it (the API validates it: domain/sequences/definition.ts),
// and the field errors of a 422 keyed by their path inside the definition ("steps.1.timing.at").
import { ApiError } from '../../api/client';

export type Timing = { kind: string; at?: string; days?: number; minutes?: number };
export type Step = { id: string; type: string; title?: string; timing: Timing; template?: { subject?: string; body: string } } & Record<string, unknown>;
export type Definition = { key: string; name: string; steps: Step[] } & Record<string, unknown>;

export const STEP_TYPES = ['linkedin_note', 'email', 'call', 'voicemail', 'callback', 'wait', 'task', 'escalation'] as const;

/** Each timing kind, its label and the fields it takes (with their defaults). */
export const TIMING_KINDS: Record<string, { label: string; defaults: Omit<Timing, 'kind'> }> = {
  immediately: { label: 'as soon as the window opens', defaults: {} },
  after: { label: 'a delay after the previous step', defaults: { minutes: 60 } },
  next_business_day_at: { label: 'the next business day at a time', defaults: { at: '08:00' } },
  business_days_after: { label: 'some business days later at a time', defaults: { days: 2, at: '09:00' } },
  announced_time: { label: 'the time an earlier email announced', defaults: {} },
  callback: { label: 'the callback time given', defaults: {} },
  bypass_window: { label: 'the next by-pass window', defaults: {} },
  within_minutes: { label: 'within minutes (inbound)', defaults: { minutes: 15 } },
};

export type FieldErrors = Map<string, string[]>;

/** The errors of a 422 on a definition, by path inside it (the request's prefix dropped). */
export function fieldErrors(error: unknown): FieldErrors {
  const out: FieldErrors = new Map();
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors ?? []) {
    const path = e.field.replace(/^(body|draft)\.definition\.?/, '');
    out.set(path, [...(out.get(path) ?? []), e.message]);
  }
  return out;
}

/** Errors under `prefix` (a step) not shown beside one of `shown`. */
export function otherErrors(errors: FieldErrors, prefix: string, shown: readonly string[]): string[] {
  return [...errors].filter(([path]) => (path === prefix || path.startsWith(`${prefix}.`)) && !shown.includes(path)).flatMap(([path, messages]) => messages.map((m) => `${path.slice(prefix.length + 1) || 'step'}: ${m}`));
}
