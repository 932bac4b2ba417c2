// All activities, built by one factory over injected dependencies (samples-typescript style):
// tests and processes pass their own database handle, nothing is a module-level singleton.
import type { Database } from '../db/client.js';
import { createEnrollmentActivities } from './enrollment.js';

export type ActivityDeps = { db: Database };

export function createActivities(deps: ActivityDeps) {
  return {
    ...createEnrollmentActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
