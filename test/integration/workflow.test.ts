import { ValidatePolicyCommand } from '@aws-sdk/client-accessanalyzer';
import { DescribeUserCommand } from '@aws-sdk/client-identitystore';
import {
  AccessDeniedException,
  DescribeAccountCommand,
} from '@aws-sdk/client-organizations';
import { KMSAccessDeniedException, PublishCommand } from '@aws-sdk/client-sns';
import {
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  ListAccountAssignmentsCommand,
  ProvisionPermissionSetCommand,
  ThrottlingException,
} from '@aws-sdk/client-sso-admin';
import 'aws-sdk-client-mock-jest';
import { HEALER_DEFAULTS } from '../../lib/config';
import {
  ACCOUNT_ID,
  CREATION_REQUEST_ID,
  cloudTrailEvent,
  FAILURE_REASONS,
  GROUP_ID,
  INSTANCE_ARN,
  PERMISSION_SET_ARN,
  PROVISION_REQUEST_ID,
  RECREATE_REQUEST_ID,
  USER_ID,
} from '../lambdas/core/workflow-fixtures';
import {
  commandsSent,
  mockAwsClients,
  publishedReport,
  resetAwsMocks,
  writesSent as writesSentBy,
} from './aws-mocks';
import {
  finalState,
  type Healer,
  loadHealer,
  MANUAL_INPUT,
  oneLine,
  runHealer,
} from './support';
import { ACCOUNT_NAME, PERMISSION_SET_NAME, setUpWorld } from './world';
import { REPORT_MESSAGE_ID } from './world-policies';

const mocks = mockAwsClients();

const writesSent = (): number => writesSentBy(mocks);

const INLINE_POLICY =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":' +
  '"s3:GetObjekt","Resource":"*"}]}';

