// Durable-code hygiene: today's workflow code must replay the saved histories of real runs of
// the default cadence exactly. A behaviour change that is not behind patched() fails here.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { HISTORIES_DIR, loadHistory } from '../support/histories.js';
import { quietTemporalRuntime } from '../support/temporal.js';

const dir = fileURLToPath(HISTORIES_DIR);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('replay of saved histories', () => {
  it('has saved histories of the default cadence to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    quietTemporalRuntime();
    const history = loadHistory(`${dir}/${file}`);
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundle') } }, history, file.replace(/\.json$/, '')),
    ).resolves.toBeUndefined();
  });
});
