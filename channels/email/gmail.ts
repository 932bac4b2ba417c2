// STUB (to be written): Gmail API sender for one mailbox (OAuth2 refresh token).
import type { GoogleConfig } from '../../runtime/config.js';
import type { SecretBox } from '../../security/secrets.js';
import type { EmailProvider, MailboxRow } from '../types.js';

export function createGmailSender(_mailbox: MailboxRow, _secrets: SecretBox, _google: GoogleConfig): EmailProvider {
  throw new Error('not implemented');
}
