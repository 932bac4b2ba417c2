// The setup link's work: the instance's first workspace (default cadences installed) and its
// first admin, who signs in with the password chosen here.
import type { Database } from '../../db/client.js';
import { userPasswords } from '../../db/auth-schema.js';
import { users, workspaces } from '../../db/schema.js';
import { installDefaultSequences } from '../services/sequences.js';
import { hashPassword } from './passwords.js';

export type FirstAdmin = { workspaceName: string; timeZone: string; name: string; email: string; password: string };

export async function createFirstAdmin(db: Database, body: FirstAdmin) {
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    const [ws] = await tx.insert(workspaces).values({ name: body.workspaceName, timeZone: body.timeZone }).returning();
    await installDefaultSequences(tx, ws!.id);
    const [admin] = await tx.insert(users).values({ workspaceId: ws!.id, email: body.email, name: body.name, role: 'admin' }).returning();
    await tx.insert(userPasswords).values({ userId: admin!.id, workspaceId: ws!.id, signInEmail: body.email.toLowerCase(), passwordHash });
    return { workspaceId: ws!.id, userId: admin!.id };
  });
}
