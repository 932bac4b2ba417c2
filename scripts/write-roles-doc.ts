// `npm run docs:roles`: writes docs/api-roles.md from the OpenAPI document.
import { writeFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { rolesTable } from '../api/roles-table.js';
import type { Database } from '../db/client.js';
import { processSecurity } from '../runtime/secret-key.js';

// The document needs no database nor Temporal: neither is reached.
const app = createApp({ ...processSecurity(), db: {} as Database, temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }), taskQueue: 'docs' });
writeFileSync(new URL('../docs/api-roles.md', import.meta.url), await rolesTable(app));
console.log('wrote docs/api-roles.md');
