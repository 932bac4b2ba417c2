// Deterministic workflow ids (Dittofeed style): the same enrollment always maps to the same id,
// so a second enroll request finds the running workflow instead of starting another.
export function enrollmentWorkflowId(workspaceId: string, prospectId: string, sequenceId: string): string {
  return `enrollment:${workspaceId}:${prospectId}:${sequenceId}`;
}
