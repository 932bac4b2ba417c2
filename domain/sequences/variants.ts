// A/B variants of an email step (issue 19 §4): which variant an enrollment gets. Pure and
// deterministic per (enrollment, step), so a retried staging, a replay or a re-staged email after
// a pause always renders the same variant; weighted, so a 3:1 split sends about three in four
// enrollments the first variant.
import type { StepVariant } from './definition.js';

/** FNV-1a over UTF-16 code units, then murmur3's finalizer: ids that differ in one character spread over the whole range. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The variant this enrollment receives at this step: its hash's place on the weights' cumulative line. */
export function variantFor<V extends Pick<StepVariant, 'key' | 'weight'>>(enrollmentId: string, stepId: string, variants: readonly V[]): V {
  if (variants.length === 0) throw new RangeError('variantFor: a step without variants');
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  let point = (hash32(`${enrollmentId}\u0000${stepId}`) / 0x1_0000_0000) * total;
  for (const v of variants) {
    if (point < v.weight) return v;
    point -= v.weight;
  }
  return variants[variants.length - 1]!;
}
