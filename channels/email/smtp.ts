// STUB (to be written): one pooled nodemailer SMTP transport per mailbox.
import type { SecretBox } from '../../security/secrets.js';
import type { EmailProvider, MailboxRow } from '../types.js';

export type SmtpSettings = { host: string; port: number; secure: boolean; username: string };

export function createSmtpSender(_mailbox: MailboxRow, _secrets: SecretBox): EmailProvider {
  throw new Error('not implemented');
}
