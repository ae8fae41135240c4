import { DescribeUserCommand } from '@aws-sdk/client-identitystore';
import { PublishCommand } from '@aws-sdk/client-sns';
import {
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  ProvisionPermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import 'aws-sdk-client-mock-jest';
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
  POLLED,
  reportedAs,
  runHealer,
  STARTED,
  timesEntered,
} from './support';
import { ACCOUNT_NAME, PERMISSION_SET_NAME, setUpWorld } from './world';
import { REPORT_MESSAGE_ID } from './world-policies';

const mocks = mockAwsClients();

describe('assignment healer workflow when it finds or heals', () => {
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
      ...STARTED,
      ...CHECKED,
      ...reportedAs('Healthy'),
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
    expect(writesSent(mocks)).toBe(0);
    expect(run.simulatedSeconds).toBeGreaterThanOrEqual(180);
  });

  it('checks again after a wait while the creation is in progress', async () => {
    // Prepare
    setUpWorld(mocks, { creation: { statuses: ['IN_PROGRESS', 'SUCCEEDED'] } });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.endState).toBe('Healthy');
    expect(timesEntered(run, 'Wait before checking again')).toBe(1);
    expect(timesEntered(run, 'Check provisioning')).toBe(2);
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
    expect(writesSent(mocks)).toBe(0);
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
      ...STARTED,
      ...CHECKED,
      'Re-provision permission set',
      ...POLLED,
      ...POLLED,
      ...CHECKED,
      ...reportedAs('Healed'),
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
      ...STARTED,
      ...CHECKED,
      'Re-provision permission set',
      ...POLLED,
      'Re-create assignment',
      ...POLLED,
      ...CHECKED,
      ...reportedAs('Healed'),
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
