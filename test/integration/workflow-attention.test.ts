import { ValidatePolicyCommand } from '@aws-sdk/client-accessanalyzer';
import {
  CreateAccountAssignmentCommand,
  ProvisionPermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import 'aws-sdk-client-mock-jest';
import {
  ACCOUNT_ID,
  cloudTrailEvent,
  FAILURE_REASONS,
  GROUP_ID,
} from '../lambdas/core/workflow-fixtures';
import {
  commandsSent,
  mockAwsClients,
  publishedReport,
  resetAwsMocks,
  writesSent,
} from './aws-mocks';
import {
  CHECKED,
  finalState,
  type Healer,
  loadHealer,
  MANUAL_INPUT,
  oneLine,
  reportedAs,
  runHealer,
  STARTED,
} from './support';
import { ACCOUNT_NAME, PERMISSION_SET_NAME, setUpWorld } from './world';

const mocks = mockAwsClients();

const INLINE_POLICY =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":' +
  '"s3:GetObjekt","Resource":"*"}]}';

describe('assignment healer workflow when a person must act', () => {
  let healer: Healer;

  beforeAll(() => {
    healer = loadHealer();
  });

  afterEach(() => {
    resetAwsMocks(mocks);
  });

  it('reports a missing customer managed policy when provisioning fails', async () => {
    // Prepare
    setUpWorld(mocks, {
      provisioned: false,
      provisioning: {
        statuses: ['IN_PROGRESS', 'FAILED'],
        failureReason: FAILURE_REASONS.policyMissing,
      },
      customerManagedPolicies: [{ name: 'DataReadOnly', path: '/' }],
    });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.status).toBe('FAILED');
    expect(run.endState).toBe('Needs attention');
    expect(run.error).toBe('NeedsAttention');
    expect(run.path.slice(-6)).toEqual([
      'Read write status',
      'Did the write finish?',
      'Validate policies',
      ...reportedAs('Needs attention'),
    ]);
    const state = finalState(run);
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'NEEDS_ATTENTION',
        cause: 'CUSTOMER_MANAGED_POLICY_MISSING',
        published: true,
      }),
    );
    expect(state.pending).toEqual(
      expect.objectContaining({
        status: 'FAILED',
        failureReason: FAILURE_REASONS.policyMissing,
      }),
    );
    expect(state.validation?.findings).toContainEqual(
      expect.objectContaining({
        subject: 'CUSTOMER_MANAGED_POLICY',
        code: 'CUSTOMER_MANAGED_POLICY_MISSING',
      }),
    );
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      ProvisionPermissionSetCommand,
      1,
    );
    expect(mocks.ssoAdmin).not.toHaveReceivedCommand(
      CreateAccountAssignmentCommand,
    );
    const report = publishedReport(mocks);
    expect(report.subject).toMatch(
      /^\[NEEDS_ATTENTION\] CUSTOMER_MANAGED_POLICY_MISSING: /,
    );
    // The email wraps long lines; the reason is verbatim once unwrapped.
    expect(oneLine(report.email)).toContain(FAILURE_REASONS.policyMissing);
    expect(report.chat.content.description).toContain(
      FAILURE_REASONS.policyMissing,
    );
    expect(report.email).toContain('aws iam create-policy');
  });

  it('reports an inline policy that Access Analyzer rejects', async () => {
    // Prepare
    setUpWorld(mocks, {
      provisioned: false,
      provisioning: { statuses: ['IN_PROGRESS', 'FAILED'] },
      inlinePolicy: INLINE_POLICY,
      findings: [
        {
          findingType: 'ERROR',
          issueCode: 'INVALID_ACTION',
          findingDetails: 'The action s3:GetObjekt does not exist.',
          learnMoreLink:
            'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-action',
          locations: [
            {
              path: [{ value: 'Statement' }, { index: 0 }, { value: 'Action' }],
              span: {
                start: { line: 1, column: 64, offset: 64 },
                end: { line: 1, column: 78, offset: 78 },
              },
            },
          ],
        },
      ],
    });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.endState).toBe('Needs attention');
    expect(run.path).toContain('Validate policies');
    const state = finalState(run);
    expect(state.validation?.inlinePolicy?.characters).toBe(
      INLINE_POLICY.length,
    );
    expect(state.validation?.findings).toContainEqual(
      expect.objectContaining({
        subject: 'INLINE_POLICY',
        severity: 'ERROR',
        code: 'INVALID_ACTION',
        // Access Analyzer counts columns from 0, the report from 1.
        location: { line: 1, column: 65 },
      }),
    );
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'NEEDS_ATTENTION',
        cause: 'INLINE_POLICY_INVALID',
      }),
    );
    expect(mocks.accessAnalyzer).toHaveReceivedCommandWith(
      ValidatePolicyCommand,
      { policyDocument: INLINE_POLICY, policyType: 'IDENTITY_POLICY' },
    );
    const report = publishedReport(mocks);
    expect(report.subject).toMatch(
      /^\[NEEDS_ATTENTION\] INLINE_POLICY_INVALID: /,
    );
    expect(report.email).toContain('ERROR INVALID_ACTION');
    expect(report.email).toContain('The action s3:GetObjekt does not exist.');
  });

  it('reports a deleted assignment and never re-creates it', async () => {
    // Prepare
    setUpWorld(mocks, { assignments: [] });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.endState).toBe('Needs attention');
    expect(run.path).toEqual([
      ...STARTED,
      ...CHECKED,
      'Validate policies',
      ...reportedAs('Needs attention'),
    ]);
    const state = finalState(run);
    expect(state.verdict?.state).toBe('ASSIGNMENT_MISSING');
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'NEEDS_ATTENTION',
        cause: 'ASSIGNMENT_DELETED',
        published: true,
      }),
    );
    expect(writesSent(mocks)).toBe(0);
    expect(state.actions).toEqual([]);
    const report = publishedReport(mocks);
    expect(report.subject).toMatch(/^\[NEEDS_ATTENTION\] ASSIGNMENT_DELETED: /);
    expect(oneLine(report.email)).toContain('deleted after it succeeded');
  });

  it('reports a suspended account without writing', async () => {
    // Prepare
    setUpWorld(mocks, { accountState: 'SUSPENDED' });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.endState).toBe('Needs attention');
    expect(run.path).not.toContain('Wait before checking again');
    expect(run.path).toContain('Validate policies');
    const state = finalState(run);
    expect(state.verdict?.state).toBe('ACCOUNT_UNAVAILABLE');
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'NEEDS_ATTENTION',
        cause: 'ACCOUNT_SUSPENDED',
      }),
    );
    expect(writesSent(mocks)).toBe(0);
    const report = publishedReport(mocks);
    expect(report.subject).toBe(
      `[NEEDS_ATTENTION] ACCOUNT_SUSPENDED: ${ACCOUNT_NAME} (${ACCOUNT_ID}) ` +
        `/ ${PERMISSION_SET_NAME}`,
    );
    expect(report.email).toContain('SUSPENDED');
  });

  it.each([
    {
      case: 'the principal is gone',
      world: { principalExists: false },
      input: cloudTrailEvent(),
      verdict: 'NOT_FOUND',
      cause: 'PRINCIPAL_NOT_FOUND',
    },
    {
      case: 'the permission set is gone',
      world: { permissionSetExists: false },
      input: cloudTrailEvent(),
      verdict: 'NOT_FOUND',
      cause: 'PERMISSION_SET_NOT_FOUND',
    },
    {
      case: 'the account is not in the organization',
      world: { accountState: 'UNKNOWN' as const },
      input: cloudTrailEvent(),
      verdict: 'NOT_FOUND',
      cause: 'ACCOUNT_NOT_FOUND',
    },
    {
      case: 'the user is in none of the assigned groups',
      world: { assignments: [{ type: 'GROUP' as const, id: GROUP_ID }] },
      input: MANUAL_INPUT,
      verdict: 'ASSIGNMENT_MISSING',
      cause: 'GROUP_MEMBERSHIP_MISSING',
    },
  ])(
    'reports without writing when $case',
    async ({ world, input, verdict, cause }) => {
      // Prepare
      setUpWorld(mocks, world);

      // Act
      const run = await runHealer(healer, input);

      // Assess
      expect(run.endState).toBe('Needs attention');
      expect(run.path.slice(3)).toEqual([
        ...CHECKED,
        'Validate policies',
        ...reportedAs('Needs attention'),
      ]);
      const state = finalState(run);
      expect(state.verdict?.state).toBe(verdict);
      expect(state.report).toEqual(
        expect.objectContaining({ outcome: 'NEEDS_ATTENTION', cause }),
      );
      expect(writesSent(mocks)).toBe(0);
      expect(publishedReport(mocks).subject).toMatch(
        new RegExp(`^\\[NEEDS_ATTENTION\\] ${cause}: `),
      );
    },
  );

  it.each([
    {
      case: 'principal not found',
      world: { principalExists: false },
      input: cloudTrailEvent(),
    },
    {
      case: 'group membership missing',
      world: { assignments: [{ type: 'GROUP' as const, id: GROUP_ID }] },
      input: MANUAL_INPUT,
    },
  ])(
    'starts the headline with a capital letter: $case',
    async ({ world, input }) => {
      // Prepare
      setUpWorld(mocks, world);

      // Act
      await runHealer(healer, input);

      // Assess
      const report = publishedReport(mocks);
      const [headline] = report.chat.content.description.split('\n');
      expect(headline).toMatch(/^[A-Z]/);
      const emailHeadline = report.email.split('\n\n')[1] ?? '';
      expect(emailHeadline).toMatch(/^[A-Z]/);
    },
  );

  it('names every bad field of an invalid manual input', async () => {
    // Prepare
    setUpWorld(mocks);

    // Act
    const run = await runHealer(healer, {
      acountId: '12',
      permissionSetArn: 'nope',
    });

    // Assess
    expect(run.status).toBe('FAILED');
    expect(run.endState).toBe('Invalid request');
    expect(run.error).toBe('InvalidRequest');
    expect(run.path).toEqual([
      'Read request',
      'Is the request valid?',
      ...reportedAs('Invalid request'),
    ]);
    const state = finalState(run);
    const fields = (state.problems ?? []).map((problem) => problem.field);
    expect(fields).toEqual(
      expect.arrayContaining(['acountId', 'accountId', 'permissionSetArn']),
    );
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'INVALID_REQUEST',
        cause: 'INVALID_INPUT',
        published: true,
      }),
    );
    // Nothing but the report reaches AWS.
    expect(commandsSent(mocks)).toEqual(['PublishCommand']);
    const report = publishedReport(mocks);
    expect(report.subject).toBe(
      `[INVALID_REQUEST] INVALID_INPUT: ${fields.length} problems in the input`,
    );
    for (const field of ['acountId', 'accountId', 'permissionSetArn']) {
      expect(report.email).toContain(`. ${field}\n`);
      expect(report.chat.content.description).toContain(`\`${field}\``);
    }
  });
});
