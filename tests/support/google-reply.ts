// What the fake Google servers answer: shared by the fake and its Gmail and Calendar parts.
export type Reply = { status: number; body?: unknown };

/** A Google API error body, as Google sends it. */
export function googleError(status: number, message: string, reason: string): Reply {
  return { status, body: { error: { code: status, message, errors: [{ message, domain: 'global', reason }], status: reason.toUpperCase() } } };
}
