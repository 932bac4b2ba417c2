// The secrets of sign-in: session tokens and one-time links are 256-bit random values, kept as a
// SHA-256 (nothing to brute-force, so a fast hash is enough). The CSRF token is derived from the
// session token, so it needs no storage and a page cannot compute it without the HttpOnly cookie.
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = () => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const csrfTokenFor = (sessionToken: string) => createHash('sha256').update(`relance-csrf:${sessionToken}`).digest('base64url');

export const SESSION_COOKIE = 'relance_session';
export const CSRF_COOKIE = 'relance_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** A rep's working day and a break: idle sessions end after 2 hours, any session after 12. */
export const SESSION_IDLE_MS = 2 * 3600_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
/** Links: an invitation lasts a week, a reset an hour, the setup link a day. */
export const LINK_LIFETIME_MS = { invitation: 7 * 24 * 3600_000, reset: 3600_000, setup: 24 * 3600_000 } as const;
