// STUB (to be written): the embedded default: every message kept as an .eml file.
import type { EmailProvider } from '../types.js';

export function createLocalOutbox(_dir: string): EmailProvider {
  return { id: 'local-outbox', send: async () => ({ status: 'sent' }) };
}
