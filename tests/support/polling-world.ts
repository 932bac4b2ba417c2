// What the reply-poller tests start from: a fresh test database and a Temporal client on the dev
// server, opened before the file's tests and closed after them (the fake provider is the file's own).
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db.js';

export type PollingWorld = { db: TestDatabase; temporal: Client };

/** Registers the file's beforeAll/afterAll; the fields are set once beforeAll has run. */
export function usePollingWorld(): PollingWorld {
  const world = {} as PollingWorld;
  let connection: Connection | undefined;
  beforeAll(async () => {
    world.db = await createTestDatabase();
    connection = await Connection.connect({ address: inject('temporalAddress') });
    world.temporal = new Client({ connection, namespace: 'default' });
  });
  afterAll(async () => {
    await connection?.close();
    await world.db?.drop();
  });
  return world;
}
