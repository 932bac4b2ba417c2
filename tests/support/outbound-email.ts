// An email as the outbox hands it to a provider: a French announcement of a 09:15 call.
import { randomUUID } from 'node:crypto';
import type { OutboundEmail } from '../../channels/types.js';

export function outboundEmail(over: Partial<OutboundEmail> = {}): OutboundEmail {
  const touchId = over.touchId ?? randomUUID();
  return {
    workspaceId: randomUUID(),
    touchId,
    enrollmentId: randomUUID(),
    prospectId: randomUUID(),
    messageId: `<${touchId}@relance.test>`,
    inReplyTo: null,
    references: [],
    threadId: null,
    from: { name: 'Sam Rep', address: 'rep@acme.test' },
    to: { name: 'Marie Curie', address: 'marie@globex.test' },
    subject: 'Notre échange de mardi',
    text: 'Bonjour Marie,\n\nJe vous appelle mardi 3 mars à 09:15 (heure de Paris).\n\nSam',
    unsubscribeUrl: `http://relance.test/v1/unsubscribe/token-${touchId}`,
    date: new Date('2026-03-03T07:00:00Z'),
    ...over,
  };
}
