// One-time links: an invitation (the first password), a reset (a new password; every session of
// the person ends), and the setup of the instance (first workspace and admin). Shown once; the
// row keeps only a hash. Issuing a link voids the earlier unused ones of the same person and purpose.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.js';
import { signInLinks, userPasswords } from '../../db/auth-schema.js';
import { hashSecret, LINK_LIFETIME_MS, newSecret } from './tokens.js';

export type LinkPurpose = (typeof signInLinks.$inferSelect)['purpose'];

/** Where a link leads: the console's page for it (the token in the fragment never reaches a server log nor a Referer). */
export const linkUrl = (base: string, purpose: LinkPurpose, token: string) => `${base.replace(/\/$/, '')}/#/${purpose === 'setup' ? 'setup' : 'accept'}?token=${token}`;

export async function issueLink(db: Database, purpose: LinkPurpose, who: { workspaceId: string; userId: string } | null, now = Date.now()) {
  const token = newSecret();
  const expiresAt = new Date(now + LINK_LIFETIME_MS[purpose]);
  const id = await db.transaction(async (tx) => {
    const earlier = who ? and(eq(signInLinks.workspaceId, who.workspaceId), eq(signInLinks.userId, who.userId)) : isNull(signInLinks.userId);
    await tx.update(signInLinks).set({ usedAt: new Date(now) }).where(and(earlier, eq(signInLinks.purpose, purpose), isNull(signInLinks.usedAt)));
    const [row] = await tx.insert(signInLinks).values({ purpose, workspaceId: who?.workspaceId ?? null, userId: who?.userId ?? null, tokenHash: hashSecret(token), expiresAt }).returning({ id: signInLinks.id });
    return row!.id;
  });
  return { id, token, expiresAt };
}

/** The usable link a token names (not used, not expired), or null. */
export async function findLink(db: Database, token: string, now = Date.now()) {
  const [row] = await db
    .select()
    .from(signInLinks)
    .where(and(eq(signInLinks.tokenHash, hashSecret(token)), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, new Date(now))));
  return row ?? null;
}

/** Marks the link used, once: false when another request used it first. */
export async function consumeLink(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.update(signInLinks).set({ usedAt: new Date() }).where(and(eq(signInLinks.id, id), isNull(signInLinks.usedAt))).returning({ id: signInLinks.id });
  return rows.length === 1;
}

/** The instance has a person who can sign in with a password: the setup link has done its work. */
export async function anyoneSignsIn(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: userPasswords.userId }).from(userPasswords).limit(1);
  return Boolean(row);
}

/** `npm start` on an instance nobody can sign in to yet: a fresh setup link (the earlier one voided), else null. */
export async function setupLinkIfNeeded(db: Database, baseUrl: string): Promise<string | null> {
  if (await anyoneSignsIn(db)) return null;
  const { token } = await issueLink(db, 'setup', null);
  return linkUrl(baseUrl, 'setup', token);
}
