// A provider mailbox's (Gmail, Microsoft 365) access: its refresh token, sealed at rest, opened
// or why it cannot be (in words shown to the rep, no secret in them); one client per mailbox.
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

/**
 * One client per mailbox for a background service (`open` builds it), kept while the mailbox row
 * is unchanged and rebuilt when it changes (new credentials, a reconnection).
 */
export function perMailbox<A>(open: (mailbox: MailboxRow) => Promise<A>): { for(mailbox: MailboxRow): Promise<A> } {
  const cache = new Map<string, { version: number; access: Promise<A> }>();
  return {
    for(mailbox) {
      const version = mailbox.updatedAt.getTime();
      const cached = cache.get(mailbox.id);
      if (cached && cached.version === version) return cached.access;
      const access = open(mailbox);
      cache.set(mailbox.id, { version, access });
      return access;
    },
  };
}
