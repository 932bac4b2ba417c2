// Rows the Google and Microsoft 365 tests start from: a workspace with a rep whose mailbox holds a
// sealed refresh token of a fake Google or Graph account, and a prospect enrolled by that rep.
import type { Database } from '../../db/client.js';
import { enrollments, mailboxes } from '../../db/schema.js';
import type { SecretBox } from '../../security/secrets.js';
import type { FakeGoogle } from '../support/fake-google.js';
import { seedWorkspace } from '../support/fixtures.js';

/** The rep's mailbox of `provider`, its address made from the workspace id; `account` gives the refresh token. */
export async function seedApiMailboxRep<A extends { refreshToken: string }>(db: Database, provider: 'gmail' | 'microsoft', domain: string, addAccount: (address: string) => A, secrets: SecretBox) {
  const seeded = await seedWorkspace(db);
  const address = `sam.${seeded.workspace.id.slice(0, 8)}@${domain}`;
  const account = addAccount(address);
  const [mailbox] = await db
    .insert(mailboxes)
    .values({ workspaceId: seeded.workspace.id, userId: seeded.rep.id, address, displayName: 'Sam Rep', provider, isDefault: true, sealedSecret: secrets.seal(account.refreshToken) })
    .returning();
  const [enrollment] = await db
    .insert(enrollments)
    .values({
      workspaceId: seeded.workspace.id,
      prospectId: seeded.prospect.id,
      sequenceId: seeded.sequence.id,
      sequenceVersion: 1,
      repId: seeded.rep.id,
      workflowId: `enrollment:${seeded.workspace.id}:${seeded.prospect.id}:${seeded.sequence.key}`,
      status: 'active',
      context: 'Globex raised a Series B',
      pretext: 'We helped Initech cut DSO by 12 days',
      mailboxId: mailbox!.id,
    })
    .returning();
  return { ...seeded, account, mailbox: mailbox!, enrollment: enrollment! };
}

export function seedGmailRep(db: Database, fake: FakeGoogle, secrets: SecretBox) {
  return seedApiMailboxRep(db, 'gmail', 'acme.test', (address) => fake.addAccount(address), secrets);
}
