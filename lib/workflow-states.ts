/**
 * State names. They are the console's runbook: an on-call engineer reads
 * the graph, so each says what the state does.
 */
export const STATE_NAMES = {
  readRequest: 'Read request',
  isRequestValid: 'Is the request valid?',
  waitForPropagation: 'Wait for propagation',
  checkProvisioning: 'Check provisioning',
  whatDidCheckFind: 'What did the check find?',
  waitBeforeCheckingAgain: 'Wait before checking again',
  reprovision: 'Re-provision permission set',
  waitForWrite: 'Wait for the write to finish',
  readWriteStatus: 'Read write status',
  didWriteFinish: 'Did the write finish?',
  recreateAssignment: 'Re-create assignment',
  validatePolicies: 'Validate policies',
  reportOutcome: 'Report outcome',
  publishFallbackReport: 'Publish fallback report',
  routeByOutcome: 'Route by outcome',
  healthy: 'Healthy',
  healed: 'Healed',
  needsAttention: 'Needs attention',
  invalidRequest: 'Invalid request',
  workflowError: 'Workflow error',
} as const;

export { TRANSIENT_ERRORS } from '../lambdas/core/settings';
