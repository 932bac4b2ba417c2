// The Hono application: one sub-app per resource, mounted with app.route(); every error
// leaves as application/problem+json.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { matchedRoutes } from 'hono/route';
import { securityHeaders } from './security-headers.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { docsRoutes } from './docs.js';
import { methodRouting } from './method-not-allowed.js';
import type { ApiDeps } from './deps.js';
import { authenticateCaller } from './auth/caller.js';
import { idempotencyStore } from './middleware/idempotency.js';
import { rateLimit } from './middleware/rate-limit.js';
import { problem, ProblemError } from './problem.js';
import { validationHook } from './validation.js';
import { unavailableDependency } from './unavailable.js';
import { log } from '../logging/log.js';
import { enrollmentRoutes } from './routes/enrollments.js';
import { healthRoutes } from './routes/health.js';
import { inboundRoutes } from './routes/inbound.js';
import { inboundSourceRoutes } from './routes/inbound-sources.js';
import { webhooksRoutes } from './routes/webhooks.js';
import { prospectEventRoutes } from './routes/prospect-events.js';
import { sequenceRoutes } from './routes/sequences.js';
import { sequenceEditorRoutes } from './routes/sequence-editor.js';
import { taskRoutes } from './routes/tasks.js';
import { handoffRoutes } from './routes/handoffs.js';
import { activityReportRoutes } from './routes/activity-report.js';
import { objectionsReportRoutes } from './routes/objections-report.js';
import { sequenceReportRoutes } from './routes/sequence-report.js';
import { clickRoutes } from './routes/clicks.js';
import { taskEventRoutes } from './routes/task-events.js';
import { consoleRoutes } from './console-static.js';
import { settingsRoutes } from './routes/settings.js';
import { holidayRoutes } from './routes/holidays.js';
import { timingCalendarRoutes } from './routes/timing-calendar.js';
import { workspaceRoutes } from './routes/workspaces.js';
import { accountRoutes } from './routes/accounts.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { IMPORT_PATH, importRoutes } from './routes/imports.js';
import { prospectRoutes } from './routes/prospects.js';
import { suppressionRoutes } from './routes/suppressions.js';
import { userRoutes } from './routes/users.js';
import { absenceRoutes } from './routes/absences.js';
import { authRoutes } from './routes/auth.js';
import { ssoRoutes } from './routes/sso.js';
import { mailboxRoutes } from './routes/mailboxes.js';
import { actionProviderRoutes } from './routes/action-providers.js';
import { unsubscribeRoutes } from './routes/unsubscribe.js';
import { outboxPageRoutes } from './routes/outbox-page.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export function createApp(deps: ApiDeps) {
  // Validation failures of any route: 422 for a body, 400 for path, query and headers.
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.use(securityHeaders());
  app.use(requestId());
  // The bulk import sets its own, larger limit (routes/imports.ts).
  app.use(
    except((c) => c.req.path === IMPORT_PATH, bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        problem(c, 'payload-too-large', 413, { detail: `the body exceeds ${MAX_BODY_BYTES} bytes` }),
    })),
  );

  // Every /v1 route but these authenticates with an API key, scoped to the key's workspace.
  const publicRoutes = [/^\/v1\/workspaces$/, /^\/v1\/auth\/(sign-in|accept|setup)$/, /^\/v1\/inbound\//, /^\/v1\/unsubscribe\//, /^\/v1\/clicks\//];
  app.use(
    '/v1/*',
    except((c) => publicRoutes.some((r) => r.test(c.req.path)), authenticateCaller(deps.db), rateLimit(deps.rateLimit), idempotencyStore({ db: deps.db, box: deps.secrets })),
  );
  // After authentication: an unknown caller learns nothing about the paths.
  const methods = methodRouting(app);
  app.use(methods.fixedPaths);
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'A Relance API key (rk_...)' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'operatorToken', { type: 'http', scheme: 'bearer', description: 'The operator token (RELANCE_OPERATOR_TOKEN)' });

  app.route('/', healthRoutes(deps));
  app.route('/', workspaceRoutes(deps));
  app.route('/', apiKeyRoutes(deps));
  app.route('/', userRoutes(deps));
  app.route('/', absenceRoutes(deps));
  app.route('/', authRoutes(deps));
  app.route('/', ssoRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', importRoutes(deps));
  app.route('/', prospectRoutes(deps));
  app.route('/', suppressionRoutes(deps));
  app.route('/', sequenceRoutes(deps));
  app.route('/', sequenceEditorRoutes(deps));
  app.route('/', enrollmentRoutes(deps));
  app.route('/', taskRoutes(deps));
  app.route('/', taskEventRoutes(deps));
  app.route('/', handoffRoutes(deps));
  app.route('/', activityReportRoutes(deps));
  app.route('/', objectionsReportRoutes(deps));
  app.route('/', sequenceReportRoutes(deps));
  app.route('/', settingsRoutes(deps));
  app.route('/', holidayRoutes(deps));
  app.route('/', timingCalendarRoutes(deps));
  app.route('/', prospectEventRoutes(deps));
  app.route('/', webhooksRoutes(deps));
  app.route('/', inboundRoutes(deps));
  app.route('/', inboundSourceRoutes(deps));
  app.route('/', mailboxRoutes(deps));
  app.route('/', actionProviderRoutes(deps));
  app.route('/', unsubscribeRoutes(deps));
  app.route('/', clickRoutes(deps));
  app.route('/', outboxPageRoutes(deps));
  app.route('/', docsRoutes());
  if (deps.consoleDir) app.route('/', consoleRoutes(deps.consoleDir));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    security: [{ apiKey: [] }],
    info: {
      title: 'Relance API',
      version: '0.1.0',
      description: 'Multi-channel sales cadences run as durable Temporal workflows.',
    },
  });

  app.notFound((c) => methods.notFound(c) ?? problem(c, 'not-found', 404, { detail: `no route for ${c.req.method} ${c.req.path}` }));
  app.onError((err, c) => {
    if (err instanceof ProblemError) return problem(c, err.slug, err.status, { detail: err.message, ...err.extra });
    if (err instanceof HTTPException) {
      const slug = err.status === 413 ? 'payload-too-large' : err.status === 404 ? 'not-found' : 'malformed-request';
      return problem(c, slug, err.status as ContentfulStatusCode, { detail: err.message });
    }
    // The route's pattern, not its path: a path may hold a token. The error is described by
    // logging/log.ts's serializer, which never writes the values it carries.
    const route = matchedRoutes(c).findLast((r) => r.method !== 'ALL')?.path ?? c.req.routePath;
    const request = { requestId: c.get('requestId'), method: c.req.method, route };
    const down = unavailableDependency(err);
    if (down) {
      log.warn({ ...request, err }, `${down} unavailable`);
      return problem(c, 'service-unavailable', 503, { detail: `${down === 'database' ? 'the database' : down} is unavailable; retry in a few seconds` });
    }
    log.error({ ...request, err }, 'request failed');
    return problem(c, 'internal-error', 500, { detail: `request ${c.get('requestId')} failed` });
  });
  return app;
}

export type RelanceApp = ReturnType<typeof createApp>;
