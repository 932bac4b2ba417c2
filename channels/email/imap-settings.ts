// Where an SMTP mailbox's replies are read: its IMAP server (`mailboxes.imap_settings`). The
// password (or OAuth2 grant) is sealed apart (`imap_sealed_secret`), or is the SMTP one when the server shares it.
import { z } from 'zod';
import { OAuth2GrantSchema } from './oauth2-grant.js';

/** A folder name as the server spells it (any hierarchy separator), e.g. "INBOX", "Junk", "[Gmail]/Spam". */
const Folder = z.string().trim().min(1).max(200).regex(/^[^\r\n\0*%]+$/, 'a folder name (no wildcards)');

export const ImapSettingsSchema = z.object({
  host: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or an IP address'),
  port: z.number().int().min(1).max(65535).default(993),
  /** Implicit TLS (port 993); otherwise STARTTLS whenever the server offers it. */
  secure: z.boolean().default(true),
  /** Refuse a server that does not offer STARTTLS when `secure` is false. */
  requireTls: z.boolean().default(false),
  username: z.string().min(1).max(320),
  /** Folders to read; absent: INBOX and the junk folder when the server has one (special-use \Junk, else Junk or Spam). */
  folders: z.array(Folder).min(1).max(10).optional(),
  /** Present: XOAUTH2 with this grant, its refresh token and client secret sealed apart (`imap_sealed_secret`). */
  oauth2: OAuth2GrantSchema.optional(),
});
export type ImapSettings = z.infer<typeof ImapSettingsSchema>;

/** A mailbox's IMAP settings as stored; null when it has none (or they no longer parse). */
export function imapSettingsOf(mailbox: { imapSettings: unknown }): ImapSettings | null {
  if (mailbox.imapSettings === null) return null;
  const parsed = ImapSettingsSchema.safeParse(mailbox.imapSettings);
  return parsed.success ? parsed.data : null;
}
