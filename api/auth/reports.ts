// Managers see the reps reporting to them (PLAYBOOK §5: they steer actions): a rep-role caller
// may read the queue of a rep whose manager they are.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { users } from '../../db/schema.js';
import type { Principal } from '../middleware/auth.js';

export async function managesRep(db: Database, p: Principal, repId: string): Promise<boolean> {
  if (!p.userId) return false;
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, repId), eq(users.workspaceId, p.workspaceId), eq(users.managerId, p.userId)));
  return Boolean(row);
}
