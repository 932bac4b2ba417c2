// A provider mailbox's (Gmail, Microsoft 365) refresh token, sealed at rest: opened for the client,
// or why it cannot be, in words shown to the rep (no secret in them).
import type { SecretBox } from '../security/secrets.js';
import type { MailboxRow } from './types.js';

export type RefreshToken = { ok: true; refreshToken: string } | { ok: false; detail: string };

/** `label`: the provider as the rep knows it ("Gmail", "Microsoft 365"). */
export function refreshTokenOf(mailbox: Pick<MailboxRow, 'sealedSecret'>, secrets: SecretBox, label: string): RefreshToken {
  if (!mailbox.sealedSecret) return { ok: false, detail: `the ${label} mailbox has no credentials: connect it` };
  try {
    return { ok: true, refreshToken: secrets.open(mailbox.sealedSecret) };
  } catch {
    return { ok: false, detail: `the ${label} credentials cannot be read (the secret key changed?): reconnect the mailbox` };
  }
}
