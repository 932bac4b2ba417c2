// Passwords are hashed with argon2id (@node-rs/argon2's defaults: 19 MiB, 2 passes, OWASP's
// minimum), never stored or logged in clear.
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const hashPassword = (password: string) => hash(password);

/** A hash of nothing anyone knows: verifying against it costs what a real check costs, so timing does not tell whether an email has an account. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  const h = stored ?? (await (decoy ??= hash(`decoy-${Math.random()}`)));
  const ok = await verify(h, password).catch(() => false);
  return ok && stored !== undefined;
}
