// The console's built files, served by the API process: index.html at / (never cached: it names
// the current assets), the hashed assets under /assets/ (cached for good). Its policy allows the
// console's own scripts and styles and calls to this origin only: no inline script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

export const CONSOLE_POLICY = ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"].join('; ');

export function consoleRoutes(dir: string) {
  const app = new Hono();
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  app.get('/', (c) => {
    c.header('content-security-policy', CONSOLE_POLICY);
    return c.html(index);
  });
  // Names carry a hash of their content: a changed file is a new name.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('/assets/*', serveStatic({ root: dir }));
  return app;
}
