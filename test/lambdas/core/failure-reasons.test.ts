import {
  causeOfFailureReason,
  mentionsPolicy,
  reportedFailures,
} from '../../../lambdas/core/failure-reasons';
import {
  anAction,
  aState,
  aVerdict,
  CREATION_REQUEST_ID,
  FAILURE_REASONS,
  PROVISION_REQUEST_ID,
} from '../report/fixtures';

describe('causeOfFailureReason', () => {
  it.each([
    {
      case: 'Not supported policy',
      reason: FAILURE_REASONS.notSupportedPolicy,
      cause: 'CUSTOMER_MANAGED_POLICY_MISSING',
    },
    {
      case: 'a suspended account',
      reason: FAILURE_REASONS.suspended,
      cause: 'ACCOUNT_SUSPENDED',
    },
    {
      case: 'Access denied by IAM',
      reason: FAILURE_REASONS.accessDenied,
      cause: 'MANAGEMENT_ACCOUNT_ACCESS_DENIED',
    },
    {
      case: 'an IAM quota',
      reason: 'Cannot exceed quota for PoliciesPerRole: 15',
      cause: 'IAM_ROLE_QUOTA',
    },
    {
      case: 'a group not in the directory',
      reason: FAILURE_REASONS.groupNotFound,
      cause: 'PRINCIPAL_NOT_FOUND',
    },
    {
      case: 'a policy IAM refused',
      reason:
        'Received a 400 status error: MalformedPolicyDocument: Syntax errors in policy.',
      cause: 'INLINE_POLICY_INVALID',
    },
    {
      case: 'an internal error',
      reason: FAILURE_REASONS.internal,
      cause: 'TRANSIENT_SERVICE_ERROR',
    },
    {
      case: 'anything else',
      reason: 'Something new went wrong',
      cause: undefined,
    },
  ])('reads $case', ({ reason, cause }) => {
    // Act & Assess
    expect(causeOfFailureReason(reason)).toBe(cause);
  });
});

describe('mentionsPolicy', () => {
  it.each([
    { case: 'the name at the end of an ARN', name: 'DevBoundary', found: true },
    { case: 'a shorter name inside it', name: 'Boundary', found: false },
    { case: 'a prefix of it', name: 'Dev', found: false },
    { case: 'a longer name', name: 'DevBoundary.v2', found: false },
  ])('tells $case', ({ name, found }) => {
    // Act & Assess
    expect(mentionsPolicy(FAILURE_REASONS.notSupportedPolicy, name)).toBe(
      found,
    );
  });

  it('finds a name with dots and signs in it', () => {
    // Act & Assess
    expect(
      mentionsPolicy(
        'Not supported policy team.read+write@v2 here',
        'team.read+write@v2',
      ),
    ).toBe(true);
  });
});

describe('reportedFailures', () => {
  it('lists the pending write, other actions, then the creation', () => {
    // Prepare
    const state = aState({
      verdict: aVerdict('CREATION_FAILED', {
        creation: {
          requestId: CREATION_REQUEST_ID,
          status: 'FAILED',
          failureReason: FAILURE_REASONS.internal,
        },
      }),
      pending: {
        kind: 'PROVISIONING',
        requestId: PROVISION_REQUEST_ID,
        status: 'FAILED',
        failureReason: FAILURE_REASONS.suspended,
        polls: 1,
      },
      actions: [
        anAction({
          requestId: 'aaaaaaaa-1111-2222-3333-444444444444',
          status: 'FAILED',
          failureReason: FAILURE_REASONS.quota,
        }),
        anAction({
          status: 'FAILED',
          failureReason: FAILURE_REASONS.suspended,
        }),
      ],
    });

    // Act
    const failures = reportedFailures(state);

    // Assess
    expect(failures.map(({ source, reason }) => [source, reason])).toEqual([
      ['PENDING_WRITE', FAILURE_REASONS.suspended],
      ['ACTION', FAILURE_REASONS.quota],
      ['CREATION', FAILURE_REASONS.internal],
    ]);
  });
});
