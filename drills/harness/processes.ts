// The API and the worker as a deployment runs them: separate processes of runtime/api-main.ts and
// runtime/worker-main.ts, each in its own process group, so a drill can kill one with SIGKILL or
// send SIGTERM to its whole group as a container runtime or a service manager would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export type RelanceProcess = {
  readonly child: ChildProcess;
  /** Exit code (null when killed by a signal) once the process has ended. */
  readonly exited: Promise<number | null>;
  output(): string;
  /** Resolves once the output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** A signal to the process alone. */
  kill(signal: NodeJS.Signals): void;
  /** A signal to its whole process group (npm, its shell, tsx and node when run through npm). */
  killGroup(signal: NodeJS.Signals): void;
  /** Whether any process of its group is still alive. */
  groupAlive(): boolean;
};

export type ProcessOptions = {
  /** Through `npm run start:<which>` (the wrappers included), not node directly. */
  viaNpm?: boolean;
  /** Copies the output to this process's stderr, prefixed. */
  echo?: boolean;
};

export function startRelanceProcess(which: 'api' | 'worker', env: Record<string, string>, o: ProcessOptions = {}): RelanceProcess {
  const [cmd, args] = o.viaNpm ? ['npm', ['run', '-s', `start:${which}`]] : [process.execPath, ['--import', 'tsx', `runtime/${which}-main.ts`]];
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    if (o.echo) process.stderr.write(d.toString().replace(/^(?=.)/gm, `[${which}] `));
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const groupAlive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    child,
    exited,
    output: () => out,
    waitFor(pattern, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(out)) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${which} did not print ${pattern} within ${timeoutMs} ms; output:\n${out.slice(-3000)}`));
        }, timeoutMs);
        const gone = () => {
          done();
          reject(new Error(`${which} exited before printing ${pattern}; output:\n${out.slice(-3000)}`));
        };
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', gone);
        };
        listeners.add(check);
        child.once('exit', gone);
        check();
      });
    },
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    killGroup: (signal) => {
      if (groupAlive()) process.kill(-child.pid!, signal);
    },
    groupAlive,
  };
}

/** The environment both processes share: the database, Temporal, the loopback SMTP sink allowed. */
export function deploymentEnv(o: { databaseUrl: string; temporalAddress: string; taskQueue: string; port?: number; operatorToken?: string }): Record<string, string> {
  return {
    DATABASE_URL: o.databaseUrl,
    TEMPORAL_ADDRESS: o.temporalAddress,
    TEMPORAL_TASK_QUEUE: o.taskQueue,
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1/32',
    RELANCE_LOCAL_OUTBOX: 'false',
    ...(o.port ? { PORT: String(o.port) } : {}),
    ...(o.operatorToken ? { RELANCE_OPERATOR_TOKEN: o.operatorToken } : {}),
  };
}

/** Starts the API and waits until it answers. */
export async function startApi(env: Record<string, string>, o: ProcessOptions = {}): Promise<RelanceProcess> {
  const api = startRelanceProcess('api', env, o);
  await api.waitFor(/"msg":"API started"/);
  return api;
}

/** Starts a worker and waits until it polls its task queue. */
export async function startWorker(env: Record<string, string>, o: ProcessOptions = {}): Promise<RelanceProcess> {
  const worker = startRelanceProcess('worker', env, o);
  await worker.waitFor(/"msg":"worker started"/);
  return worker;
}

/** SIGKILL to every process of the group, and wait for the main one. */
export async function killHard(p: RelanceProcess): Promise<void> {
  p.killGroup('SIGKILL');
  await p.exited;
}
