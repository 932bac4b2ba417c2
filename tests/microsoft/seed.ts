// Rows the Microsoft 365 tests start from: a rep whose Microsoft mailbox holds a sealed refresh
// token of a fake Graph account, and a prospect enrolled by that rep.
import type { Database } from '../../db/client.js';
import type { SecretBox } from '../../security/secrets.js';
import type { FakeGraph } from '../support/fake-graph.js';
import { seedApiMailboxRep } from '../google/seed.js';

export function seedMicrosoftRep(db: Database, fake: FakeGraph, secrets: SecretBox) {
  return seedApiMailboxRep(db, 'microsoft', 'contoso.test', (address) => fake.addAccount(address), secrets);
}
