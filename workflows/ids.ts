// Workflow ids. An enrollment's is fixed when its row is created (one row per prospect and
// sequence, so enrolling twice finds the same id and never runs twice). The row id is a UUIDv7,
// time-ordered: Temporal's SQL persistence indexes workflow ids, and random keys inserted by the
// thousand (a bulk enrollment) slow its B-trees down as they grow.
export function enrollmentWorkflowId(enrollmentId: string): string {
  return `enrollment:${enrollmentId}`;
}
