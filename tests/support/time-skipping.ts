// Temporal's time-skipping test server (Java, from Maven Central) through our wrapper script:
// timers of days fire in milliseconds while the workflow code stays the real one.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { inject } from 'vitest';
import { quietTemporalRuntime } from './temporal.js';

// The SDK gives the JVM 5 s to answer, a fixed deadline a busy machine can miss: try again then.
const STARTS = 3;

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntime();
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: inject('timeSkippingServer') } },
      });
    } catch (err) {
      if (attempt >= STARTS || !/did not start within/.test(String(err))) throw err;
    }
  }
}
