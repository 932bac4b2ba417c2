// What changed between two versions of a sequence: steps added, removed or changed (field by
// field, dotted from the step: "timing.at", "template.subject"), steps moved, and the fields of the
// sequence itself. Steps are matched by id, which is how enrollments find their place.
import type { SequenceDefinition } from './definition.js';

export type FieldChange = { field: string; before: unknown; after: unknown };
export type StepChange = { stepId: string; changes: FieldChange[] };
export type SequenceDiff = {
  sequence: FieldChange[];
  added: string[];
  removed: string[];
  changed: StepChange[];
  /** The step ids in the new order, when the order of the steps both versions have changed. */
  reordered: { before: string[]; after: string[] } | null;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf by leaf (objects walked, arrays and scalars compared whole), in a stable order. */
function fieldChanges(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) fieldChanges(before[k], after[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ field: path, before: before ?? null, after: after ?? null });
}

export function diffDefinitions(before: SequenceDefinition, after: SequenceDefinition): SequenceDiff {
  const { steps: stepsBefore, ...restBefore } = before;
  const { steps: stepsAfter, ...restAfter } = after;
  const sequence: FieldChange[] = [];
  fieldChanges(restBefore, restAfter, '', sequence);
  const beforeIds = stepsBefore.map((s) => s.id);
  const afterIds = stepsAfter.map((s) => s.id);
  const added = afterIds.filter((id) => !beforeIds.includes(id));
  const removed = beforeIds.filter((id) => !afterIds.includes(id));
  const changed: StepChange[] = [];
  for (const step of stepsAfter) {
    const old = stepsBefore.find((s) => s.id === step.id);
    if (!old) continue;
    const changes: FieldChange[] = [];
    fieldChanges(old, step, '', changes);
    if (changes.length > 0) changed.push({ stepId: step.id, changes });
  }
  const keptBefore = beforeIds.filter((id) => afterIds.includes(id));
  const keptAfter = afterIds.filter((id) => beforeIds.includes(id));
  const reordered = keptBefore.join('\u0000') === keptAfter.join('\u0000') ? null : { before: beforeIds, after: afterIds };
  return { sequence, added, removed, changed, reordered };
}
