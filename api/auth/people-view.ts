// What the console learns about whoever is calling: the person, the workspace, the API role
// they act with, and the CSRF token a session needs on every change.
import { and, eq } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import type { Database } from '../../db/client.js';
import { users, workspaces } from '../../db/schema.js';
import { ROLES, type Principal } from '../middleware/auth.js';

export const SessionView = z
  .object({
    user: z
      .object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.enum(['rep', 'manager', 'ops', 'admin']), managerId: z.uuid().nullable(), timeZone: z.string().nullable() })
      .nullable()
      .openapi({ description: 'The person signed in (null for an API key that acts as no one)' }),
    workspace: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
    role: z.enum(ROLES).openapi({ description: 'The API role the caller acts with: a manager acts as a rep who also sees the reps reporting to them' }),
    csrfToken: z.string().nullable().openapi({ description: 'Send it as X-CSRF-Token on every request that changes something (null for an API key)' }),
  })
  .openapi('Session');
export type SessionViewJson = z.infer<typeof SessionView>;

export async function sessionView(db: Database, p: Pick<Principal, 'workspaceId' | 'userId' | 'role'>, csrfToken: string | null): Promise<SessionViewJson> {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, p.workspaceId));
  const [u] = p.userId ? await db.select().from(users).where(and(eq(users.id, p.userId), eq(users.workspaceId, p.workspaceId))) : [];
  return {
    user: u ? { id: u.id, name: u.name, email: u.email, role: u.role, managerId: u.managerId, timeZone: u.timeZone } : null,
    workspace: { id: ws!.id, name: ws!.name, timeZone: ws!.timeZone },
    role: p.role,
    csrfToken,
  };
}
