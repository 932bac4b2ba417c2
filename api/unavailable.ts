// A dependency that does not answer (PostgreSQL refusing, dropping or timing out connections,
// Temporal unreachable) is a 503 with Retry-After on every route, not a 500: nothing is wrong
// with the request, and the client should send it again a little later.
import { isGrpcServiceError } from '@temporalio/client';
import { isDatabaseUnreachable, SOCKET_CODES } from '../db/errors.js';

export type Unavailable = 'database' | 'Temporal' | 'a dependency';

// gRPC: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED.
const GRPC_UNAVAILABLE = new Set([14, 4, 8]);

/** Which dependency `err` says is unavailable, or null when it is another kind of failure. */
export function unavailableDependency(err: unknown): Unavailable | null {
  if (isDatabaseUnreachable(err)) return 'database';
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (isGrpcServiceError(e) && GRPC_UNAVAILABLE.has(e.code)) return 'Temporal';
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && SOCKET_CODES.has(code)) return 'a dependency';
  }
  return null;
}
