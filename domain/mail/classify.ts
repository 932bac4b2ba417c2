// STUB (to be written): reply, out-of-office (with its return date) or bounce (hard or soft).
import type { InboundMail, MailClassification } from './types.js';

export function classifyInboundMail(_mail: InboundMail, _o: { now: string; timeZone?: string | undefined }): MailClassification {
  return { kind: 'reply' };
}
