import type {
  ActionTaken,
  Evidence,
  PolicyValidation,
  Request,
  Verdict,
  WorkflowState,
} from '../../../lambdas/core/types';
import { CALLER, EVENT_ID, EVENT_TIME } from '../../fixtures/cloudtrail-event';
import {
  ACCOUNT_ID,
  CREATION_REQUEST_ID,
  GROUP_ID,
  INSTANCE_ARN,
  PERMISSION_SET_ARN,
  PROVISION_REQUEST_ID,
} from '../../fixtures/identity-center';

/**
 * Workflow states for the tests of validation, classification, rendering
 * and the report. Ids and names follow the real CloudTrail record of the
 * reference: instance ssoins-72233af8ea2d1f14, account 444455556666.
 */

export { FAILURE_REASONS } from '../../fixtures/failure-reasons';
export * from '../../fixtures/identity-center';

export const EXECUTION_ARN =
  'arn:aws:states:us-east-1:111122223333:execution:AssignmentHealer:' +
  'bea150ce-12b4-4417-9983-7be8c28a7a3a';

export const aRequest = (overrides: Partial<Request> = {}): Request => ({
  instanceArn: INSTANCE_ARN,
  accountId: ACCOUNT_ID,
  permissionSetArn: PERMISSION_SET_ARN,
  principal: { type: 'GROUP', id: GROUP_ID },
  creationRequestId: CREATION_REQUEST_ID,
  trigger: {
    kind: 'EVENT',
    eventId: EVENT_ID,
    eventTime: EVENT_TIME,
    actor: CALLER.actor,
    actorArn: CALLER.arn,
    sourceIp: CALLER.sourceIp,
  },
  ...overrides,
});

export const aVerdict = (
  state: Verdict['state'],
  evidence: Evidence = {},
): Verdict => ({
  state,
  summary: `The check found ${state}.`,
  checkedAt: '2023-04-25T19:28:01Z',
  evidence: {
    account: { id: ACCOUNT_ID, name: 'Dev', state: 'ACTIVE' },
    permissionSet: { arn: PERMISSION_SET_ARN, name: 'AdministratorAccess' },
    principal: {
      type: 'GROUP',
      id: GROUP_ID,
      exists: true,
      displayName: 'Platform admins',
    },
    ...evidence,
  },
});

export const anAction = (
  overrides: Partial<ActionTaken> = {},
): ActionTaken => ({
  operation: 'ProvisionPermissionSet',
  dryRun: false,
  requestId: PROVISION_REQUEST_ID,
  status: 'SUCCEEDED',
  at: '2023-04-25T19:28:02Z',
  ...overrides,
});

export const aValidation = (
  overrides: Partial<PolicyValidation> = {},
): PolicyValidation => ({
  managedPolicyArns: [],
  customerManagedPolicies: [],
  findings: [],
  ...overrides,
});

/** A state as "Report outcome" receives it; healthy unless told. */
export const aState = (
  overrides: Partial<WorkflowState> = {},
): WorkflowState => ({
  execution: { id: EXECUTION_ARN, startTime: '2023-04-25T19:24:52Z' },
  request: aRequest(),
  counters: { checks: 1, waits: 0, reprovisions: 0 },
  verdict: aVerdict('HEALTHY', { provisioned: true, outdated: false }),
  actions: [],
  ...overrides,
});
