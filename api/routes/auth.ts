// People sign in to the console: email and password, one-time links (invitation, reset, setup),
// sign out here or everywhere. A session is a cookie; what it may do is its person's role,
// checked by the same route definitions as API keys (api/access.ts).
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';

import { userPasswords } from '../../db/auth-schema.js';
import { users } from '../../db/schema.js';
import { assertTimeZone } from '../../domain/timing/index.js';
import { defineRoute, ALL_ROLES } from '../access.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { ProblemError, problemResponse } from '../problem.js';
import { jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { isUniqueViolation, requireUser } from '../services/people.js';
import { timing } from '../services/timing-field.js';
import { consumeLink, findLink, issueLink, linkUrl, anyoneSignsIn } from '../auth/links.js';
import { sendLinkEmail } from '../auth/link-mail.js';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from '../auth/passwords.js';
import { sessionView, SessionView } from '../auth/people-view.js';
import { apiRoleOf, clearSessionCookies, openSession, revokeSessions } from '../auth/sessions.js';
import { addressThrottle, clientAddress, DEFAULT_SIGN_IN_LIMITS } from '../auth/throttle.js';
import { csrfTokenFor, SESSION_COOKIE } from '../auth/tokens.js';
import { createFirstAdmin } from '../auth/setup.js';

const Password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX).openapi({ description: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters` });
const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/).openapi({ description: 'The token of the link (after `token=`)' });
const signedIn = (what: string) => ({
  ...jsonResponse(SessionView, what),
  headers: { 'Set-Cookie': { description: 'relance_session (HttpOnly) and relance_csrf', schema: { type: 'string' as const } } },
});
const tooMany = { ...problemResponse('Too many sign-in attempts from this address, or the account is locked after failed ones; see Retry-After'), headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' as const, minimum: 0 } } } };
const noLink = problemResponse('No such link, or it expired or was used');
const deactivatedPerson = problemResponse('The person was deactivated by an admin');
const deactivated = () => new ProblemError('forbidden', 403, 'this person was deactivated by an admin of the workspace');
const LinkEmail = z
  .object({
    sent: z.boolean().openapi({ description: 'true: the mail server (or the local outbox) accepted it' }),
    to: z.string(),
    mailbox: z.object({ id: z.uuid(), address: z.string() }).nullable().openapi({ description: 'The mailbox it left from (null: the local outbox, or not sent)' }),
    provider: z.string().nullable().openapi({ description: 'smtp, gmail or local-outbox; null when no sending path was found' }),
    reason: z.string().nullable().openapi({ description: 'Why it was not sent: copy the link instead' }),
  })
  .openapi('SignInLinkEmail');
const LinkIssued = z
  .object({
    url: z.string().openapi({ description: 'Shown once: give it to the person (also when it was emailed, to copy)' }),
    expiresAt: z.string(),
    email: LinkEmail.nullable().openapi({ description: 'What became of the email when `send` was asked; null otherwise' }),
  })
  .openapi('SignInLink');
const LinkRequest = z
  .strictObject({
    send: z.boolean().default(false).openapi({
      description:
        "Email the link to the person through the workspace's mail path: `mailboxId`, else the caller's connected mailbox (default first), else the local outbox when the deployment keeps one. A transactional message, not a cadence touch: no pacing, no mailbox caps, no prospect suppression list. Default false: the link is only shown",
    }),
    mailboxId: z.uuid().optional().openapi({ description: "A connected mailbox of this workspace to send from: the caller's own, or anyone's for an admin" }),
  })
  .openapi('SignInLinkRequest');
const linkBody = { ...jsonBody(LinkRequest), required: false };
const UserParams = z.object({ userId: pathId('userId') });

const routes = {
  signIn: defineRoute({
    method: 'post',
    path: '/v1/auth/sign-in',
    tags: ['sign-in'],
    summary: 'Sign in with email and password: a new session (cookie), any earlier one of this browser ended',
    access: { public: 'email and password' },
    request: { body: jsonBody(z.strictObject({ email: z.email(), password: z.string().min(1).max(PASSWORD_MAX) })) },
    responses: { 200: signedIn('Signed in'), 401: problemResponse('Wrong email or password'), 403: deactivatedPerson, 429: tooMany },
  }),
  accept: defineRoute({
    method: 'post',
    path: '/v1/auth/accept',
    tags: ['sign-in'],
    summary: 'Accept an invitation or a password reset link: set the password and sign in (a reset ends every other session)',
    access: { public: 'the one-time link' },
    request: { body: jsonBody(z.strictObject({ token: LinkToken, password: Password, name: z.string().min(1).max(200).optional() })) },
    responses: { 200: signedIn('Password set, signed in'), 403: deactivatedPerson, 404: noLink, 409: problemResponse('This email already signs in to another workspace') },
  }),
  setup: defineRoute({
    method: 'post',
    path: '/v1/auth/setup',
    tags: ['sign-in'],
    summary: "The setup link printed by `npm start`: the instance's first workspace and its first admin, signed in",
    access: { public: 'the one-time setup link' },
    request: {
      body: jsonBody(
        z.strictObject({ token: LinkToken, workspaceName: z.string().min(1).max(200), timeZone: z.string().min(1).max(100).default('Europe/Paris'), name: z.string().min(1).max(200), email: z.email(), password: Password }),
      ),
    },
    responses: { 201: signedIn('Workspace and admin created, signed in'), 404: noLink, 422: problemResponse('Invalid body or unknown time zone') },
  }),
  session: defineRoute({
    method: 'get',
    path: '/v1/auth/session',
    tags: ['sign-in'],
    summary: 'Who is calling: the person, the workspace, the role, and the CSRF token of a session',
    access: ALL_ROLES,
    responses: { 200: jsonResponse(SessionView, 'The caller') },
  }),
  signOut: defineRoute({
    method: 'post',
    path: '/v1/auth/sign-out',
    tags: ['sign-in'],
    summary: 'End this session (nothing to end for an API key)',
    access: ALL_ROLES,
    responses: { 200: jsonResponse(z.object({ revoked: z.number().int() }), 'Signed out (1 session ended, 0 for an API key); the cookies are cleared') },
  }),
  signOutEverywhere: defineRoute({
    method: 'post',
    path: '/v1/auth/sign-out-everywhere',
    tags: ['sign-in'],
    summary: "End every session of the person calling, in every browser",
    access: ALL_ROLES,
    responses: { 200: jsonResponse(z.object({ revoked: z.number().int() }), 'How many sessions ended'), 409: problemResponse('An API key that acts as no one has no sessions') },
  }),
  invite: defineRoute({
    method: 'post',
    path: '/v1/users/{userId}/invitation',
    tags: ['sign-in'],
    summary: 'An invitation link for a user who has no password yet (shown once, valid 7 days; earlier ones void)',
    access: ['ops'] as const,
    request: { params: UserParams, body: linkBody },
    responses: {
      201: jsonResponse(LinkIssued, 'The link, and with `send` what became of its email (not sent: `sent: false` and why)'),
      403: problemResponse("Only an admin invites an admin or sends from someone else's mailbox"),
      404: problemResponse('No such user (or mailbox) in this workspace'),
      409: problemResponse('The user already has a password (issue a reset), or is deactivated'),
    },
  }),
  reset: defineRoute({
    method: 'post',
    path: '/v1/users/{userId}/password-reset',
    tags: ['sign-in'],
    summary: 'A password reset link for a user (shown once, valid 1 hour; earlier ones void); using it ends their sessions',
    access: [] as const,
    request: { params: UserParams, body: linkBody },
    responses: {
      201: jsonResponse(LinkIssued, 'The link, and with `send` what became of its email (not sent: `sent: false` and why)'),
      404: problemResponse('No such user (or mailbox) in this workspace'),
      409: problemResponse('The user has no password yet (send an invitation), or is deactivated'),
    },
  }),
};

export function authRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;
  const limits = { ...DEFAULT_SIGN_IN_LIMITS, ...deps.signIn };
  const throttle = addressThrottle(limits.perMinute);
  const baseUrl = (c: Context) => deps.mail?.publicUrl ?? new URL(c.req.url).origin;

  async function signInAs(c: Context, who: { workspaceId: string; userId: string }) {
    const [u] = await db.select({ role: users.role, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, who.userId));
    if (u!.deactivatedAt) throw deactivated();
    const session = await openSession(c, db, who);
    return sessionView(db, { ...who, role: apiRoleOf(u!.role) }, session.csrfToken);
  }

  app.openapi(routes.signIn, async (c) => {
    const { email, password } = c.req.valid('json');
    const wait = throttle(clientAddress(c));
    if (wait > 0) tooManyAttempts(c, wait, 'too many sign-in attempts from this address');
    const [row] = await db.select().from(userPasswords).where(eq(userPasswords.signInEmail, email.toLowerCase()));
    const now = Date.now();
    if (row?.lockedUntil && row.lockedUntil.getTime() > now) {
      tooManyAttempts(c, Math.ceil((row.lockedUntil.getTime() - now) / 1000), `too many failed sign-ins: the account is locked until ${row.lockedUntil.toISOString()}`);
    }
    if (!(await verifyPassword(row?.passwordHash, password)) || !row) {
      if (row) {
        const failed = row.failedSignIns + 1;
        const lock = failed >= limits.lockAfter;
        await db.update(userPasswords).set({ failedSignIns: lock ? 0 : failed, lockedUntil: lock ? new Date(now + limits.lockMs) : null }).where(eq(userPasswords.userId, row.userId));
      }
      throw new ProblemError('unauthorized', 401, 'wrong email or password');
    }
    if (row.failedSignIns > 0 || row.lockedUntil) await db.update(userPasswords).set({ failedSignIns: 0, lockedUntil: null }).where(eq(userPasswords.userId, row.userId));
    return c.json(await signInAs(c, { workspaceId: row.workspaceId, userId: row.userId }), 200);
  });

  app.openapi(routes.accept, async (c) => {
    const body = c.req.valid('json');
    const link = await findLink(db, body.token);
    if (!link || link.purpose === 'setup' || !link.userId || !link.workspaceId) throw linkGone();
    const user = await requireUser(db, link.workspaceId, link.userId, 'body.token');
    if (user.deactivatedAt) throw deactivated();
    const passwordHash = await hashPassword(body.password);
    const who = { workspaceId: link.workspaceId, userId: link.userId };
    try {
      await db.transaction(async (tx) => {
        if (!(await consumeLink(tx, link.id))) throw linkGone();
        if (body.name) await tx.update(users).set({ name: body.name }).where(and(eq(users.id, user.id), eq(users.workspaceId, user.workspaceId)));
        await tx
          .insert(userPasswords)
          .values({ ...who, signInEmail: user.email.toLowerCase(), passwordHash })
          .onConflictDoUpdate({ target: userPasswords.userId, set: { passwordHash, failedSignIns: 0, lockedUntil: null, updatedAt: sql`now()` } });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new ProblemError('conflict', 409, 'this email already signs in to another workspace', { errors: [{ field: 'body.token', message: 'the email of this user signs in elsewhere' }] });
      throw err;
    }
    // A reset closes every door the old password opened.
    if (link.purpose === 'reset') await revokeSessions(db, who);
    return c.json(await signInAs(c, who), 200);
  });

  app.openapi(routes.setup, async (c) => {
    const body = c.req.valid('json');
    timing('body.timeZone', () => assertTimeZone(body.timeZone));
    const link = await findLink(db, body.token);
    if (!link || link.purpose !== 'setup' || (await anyoneSignsIn(db))) throw linkGone();
    if (!(await consumeLink(db, link.id))) throw linkGone();
    const who = await createFirstAdmin(db, body);
    return c.json(await signInAs(c, who), 201);
  });

  app.openapi(routes.session, async (c) => {
    const p = principalOf(c);
    const token = p.sessionId ? getCookie(c, SESSION_COOKIE) : undefined;
    return c.json(await sessionView(db, p, token ? csrfTokenFor(token) : null), 200);
  });

  app.openapi(routes.signOut, async (c) => {
    const p = principalOf(c);
    const revoked = p.sessionId ? await revokeSessions(db, { sessionId: p.sessionId }) : 0;
    clearSessionCookies(c);
    return c.json({ revoked }, 200);
  });

  app.openapi(routes.signOutEverywhere, async (c) => {
    const p = principalOf(c);
    if (!p.userId) throw new ProblemError('conflict', 409, 'this API key acts as no one: it has no sessions');
    const revoked = await revokeSessions(db, { workspaceId: p.workspaceId, userId: p.userId });
    if (p.sessionId) clearSessionCookies(c);
    return c.json({ revoked }, 200);
  });

  async function issueFor(c: Context<AuthEnv>, userId: string, purpose: 'invitation' | 'reset', ask: { send?: boolean | undefined; mailboxId?: string | undefined }) {
    const p = principalOf(c);
    const user = await requireUser(db, p.workspaceId, userId, 'param.userId');
    if (user.deactivatedAt) throw new ProblemError('conflict', 409, 'this person is deactivated: reactivate them first');
    // Whoever sees the link can use it: only an admin may hold one that opens an admin account.
    if (user.role === 'admin' && p.role !== 'admin') throw new ProblemError('forbidden', 403, 'only an admin may invite an admin');
    const [hasPassword] = await db.select({ id: userPasswords.userId }).from(userPasswords).where(eq(userPasswords.userId, user.id));
    if (purpose === 'invitation' && hasPassword) throw new ProblemError('conflict', 409, 'this user already has a password: issue a password reset instead');
    if (purpose === 'reset' && !hasPassword) throw new ProblemError('conflict', 409, 'this user has no password yet: send an invitation instead');
    const link = await issueLink(db, purpose, { workspaceId: p.workspaceId, userId: user.id });
    const url = linkUrl(baseUrl(c), purpose, link.token);
    const email = ask.send ? await sendLinkEmail(db, deps.channels, { caller: p, mailboxId: ask.mailboxId, user, purpose, linkId: link.id, url, expiresAt: link.expiresAt }) : null;
    return c.json({ url, expiresAt: link.expiresAt.toISOString(), email }, 201);
  }
  // No body: `{}` (the link only shown).
  app.openapi(routes.invite, (c) => issueFor(c, c.req.valid('param').userId, 'invitation', c.req.valid('json') ?? {}));
  app.openapi(routes.reset, (c) => issueFor(c, c.req.valid('param').userId, 'reset', c.req.valid('json') ?? {}));

  return app;
}

const linkGone = () => new ProblemError('not-found', 404, 'no such link, or it expired or was used: ask for a new one', { errors: [{ field: 'body.token', message: 'unknown, expired or used' }] });

/** Thrown: the error handler's problem answer keeps the header set here. */
function tooManyAttempts(c: Context, seconds: number, detail: string): never {
  c.header('Retry-After', String(seconds));
  throw new ProblemError('rate-limited', 429, detail);
}
