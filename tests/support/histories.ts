// Saved workflow histories for the replay test. `RECORD_HISTORIES=1 npx vitest run tests/cadence`
// (re)writes them from real runs; the replay test replays every saved file against today's code.
// (De)serialized with @temporalio/proto's own protobufjs: historyToJSON trips over the two
// protobufjs copies npm installs side by side.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export const HISTORIES_DIR = new URL('../histories/', import.meta.url);
const History = temporal.api.history.v1.History;

export async function recordHistory(client: Client, workflowId: string, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const plain = History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(new URL(`${name}.json`, HISTORIES_DIR), `${JSON.stringify(plain, null, 1)}\n`);
}

export function loadHistory(path: string): temporal.api.history.v1.History {
  return History.fromObject(JSON.parse(readFileSync(path, 'utf8')));
}
