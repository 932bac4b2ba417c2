// The console's typed client is generated from Relance's own OpenAPI document (openapi-typescript),
// so the console cannot drift from the API: `npm run console:api` writes it (not kept in git), and
// npm test runs it before type-checking the console.
import { Client, Connection } from '@temporalio/client';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../../api/app.js';
import type { Database } from '../../db/client.js';
import { processSecurity } from '../../runtime/secret-key.js';

export const CONSOLE_API_TYPES = new URL('../../console/src/api/openapi.d.ts', import.meta.url);

export async function consoleApiTypes(): Promise<string> {
  // The document needs no database nor Temporal: neither is reached.
  const app = createApp({ ...processSecurity(), db: {} as Database, temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }), taskQueue: 'docs' });
  const doc = (await (await app.request('/openapi.json')).json()) as Parameters<typeof openapiTS>[0];
  return `// Generated from /openapi.json by \`npm run console:api\`: do not edit.\n${astToString(await openapiTS(doc))}`;
}
