// POST /v1/prospects/import: up to MAX_IMPORT_ROWS prospects per request, as JSON
// ({ prospects: [...] }) or CSV with a header row. Row errors are reported, not fatal.
import { OpenAPIHono } from '@hono/zod-openapi';
import { parse } from 'csv-parse/sync';
import { bodyLimit } from 'hono/body-limit';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { fieldErrors, problem, ProblemError, problemResponse } from '../problem.js';
import { jsonResponse, z } from '../scope.js';
import { schemaOnlyHook } from '../validation.js';
import { IMPORT_COLUMNS, importProspects, MAX_IMPORT_ROWS } from '../services/prospect-import.js';
import { defineRoute } from '../access.js';

export const IMPORT_PATH = '/v1/prospects/import';
/** 10,000 rows of JSON fit comfortably; app.ts keeps 1 MiB for every other route. */
export const MAX_IMPORT_BODY_BYTES = 16 * 1024 * 1024;

const ImportJson = z
  .strictObject({
    prospects: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_IMPORT_ROWS).openapi({ description: `1 to ${MAX_IMPORT_ROWS} rows with the fields ${IMPORT_COLUMNS.join(', ')}` }),
  })
  .openapi('ProspectImport');
const ImportResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int().openapi({ description: 'Duplicates within the request, and existing prospects the row did not change' }),
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  })
  .openapi('ProspectImportResult');

const route = defineRoute({
  method: 'post',
  path: IMPORT_PATH,
  tags: ['people'],
  summary: 'Import prospects in bulk (JSON or CSV); existing emails are updated, bad rows reported',
  description:
    'Deduplicated by email, case-insensitively: the first row of an email wins, and an email already in the workspace updates that prospect with the non-blank fields. ' +
    'Accounts are found or created by companyDomain. `row` in errors is 1-based (CSV: the first line after the header).',
  access: ['ops', 'integration'] as const,
  request: {
    body: {
      required: true,
      // By reference, so the route has no JSON validator of its own: a CSV body would be read as {}
      // and refused by it. The handler reads either type and validates the JSON with ImportJson.
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/ProspectImport' } },
        'text/csv': { schema: z.string().openapi({ description: `A header row naming some of: ${IMPORT_COLUMNS.join(', ')}` }) },
      },
    },
  },
  responses: {
    200: jsonResponse(ImportResult, 'Imported'),
    415: problemResponse('Neither JSON nor CSV'),
    413: problemResponse('Body over 16 MiB'),
    422: problemResponse('Not an import: no rows, too many, unknown columns, unreadable CSV'),
  },
});

const invalid = (field: string, message: string) => new ProblemError('validation-failed', 422, `${field}: ${message}`, { errors: [{ field, message }] });

/** CSV to row objects keyed by the canonical column names (headers match case-insensitively). */
export function csvRows(text: string): Record<string, string>[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (err) {
    throw invalid('body', `unreadable CSV: ${(err as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw invalid('body', 'no header row');
  const canonical = new Map<string, string>(IMPORT_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns = header.map((h) => canonical.get(h.toLowerCase()) ?? invalidColumn(h));
  if (!columns.includes('email')) throw invalid('body.email', 'the header has no email column');
  if (rows.length === 0) throw invalid('body', 'no rows after the header');
  if (rows.length > MAX_IMPORT_ROWS) throw invalid('body', `${rows.length} rows; at most ${MAX_IMPORT_ROWS} per request`);
  // A cell beyond the header's columns becomes an unknown field, reported on its row.
  return rows.map((cells) => Object.fromEntries(cells.map((v, i) => [columns[i] ?? `column${i + 1}`, v])));
}
function invalidColumn(h: string): never {
  throw invalid(`body.${h}`, `unknown column; expected some of ${IMPORT_COLUMNS.join(', ')}`);
}

async function jsonRows(read: () => Promise<unknown>): Promise<readonly unknown[]> {
  let json: unknown;
  try {
    json = await read();
  } catch {
    throw new ProblemError('malformed-request', 400, 'body: not valid JSON', { errors: [{ field: 'body', message: 'not valid JSON' }] });
  }
  const parsed = ImportJson.safeParse(json);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues, 'body');
    throw new ProblemError('validation-failed', 422, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }
  return parsed.data.prospects;
}

export function importRoutes({ db }: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  app.openAPIRegistry.register('ProspectImport', ImportJson);
  app.use(
    IMPORT_PATH,
    bodyLimit({
      maxSize: MAX_IMPORT_BODY_BYTES,
      onError: (c) => problem(c, 'payload-too-large', 413, { detail: `the body exceeds ${MAX_IMPORT_BODY_BYTES} bytes` }),
    }),
  );
  app.openapi(route, async (c) => {
    const { workspaceId } = principalOf(c);
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    let rows: readonly unknown[];
    if (type === 'text/csv' || type === 'application/csv') rows = csvRows(await c.req.text());
    else if (type === 'application/json' || type.endsWith('+json')) rows = await jsonRows(() => c.req.json());
    else {
      throw new ProblemError('malformed-request', 415, 'header.content-type: send application/json or text/csv', { errors: [{ field: 'header.content-type', message: 'application/json or text/csv' }] });
    }
    return c.json(await importProspects(db, workspaceId, rows), 200);
  }, schemaOnlyHook);
  return app;
}
