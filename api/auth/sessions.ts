// Signed-in browsers. A session is created at each sign-in (a new token: rotated), ends after
// SESSION_IDLE_MS without a request or SESSION_ABSOLUTE_MS in any case, and is revoked by a sign
// out, a sign out everywhere or a password reset.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Database } from '../../db/client.js';
import { userSessions } from '../../db/auth-schema.js';
import { users } from '../../db/schema.js';
import type { Principal, Role } from '../middleware/auth.js';
import { CSRF_COOKIE, csrfTokenFor, hashSecret, newSecret, SESSION_ABSOLUTE_MS, SESSION_COOKIE, SESSION_IDLE_MS } from './tokens.js';

type UserRole = (typeof users.$inferSelect)['role'];
/** The API role a person acts with: a manager is a rep who also sees the reps reporting to them. */
export const apiRoleOf = (role: UserRole): Role => (role === 'manager' ? 'rep' : role);

export async function startSession(db: Database, who: { workspaceId: string; userId: string }, now = Date.now()) {
  const token = newSecret();
  const expiresAt = new Date(now + SESSION_ABSOLUTE_MS);
  const [row] = await db.insert(userSessions).values({ ...who, tokenHash: hashSecret(token), expiresAt, createdAt: new Date(now), lastSeenAt: new Date(now) }).returning({ id: userSessions.id });
  return { id: row!.id, token, expiresAt, csrfToken: csrfTokenFor(token) };
}

export type LiveSession = { id: string; workspaceId: string; userId: string; principal: Principal; expiresAt: Date };

/** The session a token opens, if it is neither revoked nor expired (idle or absolute); seen now. */
export async function findSession(db: Database, token: string, now = Date.now()): Promise<LiveSession | null> {
  const [row] = await db
    .select({ s: userSessions, role: users.role })
    .from(userSessions)
    .innerJoin(users, and(eq(users.id, userSessions.userId), eq(users.workspaceId, userSessions.workspaceId)))
    .where(and(eq(userSessions.tokenHash, hashSecret(token)), isNull(userSessions.revokedAt), isNull(users.deactivatedAt), gt(userSessions.expiresAt, new Date(now)), gt(userSessions.lastSeenAt, new Date(now - SESSION_IDLE_MS))));
  if (!row) return null;
  // Written at most once a minute: the idle clock needs no finer grain.
  if (row.s.lastSeenAt.getTime() < now - 60_000) await db.update(userSessions).set({ lastSeenAt: new Date(now) }).where(eq(userSessions.id, row.s.id));
  const { id, workspaceId, userId, expiresAt } = row.s;
  return { id, workspaceId, userId, expiresAt, principal: { workspaceId, keyId: `session:${id}`, role: apiRoleOf(row.role), userId, sessionId: id } };
}

export async function revokeSessions(db: Database, where: { workspaceId: string; userId: string } | { sessionId: string }) {
  const at = new Date();
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: at })
    .where('sessionId' in where ? and(eq(userSessions.id, where.sessionId), isNull(userSessions.revokedAt)) : and(eq(userSessions.workspaceId, where.workspaceId), eq(userSessions.userId, where.userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length;
}

/** Secure except on a loopback host (http://localhost during development and tests). */
const secureFor = (c: Context) => !['localhost', '127.0.0.1', '[::1]'].includes(new URL(c.req.url).hostname);

/** The session cookie is HttpOnly; the CSRF cookie is readable by the console, which echoes it in X-CSRF-Token. */
export function setSessionCookies(c: Context, session: { token: string; csrfToken: string; expiresAt: Date }) {
  const common = { path: '/', sameSite: 'Strict', secure: secureFor(c), expires: session.expiresAt } as const;
  setCookie(c, SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  setCookie(c, CSRF_COOKIE, session.csrfToken, common);
}

export function clearSessionCookies(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureFor(c) });
  deleteCookie(c, CSRF_COOKIE, { path: '/', secure: secureFor(c) });
}

/** A sign-in: a new session for this browser, the one its cookie held (if any) ended, so no session is carried across a sign-in. */
export async function openSession(c: Context, db: Database, who: { workspaceId: string; userId: string }) {
  const earlier = getCookie(c, SESSION_COOKIE);
  const previous = earlier ? await findSession(db, earlier) : null;
  if (previous) await revokeSessions(db, { sessionId: previous.id });
  const session = await startSession(db, who);
  setSessionCookies(c, session);
  return session;
}
