// Whose figures a caller may read: ops and admin anyone's; a rep (a manager acts as one) their
// own and those of the people reporting to them (PLAYBOOK §5: managers follow their reps).
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { users } from '../../../db/schema.js';
import type { Principal } from '../../middleware/auth.js';
import { ProblemError } from '../../problem.js';

export type TeamMember = { id: string; name: string; role: string; fieldRep: boolean; managerId: string | null };

const notFound = (field: string) => new ProblemError('not-found', 404, `${field}: no such person within your reach in this workspace`, { errors: [{ field, message: 'no such person within your reach' }] });

/** The people a report covers: one rep, a manager's direct reports, or everyone the caller may see. */
export async function teamOf(db: Database, p: Principal, q: { repId?: string | undefined; managerId?: string | undefined }): Promise<TeamMember[]> {
  const all = await db
    .select({ id: users.id, name: users.name, role: users.role, fieldRep: users.fieldRep, managerId: users.managerId })
    .from(users)
    .where(eq(users.workspaceId, p.workspaceId))
    .orderBy(asc(users.name), asc(users.id));
  const visible = p.role === 'rep' ? all.filter((u) => u.id === p.userId || (p.userId !== null && u.managerId === p.userId)) : all;
  if (q.repId) {
    const one = visible.find((u) => u.id === q.repId);
    if (!one) throw notFound('query.repId');
    return [one];
  }
  if (q.managerId) {
    if (p.role === 'rep' && q.managerId !== p.userId) throw notFound('query.managerId');
    if (!all.some((u) => u.id === q.managerId)) throw notFound('query.managerId');
    return visible.filter((u) => u.managerId === q.managerId);
  }
  // Everyone the caller may see (people without tasks or meetings show zeros).
  return visible;
}
