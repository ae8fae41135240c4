import {
  AccessDeniedException,
  DescribeAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  AuthorizationErrorException,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import {
  DescribePermissionSetCommand,
  SSOAdminClient,
  ThrottlingException,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { resetClients } from '../../../lambdas/core/clients';
import { ReportPublishError } from '../../../lambdas/core/errors';
import type { WorkflowState } from '../../../lambdas/core/types';
import { handler } from '../../../lambdas/report/index';
import { emfWrittenBy } from './emf';
import {
  ACCOUNT_ID,
  anAction,
  aState,
  aVerdict,
  CREATION_REQUEST_ID,
  FAILURE_REASONS,
  PERMISSION_SET_ARN,
} from './fixtures';

const sns = mockClient(SNSClient);
const organizations = mockClient(OrganizationsClient);
const ssoAdmin = mockClient(SSOAdminClient);

const TOPIC_ARN = 'arn:aws:sns:us-east-1:111122223333:assignment-healer';
const metadata = { $metadata: {} };

const needsAttention = (): WorkflowState =>
  aState({
    verdict: aVerdict('CREATION_FAILED', {
      creation: {
        requestId: CREATION_REQUEST_ID,
        status: 'FAILED',
        failureReason: FAILURE_REASONS.notSupportedPolicy,
      },
    }),
  });

/** Evidence without names, as when the check could not read them. */
const withoutNames = (): WorkflowState =>
  aState({
    verdict: aVerdict('NOT_PROVISIONED', {
      account: { id: ACCOUNT_ID, state: 'ACTIVE' },
      permissionSet: { arn: PERMISSION_SET_ARN },
    }),
  });

describe('report handler', () => {
  beforeEach(() => {
    // Keeps the EMF lines out of the test output; one test turns it on.
    process.env.POWERTOOLS_METRICS_DISABLED = 'true';
    process.env.HEALER_TOPIC_ARN = TOPIC_ARN;
    sns.on(PublishCommand).resolves({ MessageId: 'message-1' });
  });

  afterEach(() => {
    delete process.env.POWERTOOLS_METRICS_DISABLED;
    delete process.env.HEALER_TOPIC_ARN;
    delete process.env.HEALER_NOTIFY_ON_HEALTHY;
    sns.reset();
    organizations.reset();
    ssoAdmin.reset();
    resetClients();
  });

  it('publishes one JSON-structured message and adds the report', async () => {
    // Prepare
    const state = needsAttention();

    // Act
    const result = await handler(state);

    // Assess
    const subject =
      '[NEEDS_ATTENTION] CUSTOMER_MANAGED_POLICY_MISSING: Dev (444455556666) / AdministratorAccess';
    expect(result).toEqual({
      ...state,
      report: {
        outcome: 'NEEDS_ATTENTION',
        cause: 'CUSTOMER_MANAGED_POLICY_MISSING',
        subject,
        published: true,
        messageId: 'message-1',
      },
    });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(sns).toHaveReceivedCommandWith(PublishCommand, {
      TopicArn: TOPIC_ARN,
      Subject: subject,
      MessageStructure: 'json',
      Message: expect.stringContaining('"default":'),
    });
    // The evidence named the account and the permission set already.
    expect(organizations).not.toHaveReceivedAnyCommand();
    expect(ssoAdmin).not.toHaveReceivedAnyCommand();
  });

  it('stays silent about a healthy result by default', async () => {
    // Act
    const result = await handler(aState());

    // Assess
    expect(result.report).toEqual({
      outcome: 'HEALTHY',
      cause: 'NONE',
      subject: '[HEALTHY] NONE: Dev (444455556666) / AdministratorAccess',
      published: false,
    });
    expect(sns).not.toHaveReceivedAnyCommand();
    expect(organizations).not.toHaveReceivedAnyCommand();
  });

  it('publishes a healthy result when asked to', async () => {
    // Prepare
    process.env.HEALER_NOTIFY_ON_HEALTHY = 'true';

    // Act
    const result = await handler(aState());

    // Assess
    expect(result.report?.published).toBe(true);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('publishes a healed result without being asked', async () => {
    // Act
    const result = await handler(aState({ actions: [anAction()] }));

    // Assess
    expect(result.report).toEqual(
      expect.objectContaining({ outcome: 'HEALED', published: true }),
    );
  });

  it('throws a ReportPublishError without a topic', async () => {
    // Prepare
    delete process.env.HEALER_TOPIC_ARN;

    // Act & Assess
    await expect(handler(needsAttention())).rejects.toThrow(
      new ReportPublishError(
        'HEALER_TOPIC_ARN is not set: expected the ARN of the SNS topic ' +
          'that receives reports, received nothing; deploy the stack with ' +
          'its topic, or set the variable on the report function.',
      ),
    );
    expect(sns).not.toHaveReceivedAnyCommand();
  });

  it('wraps a failed publish in a ReportPublishError', async () => {
    // Prepare
    const denied = new AuthorizationErrorException({
      message: 'Not authorized to publish',
      ...metadata,
    });
    sns.on(PublishCommand).rejects(denied);

    // Act
    const error = await handler(needsAttention()).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ReportPublishError);
    expect((error as Error).name).toBe('ReportPublishError');
    expect((error as Error).message).toMatch(
      /AuthorizationErrorException: Not authorized to publish/,
    );
    expect((error as Error).cause).toBe(denied);
  });

  it('looks up the names that the evidence lacks', async () => {
    // Prepare
    organizations
      .on(DescribeAccountCommand)
      .resolves({ Account: { Id: ACCOUNT_ID, Name: 'Dev' } });
    ssoAdmin
      .on(DescribePermissionSetCommand)
      .resolves({ PermissionSet: { Name: 'AdministratorAccess' } });

    // Act
    const result = await handler(withoutNames());

    // Assess
    expect(result.report?.subject).toBe(
      '[NEEDS_ATTENTION] PERMISSION_SET_NOT_PROVISIONED: Dev (444455556666) / AdministratorAccess',
    );
    expect(organizations).toHaveReceivedCommandWith(DescribeAccountCommand, {
      AccountId: ACCOUNT_ID,
    });
  });

  it('reports without names when the lookups fail', async () => {
    // Prepare
    organizations
      .on(DescribeAccountCommand)
      .rejects(new AccessDeniedException({ message: 'Denied', ...metadata }));
    ssoAdmin
      .on(DescribePermissionSetCommand)
      .rejects(new ThrottlingException({ message: 'Slow down', ...metadata }));

    // Act
    const result = await handler(withoutNames());

    // Assess
    expect(result.report).toEqual(
      expect.objectContaining({
        published: true,
        subject:
          '[NEEDS_ATTENTION] PERMISSION_SET_NOT_PROVISIONED: 444455556666 / ps-ae5d1fa1f80b684e',
      }),
    );
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
  });

  it('reports an invalid request without any lookup', async () => {
    // Prepare
    const state = aState({
      request: undefined,
      verdict: undefined,
      problems: [{ field: 'accountId', message: 'Expected 12 digits.' }],
    });

    // Act
    const result = await handler(state);

    // Assess
    expect(result.report).toEqual(
      expect.objectContaining({
        outcome: 'INVALID_REQUEST',
        cause: 'INVALID_INPUT',
        published: true,
      }),
    );
    expect(organizations).not.toHaveReceivedAnyCommand();
    expect(ssoAdmin).not.toHaveReceivedAnyCommand();
  });

  it('emits one metric per invocation', async () => {
    // Prepare
    delete process.env.POWERTOOLS_METRICS_DISABLED;

    // Act
    const documents = await emfWrittenBy(() => handler(needsAttention()));

    // Assess
    expect(documents).toEqual([
      expect.objectContaining({
        Outcome: 'NEEDS_ATTENTION',
        Cause: 'CUSTOMER_MANAGED_POLICY_MISSING',
        Reports: 1,
      }),
    ]);
  });
});
