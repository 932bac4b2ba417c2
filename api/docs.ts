// Human docs: Swagger UI served from the swagger-ui-dist package (no CDN: works offline),
// plus one short page per problem type so every `type` URI resolves to an explanation.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { problemSlugs, type ProblemSlug } from './problem.js';
import { DOCS_POLICY } from './security-headers.js';

const require = createRequire(import.meta.url);
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Relance API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body></html>`;

// Served as a file, not inline, so the page's policy allows only scripts of this origin.
const init = "window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true });\n";

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function docsRoutes() {
  const app = new Hono();
  const cache = new Map<string, Buffer>();
  app.get('/docs', (c) => {
    c.header('content-security-policy', DOCS_POLICY);
    return c.html(page);
  });
  app.get('/docs/assets/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' }));
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const type = assets[file];
    if (!type) return c.notFound();
    let body = cache.get(file);
    if (!body) {
      body = await readFile(join(swaggerDir, file));
      cache.set(file, body);
    }
    return c.body(new Uint8Array(body), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
  app.get('/problems/:slug', (c) => {
    const slug = c.req.param('slug');
    if (!(slug in problemSlugs)) return c.notFound();
    const text = problemSlugs[slug as ProblemSlug];
    return c.html(`<!doctype html><title>${escapeHtml(slug)}</title><h1>${escapeHtml(slug)}</h1><p>${escapeHtml(text)}</p>`);
  });
  return app;
}
