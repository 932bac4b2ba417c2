// The A/B statistics of a step's variants: Wilson intervals against published values, and the
// winner rule (meetings, then positive replies; a minimum sample; overlapping intervals win nothing).
import { describe, expect, it } from 'vitest';
import { pickWinner, wilsonInterval } from '../../domain/reports/variant-winner.js';

const round = (i: { rate: number; low: number; high: number }) => ({ rate: +i.rate.toFixed(4), low: +i.low.toFixed(4), high: +i.high.toFixed(4) });

describe('wilsonInterval', () => {
  it('matches the textbook 95% Wilson intervals, within [0, 1] even at 0 and at n', () => {
    expect(round(wilsonInterval(5, 10))).toEqual({ rate: 0.5, low: 0.2366, high: 0.7634 });
    expect(round(wilsonInterval(0, 10))).toEqual({ rate: 0, low: 0, high: 0.2775 });
    expect(round(wilsonInterval(10, 10))).toEqual({ rate: 1, low: 0.7225, high: 1 });
    expect(round(wilsonInterval(30, 400))).toEqual({ rate: 0.075, low: 0.053, high: 0.105 });
    expect(wilsonInterval(0, 0)).toEqual({ rate: 0, low: 0, high: 1 });
  });

  it('refuses what is not a count', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
  });
});

describe('pickWinner', () => {
  it('names no winner below the minimum sample, however large the gap', () => {
    const d = pickWinner([{ variant: 'A', reached: 60, meetings: 20, positiveReplies: 25 }, { variant: 'B', reached: 60, meetings: 0, positiveReplies: 0 }]);
    expect(d).toMatchObject({ winner: null, reason: 'below_minimum_sample' });
    expect(pickWinner([{ variant: 'A', reached: 60, meetings: 20, positiveReplies: 25 }, { variant: 'B', reached: 60, meetings: 0, positiveReplies: 0 }], { minSample: 50 }).winner).toBe('A');
  });

  it('decides on meetings first, whatever the positive replies say', () => {
    const d = pickWinner([{ variant: 'A', reached: 400, meetings: 30, positiveReplies: 10 }, { variant: 'B', reached: 400, meetings: 5, positiveReplies: 60 }]);
    expect(d).toMatchObject({ winner: 'A', decidedOn: 'meetings', reason: 'decided' });
    expect(round(d.variants[0]!.meetingRate)).toEqual({ rate: 0.075, low: 0.053, high: 0.105 });
  });

  it('falls back on positive replies when the meeting rates overlap, and names nobody when both overlap', () => {
    expect(pickWinner([{ variant: 'A', reached: 300, meetings: 6, positiveReplies: 45 }, { variant: 'B', reached: 300, meetings: 8, positiveReplies: 12 }])).toMatchObject({ winner: 'A', decidedOn: 'positive_replies' });
    expect(pickWinner([{ variant: 'A', reached: 300, meetings: 6, positiveReplies: 20 }, { variant: 'B', reached: 300, meetings: 8, positiveReplies: 15 }])).toMatchObject({ winner: null, reason: 'no_clear_difference' });
  });

  it('needs every other variant below the best: a third close runner-up blocks the win', () => {
    const a = { variant: 'A', reached: 400, meetings: 30, positiveReplies: 0 };
    const b = { variant: 'B', reached: 400, meetings: 5, positiveReplies: 0 };
    expect(pickWinner([a, b, { variant: 'C', reached: 400, meetings: 25, positiveReplies: 0 }]).winner).toBeNull();
    expect(pickWinner([a]).reason).toBe('single_variant');
  });
});
