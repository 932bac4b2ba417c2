// A known path asked with a method it does not have is 405 with `Allow` (RFC 9110 §15.5.6),
// not 404: the client learns the resource exists and what it can do with it.
import type { Hono } from 'hono';

type Route = { pattern: RegExp; method: string };

const toPattern = (path: string) =>
  new RegExp(`^${path.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`);

/** The methods the app's routes answer on a path, read once all routes are mounted. */
export function allowedMethods(app: Pick<Hono, 'routes'>): (path: string) => string[] {
  let routes: Route[] | undefined;
  return (path) => {
    // Middleware is mounted as ALL; it makes no resource.
    routes ??= app.routes.filter((r) => r.method !== 'ALL').map((r) => ({ pattern: toPattern(r.path), method: r.method }));
    const methods = new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method));
    // Hono answers HEAD with the GET route.
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
