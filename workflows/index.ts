// Entry point of the workflow bundle: every workflow type the worker runs.
export { enrollmentWorkflow } from './enrollment/workflow.js';
export { timerBaselineWorkflow } from './baseline.js';
export { webhookDeliveryWorkflow } from './webhooks/workflow.js';
export { handoffWorkflow } from './handoff/workflow.js';
