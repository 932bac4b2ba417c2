// When a mailbox pauses itself: too many of its recent emails bounced hard or were marked as spam.
// Past 3% hard bounces of the last 100 emails it sent, or one spam complaint among them (1%,
// over three times the 0.3% mailbox providers ask bulk senders to stay under), counted since it
// was last connected or resumed, a mailbox that goes on sending burns its domain's reputation;
// its emails wait until a person has looked at the list.

/** How many of the mailbox's latest sends are looked at. */
export const BOUNCE_WINDOW = 100;
/** Hard bounces within the window that pause the mailbox (3% of a full window). */
export const HARD_BOUNCES_TO_PAUSE = 3;
/** Spam complaints within the window that pause the mailbox. */
export const COMPLAINTS_TO_PAUSE = 1;

export type DeliveryCount = { sent: number; hardBounces: number; complaints: number };

export const deliveryLimitReached = (c: DeliveryCount): boolean => c.hardBounces >= HARD_BOUNCES_TO_PAUSE || c.complaints >= COMPLAINTS_TO_PAUSE;

export function pauseReason(c: DeliveryCount): string {
  const what =
    c.complaints >= COMPLAINTS_TO_PAUSE
      ? `${c.complaints} spam complaint${c.complaints > 1 ? 's' : ''} among its last ${c.sent} emails (the limit is ${COMPLAINTS_TO_PAUSE} in ${BOUNCE_WINDOW})`
      : `${c.hardBounces} hard bounces among its last ${c.sent} emails (the limit is ${HARD_BOUNCES_TO_PAUSE} in ${BOUNCE_WINDOW})`;
  return `paused: ${what}; check the list, then resume it`;
}
