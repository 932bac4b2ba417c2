// Counting instants in rolling windows, for the pacing tests (the domain's and the channel's).

/** The largest number of times within any half-open window [s, s + len). */
export function maxInWindow(times: readonly number[], len: number): number {
  const s = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (s[i]! - s[j]! >= len) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
