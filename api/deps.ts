import type { Client } from '@temporalio/client';
import type { Database } from '../db/client.js';

/** What the HTTP layer needs; injected so tests pass their own database and Temporal client. */
export type ApiDeps = {
  db: Database;
  temporal: Client;
  taskQueue: string;
};
