// The embedded Temporal server: the `temporal` CLI's dev server (found or built by
// ensure-temporal-cli.sh), else, on machines with internet, the SDK's own download.
import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { runProvisioningScript, ScriptExit } from './run-script.js';

export type DevServerOptions = {
  ip?: string;
  port: number;
  /** UI port; the UI is off when absent. */
  uiPort?: number;
  /** SQLite file for persistence; in-memory when absent. */
  dbFilename?: string;
  /** Where the server's own log lines go. */
  onLog?: (line: string) => void;
};

export type RunningDevServer = { address: string; uiUrl?: string; stop: () => Promise<void> };

export async function findTemporalCli(): Promise<string | undefined> {
  try {
    return await runProvisioningScript('ensure-temporal-cli.sh');
  } catch (err) {
    if (err instanceof ScriptExit && err.code === 3) return undefined;
    throw err;
  }
}

function devServerArgs(o: DevServerOptions): string[] {
  const args = ['server', 'start-dev', '--ip', o.ip ?? '127.0.0.1', '--port', String(o.port), '--log-level', 'warn'];
  if (o.uiPort) args.push('--ui-port', String(o.uiPort));
  else args.push('--headless');
  if (o.dbFilename) {
    // WAL and synchronous=OFF: the dev server's SQLite is the bottleneck on small machines.
    args.push('--db-filename', o.dbFilename, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=off');
  }
  return args;
}

export async function waitForTemporal(address: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`temporal dev server exited with ${child.exitCode}`);
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await conn.workflowService.getSystemInfo({});
        return;
      } finally {
        await conn.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal at ${address} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

export async function startTemporalDevServer(o: DevServerOptions): Promise<RunningDevServer> {
  const ip = o.ip ?? '127.0.0.1';
  const address = `${ip}:${o.port}`;
  const uiUrl = o.uiPort ? `http://${ip === '0.0.0.0' ? 'localhost' : ip}:${o.uiPort}` : undefined;
  const cli = await findTemporalCli();
  if (!cli) return startWithSdkDownload(o, address, uiUrl);

  const child = spawn(cli, devServerArgs(o), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stopping = false; // the server's own shutdown chatter is noise once we asked it to stop
  const forward = (d: Buffer) => {
    if (!stopping) d.toString().split('\n').filter(Boolean).forEach((l) => o.onLog?.(l));
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    await waitForTemporal(address, 60_000, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    address,
    ...(uiUrl ? { uiUrl } : {}),
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null) return;
      // SIGTERM lets the server flush SQLite; escalate if it hangs.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function startWithSdkDownload(o: DevServerOptions, address: string, uiUrl?: string): Promise<RunningDevServer> {
  o.onLog?.('no temporal CLI and no Go toolchain: using the SDK download of the dev server');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: o.ip ?? '127.0.0.1',
      port: o.port,
      ...(o.uiPort ? { ui: true, uiPort: o.uiPort } : {}),
      ...(o.dbFilename ? { dbFilename: o.dbFilename } : {}),
    },
  });
  return { address, ...(uiUrl ? { uiUrl } : {}), stop: () => env.teardown() };
}
