import { classify, decide } from '../../../lambdas/core/classify';
import type {
  CauseCode,
  Outcome,
  PolicyFinding,
  WorkflowState,
} from '../../../lambdas/core/types';
import {
  ACCOUNT_ID,
  anAction,
  aState,
  aValidation,
  aVerdict,
  CREATION_REQUEST_ID,
  FAILURE_REASONS,
  GROUP_ID,
  INSTANCE_ARN,
  PERMISSION_SET_ARN,
  PROVISION_REQUEST_ID,
  USER_ID,
} from '../report/fixtures';

const failedWrite = (failureReason: string): Partial<WorkflowState> => ({
  verdict: aVerdict('NOT_PROVISIONED', { provisioned: false }),
  counters: { checks: 1, waits: 0, reprovisions: 1 },
  pending: {
    kind: 'PROVISIONING',
    requestId: PROVISION_REQUEST_ID,
    status: 'FAILED',
    failureReason,
    polls: 2,
  },
  actions: [anAction({ status: 'FAILED', failureReason })],
});

const failedCreation = (failureReason: string): Partial<WorkflowState> => ({
  verdict: aVerdict('CREATION_FAILED', {
    creation: {
      requestId: CREATION_REQUEST_ID,
      status: 'FAILED',
      failureReason,
    },
  }),
});

const inlineFinding = (severity: PolicyFinding['severity']): PolicyFinding => ({
  subject: 'INLINE_POLICY',
  severity,
  code: 'INVALID_ACTION',
  message: 'The action s3:GetObjet does not exist.',
  location: { line: 4, column: 37 },
});

const unavailable = (
  state: 'SUSPENDED' | 'PENDING_CLOSURE' | 'CLOSED' | 'PENDING_ACTIVATION',
) => ({
  verdict: aVerdict('ACCOUNT_UNAVAILABLE', {
    account: { id: ACCOUNT_ID, name: 'Dev', state },
  }),
});

const notFound = (
  missing: 'ACCOUNT' | 'PERMISSION_SET' | 'PRINCIPAL' | 'INSTANCE',
) => ({
  verdict: aVerdict('NOT_FOUND', { missing }),
});

const dryRun = (state: 'NOT_PROVISIONED' | 'OUTDATED' | 'CREATION_FAILED') => ({
  verdict: aVerdict(state),
  counters: { checks: 1, waits: 0, reprovisions: 1 },
  pending: {
    kind: 'PROVISIONING' as const,
    status: 'SKIPPED' as const,
    polls: 0,
  },
  actions: [
    anAction({ dryRun: true, status: 'SKIPPED', requestId: undefined }),
  ],
});

