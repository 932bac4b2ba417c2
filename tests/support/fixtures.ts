// Minimal domain rows for tests: a workspace with a rep, an account, a prospect and a
// published sequence.
import type { Database } from '../../db/client.js';
import { accounts, prospects, sequences, sequenceVersions, users, workspaces } from '../../db/schema.js';

export async function seedWorkspace(db: Database, opts: { timeZone?: string; prospectTimeZone?: string } = {}) {
  const [workspace] = await db.insert(workspaces).values({ name: 'Acme Sales', timeZone: opts.timeZone ?? 'Europe/Paris' }).returning();
  const ws = workspace!.id;
  const [manager] = await db.insert(users).values({ workspaceId: ws, email: 'boss@acme.test', name: 'Claire Boss', role: 'manager' }).returning();
  const [rep] = await db.insert(users).values({ workspaceId: ws, email: 'rep@acme.test', name: 'Sam Rep', role: 'rep', managerId: manager!.id }).returning();
  const [account] = await db.insert(accounts).values({ workspaceId: ws, name: 'Globex', domain: 'globex.test', country: 'FR' }).returning();
  const [prospect] = await db.insert(prospects).values({ workspaceId: ws, accountId: account!.id, firstName: 'Marie', lastName: 'Curie', email: 'marie@globex.test', country: 'FR', timeZone: opts.prospectTimeZone ?? null }).returning();
  const [sequence] = await db.insert(sequences).values({ workspaceId: ws, key: 'announced-call', name: 'Announced call', status: 'active' }).returning();
  await db.insert(sequenceVersions).values({ workspaceId: ws, sequenceId: sequence!.id, version: 1, definition: { steps: [] }, publishedAt: new Date() });
  return { workspace: workspace!, manager: manager!, rep: rep!, account: account!, prospect: prospect!, sequence: sequence! };
}
