// A throw-away PostgreSQL cluster for tests and benchmarks: initdb in a temporary directory,
// its own port, tuned for speed over durability, removed when stopped.
import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports.js';
import { runProvisioningScript } from './run-script.js';

const exec = promisify(execFile);

export type ThrowawayPostgres = {
  url: string;
  dataDir: string;
  /** Stops the server and removes the cluster. */
  stop: () => Promise<void>;
  /** Stops the server, keeping the cluster (crash drills): `fast` disconnects every client, `immediate` is a crash. */
  halt: (mode?: 'fast' | 'immediate') => Promise<void>;
  /** Starts it again after halt(), on the same port. */
  resume: () => Promise<void>;
};

/** initdb and the server refuse to run as root: run them as the `postgres` system user then. */
async function asServerUser(cmd: string, args: string[]) {
  if (process.getuid?.() === 0) return exec('runuser', ['-u', 'postgres', '--', cmd, ...args]);
  return exec(cmd, args);
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const binDir = await runProvisioningScript('ensure-postgres.sh');
  const root = process.getuid?.() === 0;
  // /root is not readable by the postgres user, so a root run keeps the cluster in /var/tmp.
  const dataDir = mkdtempSync(join(root ? '/var/tmp' : tmpdir(), 'relance-pg-'));
  if (root) {
    const { stdout } = await exec('id', ['-u', 'postgres']);
    const { stdout: gid } = await exec('id', ['-g', 'postgres']);
    chownSync(dataDir, Number(stdout.trim()), Number(gid.trim()));
  }
  const port = await freePort();
  await asServerUser(join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  const serverOpts = [
    `-p ${port}`,
    `-k ${dataDir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
    '-c shared_buffers=256MB',
  ].join(' ');
  const start = () => asServerUser(join(binDir, 'pg_ctl'), ['-D', dataDir, '-o', serverOpts, '-l', join(dataDir, 'server.log'), '-w', '-t', '60', 'start']);
  await start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    halt: async (mode = 'fast') => {
      await asServerUser(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', mode, '-w', 'stop']);
      running = false;
    },
    resume: async () => {
      await start();
      running = true;
    },
    stop: async () => {
      try {
        if (running) await asServerUser(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
