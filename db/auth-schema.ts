// Sign-in of people (the console): passwords, sessions and one-time links. API keys stay for
// integrations. Secrets are stored as hashes only: argon2id for passwords (slow on purpose: a
// password is guessable), SHA-256 for session tokens and links (random 256-bit: nothing to guess).
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, extensionOf, primaryId, updatedAt, userOwnedRow, users, workspaces, workspaceRef } from './schema.js';

/** A person's password. The sign-in email is unique across the instance: it says which workspace. */
export const userPasswords = pgTable(
  'user_passwords',
  {
    userId: extensionOf('user_id', () => users.id),
    workspaceId: workspaceRef(),
    /** Lower-cased. */
    signInEmail: text('sign_in_email').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Consecutive failed sign-ins; past the limit the account is locked until `lockedUntil`. */
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('user_passwords_sign_in_email').on(t.signInEmail)],
);

/** A signed-in browser. The cookie holds the token; the row its SHA-256. */
export const userSessions = pgTable(
  'user_sessions',
  {
    ...userOwnedRow(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** The absolute end, whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('user_sessions_token').on(t.tokenHash), index('user_sessions_user').on(t.workspaceId, t.userId)],
);

/**
 * A one-time link: an invitation (sets the first password), a password reset, or the setup of
 * the instance's first workspace and admin (no workspace nor user yet).
 */
export const signInLinks = pgTable(
  'sign_in_links',
  {
    id: primaryId(),
    purpose: text('purpose', { enum: ['invitation', 'reset', 'setup'] }).notNull(),
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sign_in_links_token').on(t.tokenHash), index('sign_in_links_user').on(t.workspaceId, t.userId)],
);

/**
 * Single sign-on of a workspace through OpenID Connect (Google Workspace, Entra ID, Okta...).
 * The client secret is sealed (security/secrets.ts). A person signs in this way only if the
 * workspace already has a user with the verified email the provider gives: no one is created.
 */
export const workspaceSso = pgTable('workspace_sso', {
  workspaceId: extensionOf('workspace_id', () => workspaces.id),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretSealed: text('client_secret_sealed').notNull(),
  updatedAt: updatedAt(),
});
