import {
  ConflictException,
  CreateAccountAssignmentCommand,
  DeleteAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  ProvisionPermissionSetCommand,
  SSOAdminClient,
  type StatusValues,
  ThrottlingException,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { logger } from '../../../lambdas/core/logger';
import type {
  ActionTaken,
  PendingWrite,
  WorkflowState,
} from '../../../lambdas/core/types';
import { handler } from '../../../lambdas/reprovision/index';
import {
  ACCOUNT_ID,
  aRequest,
  aState,
  aVerdict,
  FAILURE_REASONS,
  INSTANCE_ARN,
  PERMISSION_SET_ARN,
  PROVISION_REQUEST_ID,
  RECREATE_REQUEST_ID,
  USER_ID,
} from '../core/workflow-fixtures';

const ssoAdmin = mockClient(SSOAdminClient);

const metadata = { $metadata: {} };

const provisioningStatus = (Status: StatusValues, FailureReason?: string) => ({
  PermissionSetProvisioningStatus: {
    Status,
    RequestId: PROVISION_REQUEST_ID,
    AccountId: ACCOUNT_ID,
    PermissionSetArn: PERMISSION_SET_ARN,
    ...(FailureReason ? { FailureReason } : {}),
    CreatedDate: new Date('2026-05-04T09:34:00.000Z'),
  },
});

const creationStatus = (Status: StatusValues, FailureReason?: string) => ({
  AccountAssignmentCreationStatus: {
    Status,
    RequestId: RECREATE_REQUEST_ID,
    TargetId: ACCOUNT_ID,
    TargetType: 'AWS_ACCOUNT' as const,
    PermissionSetArn: PERMISSION_SET_ARN,
    PrincipalType: 'USER' as const,
    PrincipalId: USER_ID,
    ...(FailureReason ? { FailureReason } : {}),
  },
});

const action = (overrides: Partial<ActionTaken> = {}): ActionTaken => ({
  operation: 'ProvisionPermissionSet',
  dryRun: false,
  requestId: PROVISION_REQUEST_ID,
  status: 'IN_PROGRESS',
  at: '2026-05-04T09:34:00.000Z',
  ...overrides,
});

const pendingState = (
  pending: PendingWrite,
  actions: readonly ActionTaken[] = [action()],
): WorkflowState =>
  aState({
    verdict: aVerdict('NOT_PROVISIONED'),
    counters: { checks: 1, waits: 0, reprovisions: 1 },
    pending,
    actions,
  });

const failedCreation = (overrides: Partial<WorkflowState> = {}) =>
  aState({
    verdict: aVerdict('CREATION_FAILED', {
      creation: {
        requestId: '8c2d0a11-3b4c-4d5e-8f60-718293a4b5c6',
        status: 'FAILED',
        failureReason: FAILURE_REASONS.policyMissing,
      },
      assignmentExists: false,
    }),
    counters: { checks: 1, waits: 0, reprovisions: 1 },
    ...overrides,
  });

describe('reprovision handler', () => {
  afterEach(() => {
    ssoAdmin.reset();
    jest.restoreAllMocks();
    delete process.env.HEALER_DRY_RUN;
    delete process.env.HEALER_MAX_STATUS_POLLS;
  });

  describe('PROVISION', () => {
    it('provisions the permission set to the one account', async () => {
      // Prepare
      ssoAdmin
        .on(ProvisionPermissionSetCommand)
        .resolves(provisioningStatus('IN_PROGRESS'));
      const info = jest.spyOn(logger, 'info');
      const state = aState({ verdict: aVerdict('NOT_PROVISIONED') });

      // Act
      const result = await handler({ operation: 'PROVISION', state });

      // Assess
      expect(ssoAdmin).toHaveReceivedCommandTimes(
        ProvisionPermissionSetCommand,
        1,
      );
      expect(ssoAdmin).toHaveReceivedCommandWith(
        ProvisionPermissionSetCommand,
        {
          InstanceArn: INSTANCE_ARN,
          PermissionSetArn: PERMISSION_SET_ARN,
          TargetType: 'AWS_ACCOUNT',
          TargetId: ACCOUNT_ID,
        },
      );
      expect(result).toEqual({
        ...state,
        counters: { checks: 0, waits: 0, reprovisions: 1 },
        pending: {
          kind: 'PROVISIONING',
          requestId: PROVISION_REQUEST_ID,
          status: 'IN_PROGRESS',
          polls: 0,
        },
        actions: [
          {
            operation: 'ProvisionPermissionSet',
            repairs: 'NOT_PROVISIONED',
            dryRun: false,
            requestId: PROVISION_REQUEST_ID,
            status: 'IN_PROGRESS',
            at: expect.any(String),
          },
        ],
      });
      expect(info).toHaveBeenCalledWith(
        'permission set provisioning requested',
        expect.objectContaining({ requestId: PROVISION_REQUEST_ID }),
      );
    });

    it('records a provisioning that failed at once', async () => {
      // Prepare
      ssoAdmin
        .on(ProvisionPermissionSetCommand)
        .resolves(provisioningStatus('FAILED', FAILURE_REASONS.suspended));
      const state = aState({ verdict: aVerdict('OUTDATED') });

      // Act
      const result = await handler({ operation: 'PROVISION', state });

      // Assess
      expect(result.pending).toEqual({
        kind: 'PROVISIONING',
        requestId: PROVISION_REQUEST_ID,
        status: 'FAILED',
        failureReason: FAILURE_REASONS.suspended,
        polls: 0,
      });
      expect(result.actions).toEqual([
        expect.objectContaining({
          status: 'FAILED',
          failureReason: FAILURE_REASONS.suspended,
        }),
      ]);
    });

    it.each([
      { case: 'a healthy verdict', verdict: aVerdict('HEALTHY') },
      { case: 'a deleted assignment', verdict: aVerdict('ASSIGNMENT_MISSING') },
      { case: 'a suspended account', verdict: aVerdict('ACCOUNT_UNAVAILABLE') },
      { case: 'no verdict', verdict: undefined },
    ])('refuses to provision after $case', async ({ verdict }) => {
      // Prepare
      const state = aState({ verdict });

      // Act & Assess
      await expect(
        handler({ operation: 'PROVISION', state }),
      ).rejects.toMatchObject({
        name: 'StepInputError',
        message: expect.stringMatching(
          /^Expected a verdict of NOT_PROVISIONED/,
        ),
      });
      expect(ssoAdmin).not.toHaveReceivedAnyCommand();
    });

    it.each([
      {
        case: 'ConflictException',
        error: new ConflictException({
          message: 'There is a conflicting operation in process.',
          ...metadata,
        }),
      },
      {
        case: 'ThrottlingException',
        error: new ThrottlingException({
          message:
            'There are too many requests processing. Please try again later.',
          ...metadata,
        }),
      },
    ])('lets $case propagate for a retry', async ({ case: name, error }) => {
      // Prepare
      ssoAdmin.on(ProvisionPermissionSetCommand).rejects(error);
      const state = aState({ verdict: aVerdict('NOT_PROVISIONED') });

      // Act & Assess
      await expect(
        handler({ operation: 'PROVISION', state }),
      ).rejects.toMatchObject({ name });
    });

    it.each([
      {
        case: 'a missing provisioning',
        verdict: 'NOT_PROVISIONED' as const,
        operations: ['ProvisionPermissionSet'],
      },
      {
        case: 'a failed creation',
        verdict: 'CREATION_FAILED' as const,
        operations: ['ProvisionPermissionSet', 'CreateAccountAssignment'],
      },
    ])(
      'only describes the writes for $case in dry run',
      async ({ verdict, operations }) => {
        // Prepare
        process.env.HEALER_DRY_RUN = 'true';
        const state = aState({ verdict: aVerdict(verdict) });

        // Act
        const result = await handler({ operation: 'PROVISION', state });

        // Assess
        expect(ssoAdmin).not.toHaveReceivedAnyCommand();
        expect(result.pending).toEqual({
          kind: 'PROVISIONING',
          status: 'SKIPPED',
          polls: 0,
        });
        expect(result.actions).toEqual(
          operations.map((operation) => ({
            operation,
            repairs: verdict,
            dryRun: true,
            status: 'SKIPPED',
            at: expect.any(String),
          })),
        );
        expect(result.counters.reprovisions).toBe(1);
      },
    );
  });

  describe('POLL', () => {
    it('reads the provisioning status and updates the action', async () => {
      // Prepare
      ssoAdmin
        .on(DescribePermissionSetProvisioningStatusCommand)
        .resolves(provisioningStatus('SUCCEEDED'));
      const state = pendingState({
        kind: 'PROVISIONING',
        requestId: PROVISION_REQUEST_ID,
        status: 'IN_PROGRESS',
        polls: 0,
      });

      // Act
      const result = await handler({ operation: 'POLL', state });

      // Assess
      expect(ssoAdmin).toHaveReceivedCommandWith(
        DescribePermissionSetProvisioningStatusCommand,
        {
          InstanceArn: INSTANCE_ARN,
          ProvisionPermissionSetRequestId: PROVISION_REQUEST_ID,
        },
      );
      expect(result.pending).toEqual({
        kind: 'PROVISIONING',
        requestId: PROVISION_REQUEST_ID,
        status: 'SUCCEEDED',
        polls: 1,
      });
      expect(result.actions).toEqual([action({ status: 'SUCCEEDED' })]);
    });

    it('keeps the verbatim reason of a failed write', async () => {
      // Prepare
      ssoAdmin
        .on(DescribePermissionSetProvisioningStatusCommand)
        .resolves(provisioningStatus('FAILED', FAILURE_REASONS.policyMissing));
      const other = action({
        operation: 'CreateAccountAssignment',
        requestId: RECREATE_REQUEST_ID,
        status: 'FAILED',
      });
      const state = pendingState(
        {
          kind: 'PROVISIONING',
          requestId: PROVISION_REQUEST_ID,
          status: 'IN_PROGRESS',
          polls: 3,
        },
        [other, action()],
      );

      // Act
      const result = await handler({ operation: 'POLL', state });

      // Assess
      expect(result.pending).toMatchObject({
        status: 'FAILED',
        failureReason: FAILURE_REASONS.policyMissing,
        polls: 4,
      });
      expect(result.actions).toEqual([
        other,
        action({
          status: 'FAILED',
          failureReason: FAILURE_REASONS.policyMissing,
        }),
      ]);
    });

    it('reads the creation status of a re-created assignment', async () => {
      // Prepare
      ssoAdmin
        .on(DescribeAccountAssignmentCreationStatusCommand)
        .resolves(creationStatus('IN_PROGRESS'));
      const state = pendingState(
        {
          kind: 'ASSIGNMENT_CREATION',
          requestId: RECREATE_REQUEST_ID,
          status: 'IN_PROGRESS',
          polls: 0,
        },
        [action({ status: 'SUCCEEDED' })],
      );

      // Act
      const result = await handler({ operation: 'POLL', state });

      // Assess
      expect(ssoAdmin).toHaveReceivedCommandWith(
        DescribeAccountAssignmentCreationStatusCommand,
        {
          InstanceArn: INSTANCE_ARN,
          AccountAssignmentCreationRequestId: RECREATE_REQUEST_ID,
        },
      );
      expect(ssoAdmin).not.toHaveReceivedCommand(
        DescribePermissionSetProvisioningStatusCommand,
      );
      expect(result.pending).toMatchObject({ status: 'IN_PROGRESS', polls: 1 });
    });

    it.each([
      { case: 'below the limit', polls: 1, status: 'IN_PROGRESS' },
      { case: 'at the limit', polls: 2, status: 'TIMED_OUT' },
    ] as const)(
      'returns $status for a write in progress $case',
      async ({ polls, status }) => {
        // Prepare
        process.env.HEALER_MAX_STATUS_POLLS = '3';
        ssoAdmin
          .on(DescribePermissionSetProvisioningStatusCommand)
          .resolves(provisioningStatus('IN_PROGRESS'));
        const state = pendingState({
          kind: 'PROVISIONING',
          requestId: PROVISION_REQUEST_ID,
          status: 'IN_PROGRESS',
          polls,
        });

        // Act
        const result = await handler({ operation: 'POLL', state });

        // Assess
        expect(result.pending).toMatchObject({ status, polls: polls + 1 });
        expect(result.actions).toEqual([action({ status })]);
      },
    );

    it.each([
      {
        case: 'a write skipped in dry run',
        pending: { kind: 'PROVISIONING', status: 'SKIPPED', polls: 0 },
      },
      {
        case: 'a write that failed at once',
        pending: {
          kind: 'PROVISIONING',
          requestId: PROVISION_REQUEST_ID,
          status: 'FAILED',
          polls: 0,
        },
      },
    ] as const)('reads nothing for $case', async ({ pending }) => {
      // Prepare
      const state = pendingState(pending);

      // Act
      const result = await handler({ operation: 'POLL', state });

      // Assess
      expect(result).toEqual(state);
      expect(ssoAdmin).not.toHaveReceivedAnyCommand();
    });

    it('throws when no write is pending', async () => {
      // Prepare
      const state = aState({ verdict: aVerdict('NOT_PROVISIONED') });

      // Act & Assess
      await expect(handler({ operation: 'POLL', state })).rejects.toMatchObject(
        {
          name: 'StepInputError',
        },
      );
    });
  });

  describe('RECREATE', () => {
    it('creates the assignment again with the same six fields', async () => {
      // Prepare
      ssoAdmin
        .on(CreateAccountAssignmentCommand)
        .resolves(creationStatus('IN_PROGRESS'));
      const info = jest.spyOn(logger, 'info');
      const state = failedCreation({
        actions: [action({ status: 'SUCCEEDED' })],
      });

      // Act
      const result = await handler({ operation: 'RECREATE', state });

      // Assess
      expect(ssoAdmin).toHaveReceivedCommandTimes(
        CreateAccountAssignmentCommand,
        1,
      );
      expect(ssoAdmin).toHaveReceivedCommandWith(
        CreateAccountAssignmentCommand,
        {
          InstanceArn: INSTANCE_ARN,
          TargetId: ACCOUNT_ID,
          TargetType: 'AWS_ACCOUNT',
          PermissionSetArn: PERMISSION_SET_ARN,
          PrincipalType: 'USER',
          PrincipalId: USER_ID,
        },
      );
      expect(result.pending).toEqual({
        kind: 'ASSIGNMENT_CREATION',
        requestId: RECREATE_REQUEST_ID,
        status: 'IN_PROGRESS',
        polls: 0,
      });
      expect(result.actions).toEqual([
        action({ status: 'SUCCEEDED' }),
        {
          operation: 'CreateAccountAssignment',
          repairs: 'CREATION_FAILED',
          dryRun: false,
          requestId: RECREATE_REQUEST_ID,
          status: 'IN_PROGRESS',
          at: expect.any(String),
        },
      ]);
      expect(result.counters).toEqual(state.counters);
      expect(info).toHaveBeenCalledWith(
        'assignment creation requested',
        expect.objectContaining({ requestId: RECREATE_REQUEST_ID }),
      );
    });

    it.each([
      {
        case: 'an assignment deleted after it succeeded',
        state: aState({
          verdict: aVerdict('ASSIGNMENT_MISSING', {
            creation: {
              requestId: '8c2d0a11-3b4c-4d5e-8f60-718293a4b5c6',
              status: 'SUCCEEDED',
            },
            assignmentExists: false,
          }),
        }),
        message: /received ASSIGNMENT_MISSING and a principal/,
      },
      {
        case: 'a healthy check',
        state: aState({ verdict: aVerdict('HEALTHY') }),
        message: /received HEALTHY/,
      },
      {
        case: 'a request without a principal',
        state: failedCreation({ request: aRequest({ principal: undefined }) }),
        message: /received CREATION_FAILED and no principal/,
      },
      {
        case: 'a re-creation that succeeded already',
        state: failedCreation({
          actions: [
            action({
              operation: 'CreateAccountAssignment',
              requestId: RECREATE_REQUEST_ID,
              status: 'SUCCEEDED',
            }),
          ],
        }),
        message: /received request .* that SUCCEEDED/,
      },
    ])('refuses to re-create after $case', async ({ state, message }) => {
      // Act & Assess
      await expect(
        handler({ operation: 'RECREATE', state }),
      ).rejects.toMatchObject({
        name: 'StepInputError',
        message: expect.stringMatching(message),
      });
      expect(ssoAdmin).not.toHaveReceivedAnyCommand();
    });

    it('lets ConflictException propagate for a retry', async () => {
      // Prepare
      ssoAdmin.on(CreateAccountAssignmentCommand).rejects(
        new ConflictException({
          message: 'There is a conflicting operation in process.',
          ...metadata,
        }),
      );

      // Act & Assess
      await expect(
        handler({ operation: 'RECREATE', state: failedCreation() }),
      ).rejects.toMatchObject({ name: 'ConflictException' });
    });

    it('describes the re-creation once in dry run', async () => {
      // Prepare
      process.env.HEALER_DRY_RUN = 'true';
      const described = action({
        operation: 'CreateAccountAssignment',
        dryRun: true,
        requestId: undefined,
        status: 'SKIPPED',
      });
      const state = failedCreation({ actions: [described] });

      // Act
      const result = await handler({ operation: 'RECREATE', state });

      // Assess
      expect(ssoAdmin).not.toHaveReceivedAnyCommand();
      expect(result.actions).toEqual([described]);
      expect(result.pending).toEqual({
        kind: 'ASSIGNMENT_CREATION',
        status: 'SKIPPED',
        polls: 0,
      });
    });
  });

  it('runs a whole repair without a delete', async () => {
    // Prepare
    ssoAdmin
      .on(ProvisionPermissionSetCommand)
      .resolves(provisioningStatus('IN_PROGRESS'));
    ssoAdmin
      .on(DescribePermissionSetProvisioningStatusCommand)
      .resolves(provisioningStatus('SUCCEEDED'));
    ssoAdmin
      .on(CreateAccountAssignmentCommand)
      .resolves(creationStatus('IN_PROGRESS'));
    ssoAdmin
      .on(DescribeAccountAssignmentCreationStatusCommand)
      .resolves(creationStatus('SUCCEEDED'));

    // Act
    let state = failedCreation({
      counters: { checks: 1, waits: 0, reprovisions: 0 },
    });
    for (const operation of [
      'PROVISION',
      'POLL',
      'RECREATE',
      'POLL',
    ] as const) {
      state = await handler({ operation, state });
    }

    // Assess
    expect(
      state.actions.map((taken) => [taken.operation, taken.status]),
    ).toEqual([
      ['ProvisionPermissionSet', 'SUCCEEDED'],
      ['CreateAccountAssignment', 'SUCCEEDED'],
    ]);
    expect(state.counters.reprovisions).toBe(1);
    expect(ssoAdmin).not.toHaveReceivedCommand(DeleteAccountAssignmentCommand);
  });

  it.each([
    {
      case: 'an unknown operation',
      event: { operation: 'DELETE', state: aState() },
    },
    {
      case: 'an inherited property name',
      event: { operation: 'toString', state: aState() },
    },
    { case: 'no state', event: { operation: 'POLL' } },
  ])('throws for $case', async ({ event }) => {
    // Act & Assess
    await expect(handler(event as never)).rejects.toMatchObject({
      name: 'StepInputError',
      message: expect.stringMatching(
        /^Expected \{ operation: PROVISION \| POLL \| RECREATE, state \}/,
      ),
    });
  });
});
