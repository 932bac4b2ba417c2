// The enrollment row's current step, moved as the cadence enters each step (the workflow's own
// view is live; the row is what lists and filters read).
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments } from '../db/schema.js';

export async function writeCurrentStep(db: Database, i: { workspaceId: string; enrollmentId: string; stepId: string }): Promise<void> {
  await db
    .update(enrollments)
    .set({ currentStepId: i.stepId })
    .where(and(eq(enrollments.id, i.enrollmentId), eq(enrollments.workspaceId, i.workspaceId), sql`${enrollments.currentStepId} is distinct from ${i.stepId}`));
}
