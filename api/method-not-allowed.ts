// A known path asked with a method it does not have is 405 with `Allow` (RFC 9110 §15.5.6),
// not 404: the client learns the resource exists and what it can do with it. A fixed path
// (/v1/enrollments/bulk) is its own resource even where a parameter route (/v1/enrollments/{id})
// would match it: GET on it is 405, not "enrollmentId: Invalid UUID".
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { problem } from './problem.js';

type Route = { path: string; fixed: boolean; pattern: RegExp; method: string };

const toPattern = (path: string) =>
  new RegExp(`^${path.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`);

export function methodRouting(app: Pick<Hono, 'routes'>) {
  // Read at the first request, once every route is mounted. Middleware is mounted as ALL: it makes no resource.
  let cached: Route[] | undefined;
  const routes = () =>
    (cached ??= app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ path: r.path, fixed: !/[:*]/.test(r.path), pattern: toPattern(r.path), method: r.method })));
  const exactly = (path: string) => routes().filter((r) => r.fixed && r.path === path);

  /** The methods a path answers: a fixed route's own, else those of every route matching it. */
  const allowed = (path: string): string[] => {
    const exact = exactly(path);
    const methods = new Set((exact.length > 0 ? exact : routes().filter((r) => r.pattern.test(path))).map((r) => r.method));
    // Hono answers HEAD with the GET route.
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };

  const refuse = (c: Context, methods: string[]) => {
    c.header('Allow', methods.join(', '));
    return problem(c, 'method-not-allowed', 405, { detail: `${c.req.path} answers ${methods.join(', ')}, not ${c.req.method}` });
  };

  /** Before routing, so that a parameter route does not take a fixed path's other methods. */
  const fixedPaths: MiddlewareHandler = async (c, next) => {
    if (exactly(c.req.path).length > 0) {
      const methods = allowed(c.req.path);
      if (!methods.includes(c.req.method)) return refuse(c, methods);
    }
    await next();
  };

  /** For the app's notFound: 405 on a known path, else null (a 404). */
  const notFound = (c: Context): Response | null => {
    const methods = allowed(c.req.path);
    return methods.length > 0 ? refuse(c, methods) : null;
  };

  return { fixedPaths, notFound };
}
