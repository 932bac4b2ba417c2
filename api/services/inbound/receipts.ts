// Replay protection: the delivery's webhook-id is recorded in the same transaction as its
// effects. Signals and Updates run before the commit, so a failure rolls the receipt back and
// the sender's retry applies them again; a concurrent duplicate waits on the receipt's unique
// key and then finds it.
import type { Database } from '../../../db/client.js';
import { inboundReceipts } from '../../../db/schema.js';

export type Receipt = { workspaceId: string; source: string; messageId: string };

export async function withReceipt<T>(db: Database, r: Receipt, apply: (tx: Database) => Promise<T>): Promise<{ duplicate: true } | { duplicate: false; result: T }> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(inboundReceipts)
      .values(r)
      .onConflictDoNothing({ target: [inboundReceipts.workspaceId, inboundReceipts.source, inboundReceipts.messageId] })
      .returning({ id: inboundReceipts.id });
    if (inserted.length === 0) return { duplicate: true as const };
    return { duplicate: false as const, result: await apply(tx as unknown as Database) };
  });
}
