// When a mailbox pauses itself: too many of its recent emails bounced hard. Past 3% of the last
// 100 emails it sent (counted since it was last connected or resumed), a mailbox that goes on
// sending burns its domain's reputation; its emails wait until a person has looked at the list.

/** How many of the mailbox's latest sends are looked at. */
export const BOUNCE_WINDOW = 100;
/** Hard bounces within the window that pause the mailbox (3% of a full window). */
export const HARD_BOUNCES_TO_PAUSE = 3;

export type BounceCount = { sent: number; hardBounces: number };

export const bounceRateExceeded = (c: BounceCount): boolean => c.hardBounces >= HARD_BOUNCES_TO_PAUSE;

export const pauseReason = (c: BounceCount): string =>
  `paused: ${c.hardBounces} hard bounces among its last ${c.sent} emails (the limit is ${HARD_BOUNCES_TO_PAUSE} in ${BOUNCE_WINDOW}); check the list, then resume it`;
