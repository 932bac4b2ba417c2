// Temporal's time-skipping test server (Java, from Maven Central) through our wrapper script:
// timers of days fire in milliseconds while the workflow code stays the real one.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { inject } from 'vitest';
import { quietTemporalRuntime } from './temporal.js';

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('timeSkippingServer') } },
  });
}
