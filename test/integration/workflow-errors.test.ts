import {
  AccessDeniedException,
  DescribeAccountCommand,
} from '@aws-sdk/client-organizations';
import { KMSAccessDeniedException, PublishCommand } from '@aws-sdk/client-sns';
import {
  ListAccountAssignmentsCommand,
  ThrottlingException,
} from '@aws-sdk/client-sso-admin';
import 'aws-sdk-client-mock-jest';
import { cloudTrailEvent } from '../lambdas/core/workflow-fixtures';
import {
  failsEveryCall,
  mockAwsClients,
  publishedReport,
  resetAwsMocks,
  writesSent,
} from './aws-mocks';
import {
  finalState,
  type Healer,
  loadHealer,
  reportedAs,
  runHealer,
} from './support';
import { setUpWorld } from './world';

const mocks = mockAwsClients();

/** SSO Admin's answer to a caller over its rate. */
const throttled = (): ThrottlingException =>
  new ThrottlingException({ message: 'Rate exceeded', $metadata: {} });

describe('assignment healer workflow when a step fails', () => {
  let healer: Healer;

  beforeAll(() => {
    healer = loadHealer();
  });

  afterEach(() => {
    resetAwsMocks(mocks);
  });

  it('reports a step that fails with an error it cannot explain', async () => {
    // Prepare
    const denied = new AccessDeniedException({
      message: "You don't have permissions to access this resource.",
      $metadata: {},
    });
    setUpWorld(mocks, {
      faults: [failsEveryCall(DescribeAccountCommand, denied)],
    });

    // Act
    const run = await runHealer(healer, cloudTrailEvent());

    // Assess
    expect(run.status).toBe('FAILED');
    expect(run.endState).toBe('Workflow error');
    expect(run.error).toBe('WorkflowError');
    expect(run.path.slice(3)).toEqual([
      'Check provisioning',
      ...reportedAs('Workflow error'),
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
    expect(writesSent(mocks)).toBe(0);
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
    const keyDenied = new KMSAccessDeniedException({
      message: 'User is not authorized to use the KMS key.',
      $metadata: {},
    });
    setUpWorld(mocks, {
      accountState: 'SUSPENDED',
      faults: [failsEveryCall(PublishCommand, keyDenied)],
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
      faults: [{ command: ListAccountAssignmentsCommand, error: throttled() }],
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
      faults: [failsEveryCall(ListAccountAssignmentsCommand, throttled())],
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
});
