// A/B variants of a step (issue 19 §4), the statistics only: each variant's rates with their
// confidence intervals, and a winner chosen on meetings, then on positive replies, never on raw
// reply rate (a "remove me" is a reply too) and never below a minimum sample. Pure: the API and
// the console will feed it the sequence analytics' figures per variant.

/** 95% two-sided. */
const Z95 = 1.959964;

export type Interval = { rate: number; low: number; high: number };

/**
 * Wilson score interval of a proportion: unlike the normal approximation it stays within [0, 1]
 * and behaves at small counts and at rates near 0, where a sales step's meeting rate lives.
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): Interval {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval: ${successes} of ${trials} is not a count`);
  }
  if (trials === 0) return { rate: 0, low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export type VariantCounts = {
  variant: string;
  /** Prospects the variant's touch reached: the sample size. */
  reached: number;
  meetings: number;
  /** Replies that were not a refusal, an opt-out or automatic: the caller's count, never raw replies. */
  positiveReplies: number;
};

export type VariantResult = VariantCounts & { meetingRate: Interval; positiveReplyRate: Interval };

export type WinnerDecision = {
  variants: VariantResult[];
  winner: string | null;
  /** What decided: meetings, else positive replies; or why nobody won yet. */
  decidedOn: 'meetings' | 'positive_replies' | null;
  reason: 'decided' | 'below_minimum_sample' | 'no_clear_difference' | 'single_variant';
};

/** Default minimum sample per variant before any winner is named. */
export const MIN_SAMPLE = 100;

/** The variant whose interval lies entirely above every other's, on one metric; null when they overlap. */
function clearlyBest(results: VariantResult[], metric: 'meetingRate' | 'positiveReplyRate'): string | null {
  const best = [...results].sort((a, b) => b[metric].rate - a[metric].rate)[0]!;
  return results.every((r) => r === best || best[metric].low > r[metric].high) ? best.variant : null;
}

/**
 * Names a winner only when every variant reached `minSample` prospects and one variant's meeting
 * rate interval lies above all the others' (else, the same on positive replies). Overlapping
 * intervals are no winner: a conservative rule, easy to explain to a sales team.
 */
export function pickWinner(counts: readonly VariantCounts[], o: { minSample?: number } = {}): WinnerDecision {
  const minSample = o.minSample ?? MIN_SAMPLE;
  const variants = counts.map((c) => ({ ...c, meetingRate: wilsonInterval(c.meetings, c.reached), positiveReplyRate: wilsonInterval(c.positiveReplies, c.reached) }));
  if (variants.length < 2) return { variants, winner: null, decidedOn: null, reason: 'single_variant' };
  if (variants.some((v) => v.reached < minSample)) return { variants, winner: null, decidedOn: null, reason: 'below_minimum_sample' };
  const onMeetings = clearlyBest(variants, 'meetingRate');
  if (onMeetings) return { variants, winner: onMeetings, decidedOn: 'meetings', reason: 'decided' };
  const onReplies = clearlyBest(variants, 'positiveReplyRate');
  if (onReplies) return { variants, winner: onReplies, decidedOn: 'positive_replies', reason: 'decided' };
  return { variants, winner: null, decidedOn: null, reason: 'no_clear_difference' };
}