describe('assignment healer workflow', () => {
  let healer: Healer;

  beforeAll(() => {
    healer = loadHealer();
  });

  afterEach(() => {
    resetAwsMocks(mocks);
  });

  it('ends healthy and silent when the first check finds it working', async () => {
    // Prepare
    setUpWorld(mocks);

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.endState).toBe('Healthy');
    expect(run.path).toEqual([
      'Read request',
      'Is the request valid?',
      'Wait for propagation',
      'Check provisioning',
      'What did the check find?',
      'Report outcome',
      'Route by outcome',
      'Healthy',
    ]);
    expect(finalState(run).report).toEqual(
      expect.objectContaining({
        outcome: 'HEALTHY',
        cause: 'NONE',
        published: false,
      }),
    );
    expect(finalState(run).verdict?.state).toBe('HEALTHY');
    expect(mocks.sns).not.toHaveReceivedCommand(PublishCommand);
    expect(writesSent()).toBe(0);
    expect(run.simulatedSeconds).toBeGreaterThanOrEqual(180);
  });

  it('checks again after a wait while the creation is in progress', async () => {
    // Prepare
    setUpWorld(mocks, { creation: { statuses: ['IN_PROGRESS', 'SUCCEEDED'] } });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.endState).toBe('Healthy');
    expect(run.path.filter((s) => s === 'Wait before checking again')).toEqual([
      'Wait before checking again',
    ]);
    expect(run.path.filter((s) => s === 'Check provisioning')).toHaveLength(2);
    expect(finalState(run).counters).toEqual({
      checks: 2,
      waits: 1,
      reprovisions: 0,
    });
    expect(finalState(run).report?.outcome).toBe('HEALTHY');
    expect(mocks.ssoAdmin).toHaveReceivedCommandWith(
      DescribeAccountAssignmentCreationStatusCommand,
      {
        InstanceArn: INSTANCE_ARN,
        AccountAssignmentCreationRequestId: CREATION_REQUEST_ID,
      },
    );
    expect(mocks.sns).not.toHaveReceivedCommand(PublishCommand);
    expect(writesSent()).toBe(0);
  });

  it('re-provisions a permission set that is not provisioned', async () => {
    // Prepare
    setUpWorld(mocks, {
      provisioned: false,
      provisioning: { statuses: ['IN_PROGRESS', 'IN_PROGRESS', 'SUCCEEDED'] },
    });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.status).toBe('SUCCEEDED');
    expect(run.endState).toBe('Healed');
    expect(run.path).toEqual([
      'Read request',
      'Is the request valid?',
      'Wait for propagation',
      'Check provisioning',
      'What did the check find?',
      'Re-provision permission set',
      'Wait for the write to finish',
      'Read write status',
      'Did the write finish?',
      'Wait for the write to finish',
      'Read write status',
      'Did the write finish?',
      'Check provisioning',
      'What did the check find?',
      'Report outcome',
      'Route by outcome',
      'Healed',
    ]);
    const state = finalState(run);
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'HEALED',
        cause: 'PERMISSION_SET_NOT_PROVISIONED',
        published: true,
        messageId: REPORT_MESSAGE_ID,
      }),
    );
    expect(state.actions).toEqual([
      expect.objectContaining({
        operation: 'ProvisionPermissionSet',
        dryRun: false,
        requestId: PROVISION_REQUEST_ID,
        status: 'SUCCEEDED',
      }),
    ]);
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      ProvisionPermissionSetCommand,
      1,
    );
    expect(mocks.ssoAdmin).toHaveReceivedCommandWith(
      ProvisionPermissionSetCommand,
      {
        InstanceArn: INSTANCE_ARN,
        PermissionSetArn: PERMISSION_SET_ARN,
        TargetType: 'AWS_ACCOUNT',
        TargetId: ACCOUNT_ID,
      },
    );
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      DescribePermissionSetProvisioningStatusCommand,
      2,
    );
    expect(mocks.ssoAdmin).not.toHaveReceivedCommand(
      CreateAccountAssignmentCommand,
    );

    const report = publishedReport(mocks);
    expect(report.messageStructure).toBe('json');
    expect(report.topicArn).toBe(
      healer.environmentOfStep.report?.HEALER_TOPIC_ARN,
    );
    expect(report.subject).toBe(
      `[HEALED] PERMISSION_SET_NOT_PROVISIONED: ${ACCOUNT_NAME} ` +
        `(${ACCOUNT_ID}) / ${PERMISSION_SET_NAME}`,
    );
    expect(typeof report.message.default).toBe('string');
    expect(report.message.default).toBe(report.email);
    expect(report.email).toContain(PROVISION_REQUEST_ID);
    expect(report.email).toContain(run.executionArn);
    expect(report.chat).toEqual(
      expect.objectContaining({ version: '1.0', source: 'custom' }),
    );
  });

  it('re-provisions a permission set whose latest version is missing', async () => {
    // Prepare
    setUpWorld(mocks, { outdated: true });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.endState).toBe('Healed');
    expect(run.path).toContain('Re-provision permission set');
    expect(run.path).not.toContain('Re-create assignment');
    expect(run.path).not.toContain('Validate policies');
    const state = finalState(run);
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'HEALED',
        cause: 'PERMISSION_SET_OUTDATED',
        published: true,
      }),
    );
    expect(state.counters.reprovisions).toBe(1);
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      ProvisionPermissionSetCommand,
      1,
    );
    expect(mocks.ssoAdmin).not.toHaveReceivedCommand(
      CreateAccountAssignmentCommand,
    );
    const report = publishedReport(mocks);
    expect(report.subject).toMatch(/^\[HEALED\] PERMISSION_SET_OUTDATED: /);
    expect(report.email).toContain('had been edited');
    expect(report.email).toContain(PROVISION_REQUEST_ID);
  });

  it('re-creates an assignment whose creation failed', async () => {
    // Prepare
    setUpWorld(mocks, {
      provisioned: false,
      assignments: [],
      creation: {
        statuses: ['FAILED'],
        failureReason: FAILURE_REASONS.internal,
      },
    });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.endState).toBe('Healed');
    expect(run.path).toEqual([
      'Read request',
      'Is the request valid?',
      'Wait for propagation',
      'Check provisioning',
      'What did the check find?',
      'Re-provision permission set',
      'Wait for the write to finish',
      'Read write status',
      'Did the write finish?',
      'Re-create assignment',
      'Wait for the write to finish',
      'Read write status',
      'Did the write finish?',
      'Check provisioning',
      'What did the check find?',
      'Report outcome',
      'Route by outcome',
      'Healed',
    ]);
    const state = finalState(run);
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'HEALED',
        cause: 'ASSIGNMENT_CREATION_FAILED',
      }),
    );
    expect(state.actions.map((a) => [a.operation, a.status])).toEqual([
      ['ProvisionPermissionSet', 'SUCCEEDED'],
      ['CreateAccountAssignment', 'SUCCEEDED'],
    ]);
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      ProvisionPermissionSetCommand,
      1,
    );
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      CreateAccountAssignmentCommand,
      1,
    );
    expect(
      mocks.ssoAdmin.commandCalls(CreateAccountAssignmentCommand)[0]?.args[0]
        .input,
    ).toEqual({
      InstanceArn: INSTANCE_ARN,
      TargetId: ACCOUNT_ID,
      TargetType: 'AWS_ACCOUNT',
      PermissionSetArn: PERMISSION_SET_ARN,
      PrincipalType: 'GROUP',
      PrincipalId: GROUP_ID,
    });
    // The last check reads the healer's own creation, not the failed one.
    expect(mocks.ssoAdmin).toHaveReceivedCommandWith(
      DescribeAccountAssignmentCreationStatusCommand,
      { AccountAssignmentCreationRequestId: RECREATE_REQUEST_ID },
    );
    const report = publishedReport(mocks);
    expect(report.subject).toMatch(/^\[HEALED\] ASSIGNMENT_CREATION_FAILED: /);
    expect(report.email).toContain(RECREATE_REQUEST_ID);
    expect(report.email).toContain(PROVISION_REQUEST_ID);
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
      'Report outcome',
      'Route by outcome',
      'Needs attention',
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
      'Read request',
      'Is the request valid?',
      'Wait for propagation',
      'Check provisioning',
      'What did the check find?',
      'Validate policies',
      'Report outcome',
      'Route by outcome',
      'Needs attention',
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
    expect(writesSent()).toBe(0);
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
    expect(writesSent()).toBe(0);
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
        'Check provisioning',
        'What did the check find?',
        'Validate policies',
        'Report outcome',
        'Route by outcome',
        'Needs attention',
      ]);
      const state = finalState(run);
      expect(state.verdict?.state).toBe(verdict);
      expect(state.report).toEqual(
        expect.objectContaining({ outcome: 'NEEDS_ATTENTION', cause }),
      );
      expect(writesSent()).toBe(0);
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
      'Report outcome',
      'Route by outcome',
      'Invalid request',
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

  it('reports a step that fails with an error it cannot explain', async () => {
    // Prepare
    setUpWorld(mocks, {
      faults: [
        {
          command: DescribeAccountCommand,
          error: new AccessDeniedException({
            message: "You don't have permissions to access this resource.",
            $metadata: {},
          }),
          times: Number.POSITIVE_INFINITY,
        },
      ],
    });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.status).toBe('FAILED');
    expect(run.endState).toBe('Workflow error');
    expect(run.error).toBe('WorkflowError');
    expect(run.path.slice(3)).toEqual([
      'Check provisioning',
      'Report outcome',
      'Route by outcome',
      'Workflow error',
    ]);
    // Not a transient error: the state machine does not retry it.
    expect(run.invocations['check-provisioning']).toBe(1);
    const state = finalState(run);
    expect(state.failure?.Error).toBe('AccessDeniedException');
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'WORKFLOW_ERROR',
        cause: 'UNKNOWN',
        published: true,
      }),
    );
    expect(run.fallback).not.toHaveBeenCalled();
    const report = publishedReport(mocks);
    expect(report.subject).toMatch(/^\[WORKFLOW_ERROR\] UNKNOWN: /);
    expect(report.email).toContain('AccessDeniedException');
    expect(writesSent()).toBe(0);
  });

  it('reports a handler that crashes on a malformed answer', async () => {
    // Prepare
    setUpWorld(mocks);
    mocks.ssoAdmin
      .on(ListAccountAssignmentsCommand)
      .resolves(undefined as never);

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.endState).toBe('Workflow error');
    expect(run.invocations['check-provisioning']).toBe(1);
    const state = finalState(run);
    expect(state.failure?.Error).toBe('TypeError');
    expect(state.report).toEqual(
      expect.objectContaining({ outcome: 'WORKFLOW_ERROR', cause: 'UNKNOWN' }),
    );
    expect(publishedReport(mocks).email).toContain('TypeError');
  });

  it('publishes the fallback report when the report cannot publish', async () => {
    // Prepare
    setUpWorld(mocks, {
      accountState: 'SUSPENDED',
      faults: [
        {
          command: PublishCommand,
          error: new KMSAccessDeniedException({
            message: 'User is not authorized to use the KMS key.',
            $metadata: {},
          }),
          times: Number.POSITIVE_INFINITY,
        },
      ],
    });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.status).toBe('FAILED');
    expect(run.endState).toBe('Workflow error');
    expect(run.path.slice(-3)).toEqual([
      'Report outcome',
      'Publish fallback report',
      'Workflow error',
    ]);
    // The report is not run again: it may have published already.
    expect(run.invocations.report).toBe(1);
    expect(mocks.sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(run.fallback).toHaveBeenCalledTimes(1);
    const parameters = run.fallback.mock.calls[0]?.[0] ?? {};
    expect(parameters.TopicArn).toBe(
      healer.environmentOfStep.report?.HEALER_TOPIC_ARN,
    );
    expect(parameters.Subject).toBe(
      'Assignment Healer: a check ended without its report',
    );
    expect(parameters.Message).toEqual(expect.any(String));
    expect(parameters.Message).toContain(run.executionArn);
    expect(parameters.Message).toContain('ReportPublishError');
    expect(parameters.Message).toContain('KMSAccessDeniedException');
  });

  it('retries a throttled check and still finds it healthy', async () => {
    // Prepare
    setUpWorld(mocks, {
      faults: [
        {
          command: ListAccountAssignmentsCommand,
          error: new ThrottlingException({
            message: 'Rate exceeded',
            $metadata: {},
          }),
        },
      ],
    });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.endState).toBe('Healthy');
    expect(run.invocations['check-provisioning']).toBe(2);
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      ListAccountAssignmentsCommand,
      2,
    );
    expect(finalState(run).failure).toBeUndefined();
    expect(finalState(run).counters.checks).toBe(1);
  });

  it('reports a transient error once the retries are used up', async () => {
    // Prepare
    setUpWorld(mocks, {
      faults: [
        {
          command: ListAccountAssignmentsCommand,
          error: new ThrottlingException({
            message: 'Rate exceeded',
            $metadata: {},
          }),
          times: Number.POSITIVE_INFINITY,
        },
      ],
    });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.endState).toBe('Workflow error');
    // The first attempt and the four retries of the definition.
    expect(run.invocations['check-provisioning']).toBe(5);
    const state = finalState(run);
    expect(state.failure?.Error).toBe('ThrottlingException');
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'WORKFLOW_ERROR',
        cause: 'TRANSIENT_SERVICE_ERROR',
      }),
    );
    expect(publishedReport(mocks).subject).toMatch(
      /^\[WORKFLOW_ERROR\] TRANSIENT_SERVICE_ERROR: /,
    );
  });

  it.each([
    {
      case: 'creation stays in progress',
      world: { creation: { statuses: ['IN_PROGRESS'] as ['IN_PROGRESS'] } },
      verdict: 'PENDING',
      cause: 'PROVISIONING_TIMEOUT',
    },
    {
      case: 'account stays pending activation',
      world: { accountState: 'PENDING_ACTIVATION' as const },
      verdict: 'ACCOUNT_UNAVAILABLE',
      cause: 'ACCOUNT_NOT_READY',
    },
  ])(
    'stops checking again after the configured waits: $case',
    async ({ world, verdict, cause }) => {
      // Prepare
      setUpWorld(mocks, world);

      // Act
      const run = await runHealer(healer, cloudTrailEvent());

      // Assess
      const { pendingRechecks } = HEALER_DEFAULTS;
      expect(run.endState).toBe('Needs attention');
      expect(
        run.path.filter((state) => state === 'Wait before checking again'),
      ).toHaveLength(pendingRechecks);
      expect(run.path.slice(-4)).toEqual([
        'Validate policies',
        'Report outcome',
        'Route by outcome',
        'Needs attention',
      ]);
      const state = finalState(run);
      expect(state.counters).toEqual({
        checks: pendingRechecks + 1,
        waits: pendingRechecks + 1,
        reprovisions: 0,
      });
      expect(state.verdict?.state).toBe(verdict);
      expect(state.report).toEqual(
        expect.objectContaining({ outcome: 'NEEDS_ATTENTION', cause }),
      );
      expect(writesSent()).toBe(0);
      expect(publishedReport(mocks).subject).toMatch(
        new RegExp(`^\\[NEEDS_ATTENTION\\] ${cause}: `),
      );
    },
  );

  it('stops re-provisioning after the configured attempts', async () => {
    // Prepare
    setUpWorld(mocks, { provisioned: false, provisioningTakesEffect: false });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    const { reprovisionAttempts } = HEALER_DEFAULTS;
    expect(run.endState).toBe('Needs attention');
    expect(
      run.path.filter((state) => state === 'Re-provision permission set'),
    ).toHaveLength(reprovisionAttempts);
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      ProvisionPermissionSetCommand,
      reprovisionAttempts,
    );
    expect(run.path).toContain('Validate policies');
    const state = finalState(run);
    expect(state.counters.reprovisions).toBe(reprovisionAttempts);
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'NEEDS_ATTENTION',
        cause: 'PERMISSION_SET_NOT_PROVISIONED',
      }),
    );
    expect(oneLine(publishedReport(mocks).email)).toContain(
      `after ${reprovisionAttempts} re-provisioning attempts`,
    );
  });

  it('reports a provisioning that never leaves IN_PROGRESS', async () => {
    // Prepare
    setUpWorld(mocks, {
      provisioned: false,
      provisioning: { statuses: ['IN_PROGRESS'] },
    });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    const { provisioningPollLimit } = HEALER_DEFAULTS;
    expect(run.endState).toBe('Needs attention');
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      DescribePermissionSetProvisioningStatusCommand,
      provisioningPollLimit,
    );
    expect(
      run.path.filter((state) => state === 'Wait for the write to finish'),
    ).toHaveLength(provisioningPollLimit);
    const state = finalState(run);
    expect(state.pending).toEqual(
      expect.objectContaining({
        status: 'TIMED_OUT',
        polls: provisioningPollLimit,
      }),
    );
    expect(state.actions).toEqual([
      expect.objectContaining({
        operation: 'ProvisionPermissionSet',
        status: 'TIMED_OUT',
      }),
    ]);
    expect(state.report).toEqual(
      expect.objectContaining({
        outcome: 'NEEDS_ATTENTION',
        cause: 'PROVISIONING_TIMEOUT',
      }),
    );
    expect(mocks.ssoAdmin).toHaveReceivedCommandTimes(
      ProvisionPermissionSetCommand,
      1,
    );
  });

  it('checks a manual console input end to end', async () => {
    // Prepare
    setUpWorld(mocks);

    // Act
    const run = await runHealer(healer, MANUAL_INPUT);

    // Assess
    expect(run.endState).toBe('Healthy');
    const state = finalState(run);
    expect(state.request).toEqual(
      expect.objectContaining({
        instanceArn: INSTANCE_ARN,
        accountId: ACCOUNT_ID,
        permissionSetArn: PERMISSION_SET_ARN,
        principal: { type: 'USER', id: USER_ID },
        trigger: expect.objectContaining({ kind: 'MANUAL' }),
      }),
    );
    expect(state.verdict?.evidence.assignmentExists).toBe(true);
    expect(state.report?.outcome).toBe('HEALTHY');
    // No request id was given, so no creation status is read.
    expect(mocks.ssoAdmin).not.toHaveReceivedCommand(
      DescribeAccountAssignmentCreationStatusCommand,
    );
    expect(mocks.identityStore).toHaveReceivedCommandWith(DescribeUserCommand, {
      UserId: USER_ID,
    });
    expect(mocks.sns).not.toHaveReceivedCommand(PublishCommand);
  });
});
