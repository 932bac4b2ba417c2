// A/B variants of an email step: the definition's rules (each error naming its field) and the
// assignment's properties: the same variant for an (enrollment, step) every time, and a split that
// follows the weights over many enrollments.
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { parseSequenceDefinition, SequenceDefinitionError, variantFor, type SequenceDefinitionInput } from '../../domain/sequences/index.js';

const A = { key: 'A', weight: 3, subject: 'Quick question, {{prospect.firstName}}', body: 'Version A' };
const B = { key: 'B', weight: 1, subject: 'About {{account.name}}', body: 'Version B' };

function withVariants(variants: unknown): SequenceDefinitionInput {
  return {
    schemaVersion: 1,
    key: 'ab',
    name: 'A/B',
    steps: [{ id: 'intro', type: 'email', timing: { kind: 'immediately' }, variants } as SequenceDefinitionInput['steps'][number]],
  };
}

function fieldsOf(input: SequenceDefinitionInput): string[] {
  try {
    parseSequenceDefinition(input);
  } catch (e) {
    if (e instanceof SequenceDefinitionError) return e.errors.map((x) => x.field);
    throw e;
  }
  return [];
}

describe('step variants in a definition', () => {
  it('accepts an email step with two weighted variants and no template of its own', () => {
    const def = parseSequenceDefinition(withVariants([A, B]));
    expect(def.steps[0]!.variants!.map((v) => [v.key, v.weight])).toEqual([['A', 3], ['B', 1]]);
  });

  it('refuses fewer than 2 variants, duplicate keys, weights that are not positive whole numbers, a missing subject, a bad template, naming each field', () => {
    expect(fieldsOf(withVariants([A]))).toEqual(['steps.0.variants']);
    expect(fieldsOf(withVariants([A, { ...B, key: 'A' }]))).toEqual(['steps.0.variants.1.key']);
    expect(fieldsOf(withVariants([A, { ...B, weight: 0 }]))).toEqual(['steps.0.variants.1.weight']);
    expect(fieldsOf(withVariants([{ ...A, weight: -2 }, { ...B, weight: 1.5 }]))).toEqual(['steps.0.variants.0.weight', 'steps.0.variants.1.weight']);
    expect(fieldsOf(withVariants([A, { key: 'B', weight: 1, body: 'no subject' }]))).toEqual(['steps.0.variants.1.subject']);
    expect(fieldsOf(withVariants([A, { ...B, body: 'Hi {{prospect.nickname}}' }]))).toEqual(['steps.0.variants.1.body']);
    expect(fieldsOf(withVariants([A, { ...B, colour: 'red' }]))).toEqual(['steps.0.variants.1.colour']);
    const onCall = withVariants([A, B]);
    onCall.steps = [{ id: 'call', type: 'call', timing: { kind: 'immediately' }, variants: [A, B] }];
    expect(fieldsOf(onCall)).toEqual(['steps.0.variants']);
  });
});

describe('variant assignment', () => {
  it('gives an enrollment the same variant of a step every time, and may differ between its steps', () => {
    const ids = Array.from({ length: 200 }, () => uuidv7());
    for (const id of ids) expect(variantFor(id, 'intro', [A, B]).key).toBe(variantFor(id, 'intro', [{ ...A }, { ...B }]).key);
    const differs = ids.filter((id) => variantFor(id, 'intro', [{ ...A, weight: 1 }, B]).key !== variantFor(id, 'follow-up', [{ ...A, weight: 1 }, B]).key);
    expect(differs.length).toBeGreaterThan(0);
  });

  it('follows the weights over many enrollments (3:1, then 1:1:2)', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7());
    const share = (variants: Array<{ key: string; weight: number }>) => {
      const n: Record<string, number> = {};
      for (const id of ids) {
        const key = variantFor(id, 'intro', variants).key;
        n[key] = (n[key] ?? 0) + 1;
      }
      return Object.fromEntries(Object.entries(n).map(([k, c]) => [k, c / ids.length]));
    };
    const ab = share([A, B]);
    // Four standard deviations of a binomial share at n = 20,000 is about 0.012.
    expect(Math.abs(ab.A! - 0.75)).toBeLessThan(0.015);
    expect(Math.abs(ab.B! - 0.25)).toBeLessThan(0.015);
    const abc = share([{ key: 'x', weight: 1 }, { key: 'y', weight: 1 }, { key: 'z', weight: 2 }]);
    expect(Math.abs(abc.x! - 0.25)).toBeLessThan(0.015);
    expect(Math.abs(abc.z! - 0.5)).toBeLessThan(0.015);
  });
});
