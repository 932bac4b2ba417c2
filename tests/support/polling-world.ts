// What the reply-poller tests start from: a fresh test database and a Temporal client on the dev
// server, opened before the file's tests and closed after them (the fake provider is the file's own).
import { Client, Connection } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { events, prospects } from '../../db/schema.js';
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

/** A prospect's timeline, oldest first. */
export const timelineOf = (world: PollingWorld, prospectId: string) => world.db.db.select().from(events).where(eq(events.prospectId, prospectId)).orderBy(events.id);

/** A polled bounce did what it must: one hard `email.bounced` from the mailbox, the address marked invalid. */
export async function expectHardBounce(world: PollingWorld, prospectId: string, mailboxId: string): Promise<void> {
  const bounced = (await timelineOf(world, prospectId)).filter((e) => e.type === 'email.bounced');
  expect(bounced).toHaveLength(1);
  expect(bounced[0]!.payload).toMatchObject({ kind: 'hard', mailboxId });
  const [p] = await world.db.db.select().from(prospects).where(eq(prospects.id, prospectId));
  expect(p!.status).toBe('invalid_email');
}

/** The types on the prospect's timeline once something lands there (polled every 50 ms, 5 s at most). */
export async function firstEventsOf(world: PollingWorld, prospectId: string): Promise<string[]> {
  let types: string[] = [];
  for (let i = 0; i < 100 && types.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    types = (await timelineOf(world, prospectId)).map((e) => e.type);
  }
  return types;
}
