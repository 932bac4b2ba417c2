// What the drills run against, all throw-away: a PostgreSQL cluster (a fresh database per drill;
// the server can be stopped and started again), a Temporal dev server persisted in a SQLite file
// (so it can restart and keep its workflows), and an SMTP sink.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/lib/pg-cluster.js';
import { freePort } from '../../scripts/lib/ports.js';
import { startTemporalDevServer, type RunningDevServer } from '../../scripts/lib/temporal-dev-server.js';
import { startTestSmtpServer, type TestSmtpServer } from '../../tests/support/smtp.js';
import { deploymentEnv } from './processes.js';

export type Stack = {
  pg: ThrowawayPostgres;
  smtp: TestSmtpServer;
  temporalAddress: string;
  /** Stops the dev server (SIGTERM: it flushes its SQLite file). */
  stopTemporal(): Promise<void>;
  /** Starts it again on the same port and file. */
  startTemporal(): Promise<void>;
  /** A fresh, migrated database, the environment of a deployment on it, and a handle for the drill's own reads. */
  deployment(name: string): Promise<{ env: Record<string, string>; db: DatabaseHandle; baseUrl: string; operatorToken: string }>;
  close(): Promise<void>;
};

export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'relance-drills-'));
  const port = await freePort();
  const startDev = () => startTemporalDevServer({ port, dbFilename: join(dir, 'temporal.db') });
  const [pg, smtp, first] = await Promise.all([startThrowawayPostgres(), startTestSmtpServer(), startDev()]);
  let dev: RunningDevServer | null = first;
  const handles: DatabaseHandle[] = [];
  return {
    pg,
    smtp,
    temporalAddress: first.address,
    stopTemporal: async () => {
      await dev?.stop();
      dev = null;
    },
    startTemporal: async () => {
      dev = await startDev();
    },
    deployment: async (name) => {
      const db = `drill_${name.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
      const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${db}`);
      await admin.end();
      const url = new URL(pg.url);
      url.pathname = `/${db}`;
      const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 4 });
      await migrateDatabase(handle);
      handles.push(handle);
      const apiPort = await freePort();
      const operatorToken = randomBytes(24).toString('base64url');
      const env = deploymentEnv({ databaseUrl: url.toString(), temporalAddress: first.address, taskQueue: `drill-${name}-${randomBytes(3).toString('hex')}`, port: apiPort, operatorToken });
      return { env, db: handle, baseUrl: `http://127.0.0.1:${apiPort}`, operatorToken };
    },
    close: async () => {
      await Promise.all(handles.map((h) => h.close().catch(() => {})));
      await smtp.close();
      await dev?.stop();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
