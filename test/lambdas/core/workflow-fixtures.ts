import type {
  ExecutionInfo,
  Request,
  Verdict,
  WorkflowState,
} from '../../../lambdas/core/types';

/**
 * Identifiers and documents shared by the tests of the workflow steps.
 * The values follow the real CloudTrail record of a
 * CreateAccountAssignment call.
 */

export const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-72233af8ea2d1f14';

export const PERMISSION_SET_ARN =
  'arn:aws:sso:::permissionSet/ssoins-72233af8ea2d1f14/ps-ae5d1fa1f80b684e';

export const OTHER_PERMISSION_SET_ARN =
  'arn:aws:sso:::permissionSet/ssoins-72233af8ea2d1f14/ps-0000111122223333';

export const ACCOUNT_ID = '444455556666';

export const GROUP_ID = '34887428-4081-7042-c3c6-928d413009e7';

export const OTHER_GROUP_ID = '54b87428-4081-7042-c3c6-928d413009aa';

export const USER_ID = '906712345a-0123abcd-4567-89ab-cdef-0123456789ab';

export const IDENTITY_STORE_ID = 'd-9067123456';

export const CREATION_REQUEST_ID = 'f8604aff-1de0-48ba-b228-f65559e504c1';

export const RECREATE_REQUEST_ID = '1634804f-2b7c-4d1e-9a55-0c6d2e7f8a90';

export const PROVISION_REQUEST_ID = '5306a1b2-c3d4-4e5f-8a9b-0c1d2e3f4a5b';

export const EXECUTION: ExecutionInfo = {
  id: 'arn:aws:states:us-east-1:111122223333:execution:assignment-healer:0b1c',
  startTime: '2026-05-04T09:30:00.000Z',
};

/** Verbatim FailureReason strings that AWS has returned. */
export const FAILURE_REASONS = {
  policyMissing:
    'Received a 404 status error: Not supported policy arn:aws:iam::444455556666:policy/DataReadOnly.',
  suspended:
    "AWS SSO is unable to complete your request at this time. Obtaining permissions to manage your AWS account '908xxxxxx1' takes longer than usual. Please try again in a few minutes. If this problem continues, contact AWS Support.",
  internal: 'An unexpected internal service exception was encountered',
} as const;

/** The EventBridge event of a CreateAccountAssignment call. */
export const cloudTrailEvent = (
  detail: Record<string, unknown> = {},
): Record<string, unknown> => ({
  version: '0',
  id: '3f9c2b1e-7d4a-4c55-9e0a-2b6f1d8c9a10',
  'detail-type': 'AWS API Call via CloudTrail',
  source: 'aws.sso',
  account: '111122223333',
  time: '2023-04-25T19:24:49Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    eventVersion: '1.08',
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLEID:jane.doe@example.com',
      arn: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jane.doe@example.com',
      accountId: '111122223333',
    },
    eventTime: '2023-04-25T19:24:49Z',
    eventSource: 'sso.amazonaws.com',
    eventName: 'CreateAccountAssignment',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64',
    requestParameters: {
      instanceArn: INSTANCE_ARN,
      targetId: ACCOUNT_ID,
      targetType: 'AWS_ACCOUNT',
      permissionSetArn: PERMISSION_SET_ARN,
      principalType: 'GROUP',
      principalId: GROUP_ID,
    },
    responseElements: {
      accountAssignmentCreationStatus: {
        status: 'IN_PROGRESS',
        requestId: CREATION_REQUEST_ID,
        targetId: ACCOUNT_ID,
        targetType: 'AWS_ACCOUNT',
        permissionSetArn: PERMISSION_SET_ARN,
        principalType: 'GROUP',
        principalId: GROUP_ID,
      },
    },
    requestID: CREATION_REQUEST_ID,
    eventID: 'bea150ce-12b4-4417-9983-7be8c28a7a3a',
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...detail,
  },
});

export const aRequest = (overrides: Partial<Request> = {}): Request => ({
  instanceArn: INSTANCE_ARN,
  accountId: ACCOUNT_ID,
  permissionSetArn: PERMISSION_SET_ARN,
  principal: { type: 'USER', id: USER_ID },
  creationRequestId: CREATION_REQUEST_ID,
  trigger: {
    kind: 'EVENT',
    eventId: 'bea150ce-12b4-4417-9983-7be8c28a7a3a',
    eventTime: '2023-04-25T19:24:49Z',
    actor: 'jane.doe@example.com',
  },
  ...overrides,
});

export const aVerdict = (
  state: Verdict['state'],
  evidence: Verdict['evidence'] = {},
): Verdict => ({
  state,
  summary: `The check found ${state}.`,
  evidence,
  checkedAt: '2026-05-04T09:33:00.000Z',
});

export const aState = (
  overrides: Partial<WorkflowState> = {},
): WorkflowState => ({
  execution: EXECUTION,
  request: aRequest(),
  counters: { checks: 0, waits: 0, reprovisions: 0 },
  actions: [],
  ...overrides,
});