const CASES: readonly {
  readonly case: string;
  readonly state: Partial<WorkflowState>;
  readonly outcome: Outcome;
  readonly cause: CauseCode;
}[] = [
  {
    case: 'field problems',
    state: {
      request: undefined,
      verdict: undefined,
      problems: [{ field: 'accountId', message: 'Expected 12 digits.' }],
    },
    outcome: 'INVALID_REQUEST',
    cause: 'INVALID_INPUT',
  },
  {
    case: 'a throttling error after the retries',
    state: {
      failure: { Error: 'ThrottlingException', Cause: 'Rate exceeded' },
    },
    outcome: 'WORKFLOW_ERROR',
    cause: 'TRANSIENT_SERVICE_ERROR',
  },
  {
    case: 'a Lambda service error after the retries',
    state: { failure: { Error: 'Lambda.TooManyRequestsException' } },
    outcome: 'WORKFLOW_ERROR',
    cause: 'TRANSIENT_SERVICE_ERROR',
  },
  {
    case: 'an access denied error',
    state: { failure: { Error: 'AccessDeniedException', Cause: 'denied' } },
    outcome: 'WORKFLOW_ERROR',
    cause: 'UNKNOWN',
  },
  {
    case: 'a state without a verdict',
    state: { verdict: undefined },
    outcome: 'WORKFLOW_ERROR',
    cause: 'UNKNOWN',
  },
  {
    case: 'a healthy check without writes',
    state: {},
    outcome: 'HEALTHY',
    cause: 'NONE',
  },
  {
    case: 'a healthy check after dry-run lines only',
    state: { actions: [anAction({ dryRun: true, status: 'SKIPPED' })] },
    outcome: 'HEALTHY',
    cause: 'NONE',
  },
  {
    case: 'a healthy check after a provisioning',
    state: { actions: [anAction()] },
    outcome: 'HEALED',
    cause: 'PERMISSION_SET_NOT_PROVISIONED',
  },
  {
    case: 'a healthy check after provisioning an outdated set',
    state: { actions: [anAction({ repairs: 'OUTDATED' })] },
    outcome: 'HEALED',
    cause: 'PERMISSION_SET_OUTDATED',
  },
  {
    case: 'a healthy check after a re-created assignment',
    state: {
      actions: [
        anAction(),
        anAction({
          operation: 'CreateAccountAssignment',
          requestId: CREATION_REQUEST_ID,
        }),
      ],
    },
    outcome: 'HEALED',
    cause: 'ASSIGNMENT_CREATION_FAILED',
  },
  {
    case: 'Not supported policy naming a reference',
    state: {
      ...failedWrite(FAILURE_REASONS.notSupportedPolicy),
      validation: aValidation({
        customerManagedPolicies: [{ name: 'DevBoundary', path: '/' }],
      }),
    },
    outcome: 'NEEDS_ATTENTION',
    cause: 'CUSTOMER_MANAGED_POLICY_MISSING',
  },
  {
    case: 'Not supported policy naming the boundary',
    state: {
      ...failedWrite(FAILURE_REASONS.notSupportedPolicy),
      validation: aValidation({
        customerManagedPolicies: [{ name: 'TeamAccess', path: '/' }],
        permissionsBoundary: {
          customerManagedPolicy: { name: 'DevBoundary', path: '/' },
        },
      }),
    },
    outcome: 'NEEDS_ATTENTION',
    cause: 'PERMISSIONS_BOUNDARY_MISSING',
  },
  {
    case: 'Not supported policy on the creation status',
    state: failedCreation(FAILURE_REASONS.notSupportedPolicy),
    outcome: 'NEEDS_ATTENTION',
    cause: 'CUSTOMER_MANAGED_POLICY_MISSING',
  },
  {
    case: '"takes longer than usual"',
    state: failedWrite(FAILURE_REASONS.suspended),
    outcome: 'NEEDS_ATTENTION',
    cause: 'ACCOUNT_SUSPENDED',
  },
  {
    case: '"takes longer than usual" while the account activates',
    state: {
      ...failedWrite(FAILURE_REASONS.suspended),
      ...unavailable('PENDING_ACTIVATION'),
    },
    outcome: 'NEEDS_ATTENTION',
    cause: 'ACCOUNT_NOT_READY',
  },
  {
    case: '"Access denied by IAM"',
    state: failedCreation(FAILURE_REASONS.accessDenied),
    outcome: 'NEEDS_ATTENTION',
    cause: 'MANAGEMENT_ACCOUNT_ACCESS_DENIED',
  },
  {
    case: '"Received a 403 status error" alone',
    state: failedWrite('Received a 403 status error: Forbidden'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'MANAGEMENT_ACCOUNT_ACCESS_DENIED',
  },
  {
    case: '"Cannot exceed quota"',
    state: failedWrite(FAILURE_REASONS.quota),
    outcome: 'NEEDS_ATTENTION',
    cause: 'IAM_ROLE_QUOTA',
  },
  {
    case: '"was not found in directory"',
    state: failedCreation(FAILURE_REASONS.groupNotFound),
    outcome: 'NEEDS_ATTENTION',
    cause: 'PRINCIPAL_NOT_FOUND',
  },
  {
    case: '"An unexpected internal service exception"',
    state: failedCreation(FAILURE_REASONS.internal),
    outcome: 'NEEDS_ATTENTION',
    cause: 'TRANSIENT_SERVICE_ERROR',
  },
  {
    case: 'an inline policy error',
    state: {
      verdict: aVerdict('NOT_PROVISIONED'),
      validation: aValidation({ findings: [inlineFinding('ERROR')] }),
    },
    outcome: 'NEEDS_ATTENTION',
    cause: 'INLINE_POLICY_INVALID',
  },
  {
    case: 'a policy that IAM refused',
    state: failedWrite(
      'Received a 400 status error: MalformedPolicyDocument: Syntax errors in policy.',
    ),
    outcome: 'NEEDS_ATTENTION',
    cause: 'INLINE_POLICY_INVALID',
  },
  {
    case: 'an inline policy warning only',
    state: {
      verdict: aVerdict('NOT_PROVISIONED'),
      counters: { checks: 2, waits: 0, reprovisions: 2 },
      validation: aValidation({ findings: [inlineFinding('WARNING')] }),
    },
    outcome: 'NEEDS_ATTENTION',
    cause: 'PERMISSION_SET_NOT_PROVISIONED',
  },
  {
    case: 'a suspended account',
    state: unavailable('SUSPENDED'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'ACCOUNT_SUSPENDED',
  },
  {
    case: 'a closing account',
    state: unavailable('PENDING_CLOSURE'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'ACCOUNT_SUSPENDED',
  },
  {
    case: 'a closed account with an inline policy error',
    state: {
      ...unavailable('CLOSED'),
      validation: aValidation({ findings: [inlineFinding('ERROR')] }),
    },
    outcome: 'NEEDS_ATTENTION',
    cause: 'ACCOUNT_SUSPENDED',
  },
  {
    case: 'an account not yet active',
    state: unavailable('PENDING_ACTIVATION'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'ACCOUNT_NOT_READY',
  },
  {
    case: 'a missing assignment',
    state: {
      verdict: aVerdict('ASSIGNMENT_MISSING', { assignmentExists: false }),
    },
    outcome: 'NEEDS_ATTENTION',
    cause: 'ASSIGNMENT_DELETED',
  },
  {
    case: 'a user in none of the assigned groups',
    state: {
      request: {
        ...aState().request!,
        principal: { type: 'USER', id: USER_ID },
      },
      verdict: aVerdict('ASSIGNMENT_MISSING', {
        groupAccess: { assignedGroupIds: [GROUP_ID], memberOf: [] },
      }),
    },
    outcome: 'NEEDS_ATTENTION',
    cause: 'GROUP_MEMBERSHIP_MISSING',
  },
  {
    case: 'a principal not found',
    state: notFound('PRINCIPAL'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'PRINCIPAL_NOT_FOUND',
  },
  {
    case: 'a permission set not found',
    state: notFound('PERMISSION_SET'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'PERMISSION_SET_NOT_FOUND',
  },
  {
    case: 'an account not found',
    state: notFound('ACCOUNT'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'ACCOUNT_NOT_FOUND',
  },
  {
    case: 'an instance not found',
    state: notFound('INSTANCE'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'UNKNOWN',
  },
  {
    case: 'a write that timed out',
    state: {
      verdict: aVerdict('NOT_PROVISIONED'),
      pending: {
        kind: 'PROVISIONING',
        requestId: PROVISION_REQUEST_ID,
        status: 'TIMED_OUT',
        polls: 30,
      },
    },
    outcome: 'NEEDS_ATTENTION',
    cause: 'PROVISIONING_TIMEOUT',
  },
  {
    case: 'a check still pending at the end',
    state: {
      verdict: aVerdict('PENDING'),
      counters: { checks: 6, waits: 6, reprovisions: 0 },
    },
    outcome: 'NEEDS_ATTENTION',
    cause: 'PROVISIONING_TIMEOUT',
  },
  {
    case: 'a dry run of a provisioning',
    state: dryRun('NOT_PROVISIONED'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'PERMISSION_SET_NOT_PROVISIONED',
  },
  {
    case: 'a dry run for an outdated permission set',
    state: dryRun('OUTDATED'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'PERMISSION_SET_OUTDATED',
  },
  {
    case: 'a dry run for a failed creation',
    state: dryRun('CREATION_FAILED'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'ASSIGNMENT_CREATION_FAILED',
  },
  {
    case: 'a failed write with a reason nobody knows',
    state: failedWrite('Something new went wrong'),
    outcome: 'NEEDS_ATTENTION',
    cause: 'PERMISSION_SET_NOT_PROVISIONED',
  },
];

describe('decide', () => {
  it.each(CASES)('reads $case as $outcome / $cause', (row) => {
    // Prepare
    const state = aState(row.state);

    // Act
    const decision = decide(state);

    // Assess
    expect(decision).toEqual(
      expect.objectContaining({ outcome: row.outcome, cause: row.cause }),
    );
  });

  it('prefers a known reason of an earlier failure', () => {
    // Prepare
    const state = aState({
      ...failedWrite('Something new went wrong'),
      verdict: failedCreation(FAILURE_REASONS.suspended).verdict,
    });

    // Act
    const decision = decide(state);

    // Assess
    expect(decision.cause).toBe('ACCOUNT_SUSPENDED');
    expect(decision.failure?.source).toBe('CREATION');
  });
});

describe('classify', () => {
  it.each(CASES)('writes a headline and next steps for $case', (row) => {
    // Act
    const classification = classify(aState(row.state));

    // Assess
    expect(classification.headline).toMatch(/[."]$/);
    expect(classification.headline).not.toMatch(/undefined|\[object/);
    expect(classification.nextSteps.length).toBeGreaterThan(0);
    for (const step of classification.nextSteps) {
      expect(step.text).not.toMatch(/undefined|\[object/);
      for (const command of step.commands ?? []) {
        expect(command).toMatch(/^aws [a-z-]+ [a-z-]+/);
        expect(command).not.toMatch(/undefined/);
      }
    }
  });

  it('names the missing policy and the commands that fix it', () => {
    // Prepare
    const state = aState({
      ...failedWrite(FAILURE_REASONS.notSupportedPolicy),
      validation: aValidation({
        customerManagedPolicies: [{ name: 'DevBoundary', path: '/' }],
      }),
    });

    // Act
    const { headline, nextSteps } = classify(state);

    // Assess
    expect(headline).toBe(
      'Permission set AdministratorAccess cannot be provisioned to account ' +
        'Dev (444455556666): customer managed policy /DevBoundary does not ' +
        'exist in that account.',
    );
    expect(nextSteps.flatMap((step) => step.commands ?? [])).toEqual([
      'aws iam create-policy --policy-name DevBoundary --path / ' +
        '--policy-document file://DevBoundary.json',
      `aws sso-admin provision-permission-set --instance-arn ${INSTANCE_ARN} ` +
        `--permission-set-arn ${PERMISSION_SET_ARN} --target-type AWS_ACCOUNT ` +
        `--target-id ${ACCOUNT_ID}`,
      'aws sso-admin describe-permission-set-provisioning-status ' +
        `--instance-arn ${INSTANCE_ARN} --provision-permission-set-request-id ` +
        '<RequestId printed by provision-permission-set>',
    ]);
  });

  it('tells people to sign in again after a heal', () => {
    // Prepare
    const state = aState({ actions: [anAction()] });

    // Act
    const { headline, nextSteps } = classify(state);

    // Assess
    expect(headline).toMatch(/re-provisioned it, and the assignment now works/);
    expect(nextSteps[0]?.text).toBe(
      `Ask group Platform admins (${GROUP_ID}) to sign out of the AWS access ` +
        'portal, clear the browser cookies for awsapps.com, and sign in ' +
        'again: the portal caches the list of accounts and roles.',
    );
  });

  it.each([
    { case: 'a missing provisioning', repairs: 'NOT_PROVISIONED', steps: 1 },
    { case: 'an outdated permission set', repairs: 'OUTDATED', steps: 2 },
  ] as const)(
    'suggests provisioning everywhere only after $case',
    ({ repairs, steps }) => {
      // Prepare
      const state = aState({ actions: [anAction({ repairs })] });

      // Act
      const { nextSteps } = classify(state);

      // Assess
      expect(nextSteps).toHaveLength(steps);
    },
  );

  it('reads the status of the write that timed out', () => {
    // Prepare
    const state = aState({
      verdict: aVerdict('NOT_PROVISIONED'),
      pending: {
        kind: 'PROVISIONING',
        requestId: PROVISION_REQUEST_ID,
        status: 'TIMED_OUT',
        polls: 30,
      },
    });

    // Act
    const { headline, nextSteps } = classify(state);

    // Assess
    expect(headline).toMatch(/still in progress after 30 status reads/);
    expect(nextSteps[0]?.commands).toEqual([
      'aws sso-admin describe-permission-set-provisioning-status ' +
        `--instance-arn ${INSTANCE_ARN} ` +
        `--provision-permission-set-request-id ${PROVISION_REQUEST_ID}`,
    ]);
  });

  it('re-creates a failed assignment with its six fields', () => {
    // Prepare
    const state = aState(dryRun('CREATION_FAILED'));

    // Act
    const { headline, nextSteps } = classify(state);

    // Assess
    expect(headline).toMatch(/dry run/);
    const commands = nextSteps.flatMap((step) => step.commands ?? []);
    expect(commands).toContain(
      'aws sso-admin describe-account-assignment-creation-status ' +
        `--instance-arn ${INSTANCE_ARN} ` +
        `--account-assignment-creation-request-id ${CREATION_REQUEST_ID}`,
    );
    expect(commands).toContain(
      `aws sso-admin create-account-assignment --instance-arn ${INSTANCE_ARN} ` +
        `--target-id ${ACCOUNT_ID} --target-type AWS_ACCOUNT ` +
        `--permission-set-arn ${PERMISSION_SET_ARN} --principal-type GROUP ` +
        `--principal-id ${GROUP_ID}`,
    );
  });

  it('fills in the identity store id when it is known', () => {
    // Prepare
    const state = aState({
      request: {
        ...aState().request!,
        principal: { type: 'USER', id: USER_ID },
      },
      verdict: aVerdict('ASSIGNMENT_MISSING', {
        groupAccess: { assignedGroupIds: [GROUP_ID], memberOf: [] },
      }),
    });

    // Act
    const { nextSteps } = classify(state, { identityStoreId: 'd-9067012345' });

    // Assess
    expect(nextSteps[0]?.commands).toEqual([
      'aws identitystore create-group-membership --identity-store-id ' +
        `d-9067012345 --group-id ${GROUP_ID} --member-id UserId=${USER_ID}`,
    ]);
  });

  it('shows how to find the identity store id otherwise', () => {
    // Act
    const { nextSteps } = classify(aState(notFound('PRINCIPAL')));

    // Assess
    expect(nextSteps[0]?.commands).toEqual([
      'aws sso-admin list-instances --query ' +
        `"Instances[?InstanceArn=='${INSTANCE_ARN}'].IdentityStoreId" ` +
        '--output text',
    ]);
    expect(nextSteps[1]?.commands).toEqual([
      'aws identitystore describe-group --identity-store-id ' +
        `<identity store id> --group-id ${GROUP_ID}`,
    ]);
  });

  it('starts a check again with the state machine of the execution', () => {
    // Prepare
    const state = aState({ failure: { Error: 'ThrottlingException' } });

    // Act
    const { headline, nextSteps } = classify(state);

    // Assess
    expect(headline).toBe(
      'AWS kept answering ThrottlingException after the retries, so the ' +
        'check of AdministratorAccess in account Dev (444455556666) did not ' +
        'finish.',
    );
    expect(nextSteps.at(-1)?.commands).toEqual([
      'aws stepfunctions start-execution --state-machine-arn ' +
        'arn:aws:states:us-east-1:111122223333:stateMachine:AssignmentHealer ' +
        `--input '{"accountId":"${ACCOUNT_ID}","permissionSetArn":` +
        `"${PERMISSION_SET_ARN}","principalType":"GROUP","principalId":` +
        `"${GROUP_ID}"}'`,
    ]);
  });

  it('points at the role when a function was denied', () => {
    // Act
    const { nextSteps } = classify(
      aState({ failure: { Error: 'AccessDeniedException' } }),
    );

    // Assess
    expect(nextSteps.map((step) => step.text)).toContain(
      'A healer function was denied an AWS call: compare the action in the ' +
        'error with the IAM role of the failed step.',
    );
  });

  it.each([
    {
      case: 'a suspended account',
      state: unavailable('SUSPENDED'),
      headline:
        'Account Dev (444455556666) is suspended: Identity Center cannot ' +
        'provision permission sets to it.',
    },
    {
      case: 'an account that Organizations calls active',
      state: failedWrite(FAILURE_REASONS.suspended),
      headline:
        'Identity Center cannot obtain permissions to manage account Dev ' +
        '(444455556666), which happens when an account is suspended or ' +
        'closed; Organizations reports it as ACTIVE.',
    },
  ])('words the headline of $case', ({ state, headline }) => {
    // Act & Assess
    expect(classify(aState(state)).headline).toBe(headline);
  });

  it('lists the fields of an invalid request in its headline', () => {
    // Prepare
    const state = aState({
      request: undefined,
      verdict: undefined,
      problems: [
        { field: 'accountId', message: 'Expected 12 digits.' },
        { field: 'principalId', message: 'Required with principalType.' },
      ],
    });

    // Act
    const { headline } = classify(state);

    // Assess
    expect(headline).toBe(
      'The input of the check has 2 problems: accountId, principalId.',
    );
  });
});
