import type {
  ActionTaken,
  Evidence,
  PolicyValidation,
  Request,
  Verdict,
  WorkflowState,
} from '../../../lambdas/core/types';

/**
 * Workflow states for the tests of validation, classification, rendering
 * and the report. Ids and names follow the real CloudTrail record of the
 * reference: instance ssoins-72233af8ea2d1f14, account 444455556666.
 */

export const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-72233af8ea2d1f14';
export const PERMISSION_SET_ARN =
  'arn:aws:sso:::permissionSet/ssoins-72233af8ea2d1f14/ps-ae5d1fa1f80b684e';
export const ACCOUNT_ID = '444455556666';
export const GROUP_ID = '34887428-4081-7042-c3c6-928d413009e7';
export const USER_ID = '906712345a-0123abcd-4567-89ab-cdef-0123456789ab';
export const CREATION_REQUEST_ID = 'f8604aff-1de0-48ba-b228-f65559e504c1';
export const PROVISION_REQUEST_ID = '5306e3a1-0c8e-4d3b-9a7f-1b2c3d4e5f60';
export const RECREATE_REQUEST_ID = '1634804f-2b7a-4c2e-8f0a-9d7e6c5b4a39';
export const EXECUTION_ARN =
  'arn:aws:states:us-east-1:111122223333:execution:AssignmentHealer:' +
  'bea150ce-12b4-4417-9983-7be8c28a7a3a';

/** `FailureReason` strings as the reference quotes them (§3). */
export const FAILURE_REASONS = {
  notSupportedPolicy:
    'Received a 404 status error: Not supported policy ' +
    'arn:aws:iam::444455556666:policy/DevBoundary.',
  suspended:
    "AWS SSO is unable to complete your request at this time. Obtaining permissions to manage your AWS account '908xxxxxx1' takes longer than usual. Please try again in a few minutes. If this problem continues, contact AWS Support.",
  accessDenied:
    'Received a 403 status error: Access denied by IAM. Please check your policy, or wait for role propagation to complete. IAM Error: User: arn:aws:sts::111122223333:assumed-role/Admin/jane is not authorized to perform: iam:CreateSAMLProvider',
  quota: 'LimitExceeded: Cannot exceed quota for RolesPerAccount: 1000',
  groupNotFound:
    'Request 0a1b2c3d failed due to: Received a 404 status error: the GROUP assignee 34887428-4081-7042-c3c6-928d413009e7 was not found in directory d-9067012345',
  internal: 'An unexpected internal service exception was encountered',
} as const;

export const aRequest = (overrides: Partial<Request> = {}): Request => ({
  instanceArn: INSTANCE_ARN,
  accountId: ACCOUNT_ID,
  permissionSetArn: PERMISSION_SET_ARN,
  principal: { type: 'GROUP', id: GROUP_ID },
  creationRequestId: CREATION_REQUEST_ID,
  trigger: {
    kind: 'EVENT',
    eventId: 'bea150ce-12b4-4417-9983-7be8c28a7a3a',
    eventTime: '2023-04-25T19:24:49Z',
    actor: 'jane.doe@example.com',
    actorArn:
      'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jane.doe@example.com',
    sourceIp: '203.0.113.10',
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
