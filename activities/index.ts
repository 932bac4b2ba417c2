// All activities, built by one factory over injected dependencies (samples-typescript style):
// tests and processes pass their own database handle, nothing is a module-level singleton.
import type { Client } from '@temporalio/client';
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import type { SecretBox } from '../security/secrets.js';
import { createEnrollmentActivities } from './enrollment.js';
import { createEscalationActivities } from './escalation.js';
import { createHandoffActivities } from './handoffs.js';
import { createLegacyActivities } from './legacy.js';
import { createPlanningActivities } from './planning.js';
import { createProjectionActivities } from './projection.js';
import { createStepEntryActivities } from './step-entry.js';
import { createTaskActivities } from './tasks.js';
import { createTouchActivities } from './touches.js';
import { createWebhookActivities, type WebhookActivityOptions } from './webhooks.js';

export type ActivityDeps = {
  db: Database;
  /** Signals other enrollments (opt-out, account-wide reply); optional in narrow tests. */
  temporal?: Client;
  /** Mail and action providers; the worker process builds one from the environment. */
  channels: ChannelRegistry;
  /** The workspace secret box (the process's secret key): opens webhook signing secrets. */
  secrets: SecretBox;
  /** Outbound webhook delivery settings: the operator's allow-list, timeouts. */
  webhooks: WebhookActivityOptions;
};

export function createActivities(deps: ActivityDeps) {
  const { channels } = deps;
  return {
    ...createEnrollmentActivities({ db: deps.db, temporal: deps.temporal }),
    ...createPlanningActivities({ db: deps.db }),
    ...createProjectionActivities({ db: deps.db }),
    ...createStepEntryActivities({ db: deps.db }),
    ...createTaskActivities({ db: deps.db, temporal: deps.temporal }),
    ...createTouchActivities({ db: deps.db, channels }),
    ...createEscalationActivities({ db: deps.db }),
    ...createHandoffActivities({ db: deps.db }),
    ...createWebhookActivities({ db: deps.db, secrets: deps.secrets, webhooks: deps.webhooks }),
    // Only for enrollments recorded before a patch (workflows/enrollment/legacy/patches.ts).
    ...createLegacyActivities({ db: deps.db, channels }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
