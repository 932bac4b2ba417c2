// Runs one of the provisioning shell scripts and returns what it printed (a path).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export class ScriptExit extends Error {
  constructor(
    readonly script: string,
    readonly code: number | null,
  ) {
    super(`${script} exited with ${code}`);
  }
}

export function runProvisioningScript(name: string): Promise<string> {
  const path = fileURLToPath(new URL(`../${name}`, import.meta.url));
  return new Promise((resolve, reject) => {
    // stderr goes straight through: first-run builds print their progress there.
    const child = spawn('bash', [path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new ScriptExit(name, code))));
  });
}
