// Replay protection: the delivery's webhook-id is claimed first (its receipt, committed on its
// own), then the effects run, each idempotent (timeline events carry the delivery's dedupe key).
// If they fail, the receipt is released so the sender's retry applies them again; a duplicate
// that arrives meanwhile is acknowledged. No transaction is held while the effects run: some
// wait on a workflow Update whose activities write to the same database, which would wait for
// the transaction forever on a one-connection database (PGlite) and hold its locks on PostgreSQL.
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { inboundReceipts } from '../../../db/schema.js';

export type Receipt = { workspaceId: string; source: string; messageId: string };

export async function withReceipt<T>(db: Database, r: Receipt, apply: () => Promise<T>): Promise<{ duplicate: true } | { duplicate: false; result: T }> {
  const [claimed] = await db
    .insert(inboundReceipts)
    .values(r)
    .onConflictDoNothing({ target: [inboundReceipts.workspaceId, inboundReceipts.source, inboundReceipts.messageId] })
    .returning({ id: inboundReceipts.id });
  if (!claimed) return { duplicate: true as const };
  try {
    return { duplicate: false as const, result: await apply() };
  } catch (err) {
    await db.delete(inboundReceipts).where(eq(inboundReceipts.id, claimed.id));
    throw err;
  }
}
