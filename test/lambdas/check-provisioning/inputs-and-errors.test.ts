import {
  DescribeUserCommand,
  AccessDeniedException as IdentityStoreAccessDeniedException,
  IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import {
  DescribeAccountCommand,
  OrganizationsClient,
  TooManyRequestsException,
} from '@aws-sdk/client-organizations';
import {
  AccessDeniedException,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetCommand,
  InternalServerException,
  ListAccountAssignmentsCommand,
  ListInstancesCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ResourceNotFoundException,
  SSOAdminClient,
  ThrottlingException,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { handler } from '../../../lambdas/check-provisioning/index';
import type { ActionTaken } from '../../../lambdas/core/types';
import {
  aRequest,
  aState,
  CREATION_REQUEST_ID,
  IDENTITY_STORE_ID,
  INSTANCE_ARN,
  RECREATE_REQUEST_ID,
  USER_ID,
} from '../core/workflow-fixtures';
import { creationStatus, givenHealthyAssignment, metadata } from './support';

const ssoAdmin = mockClient(SSOAdminClient);
const organizations = mockClient(OrganizationsClient);
const identityStore = mockClient(IdentitystoreClient);

const recreateAction = (overrides: Partial<ActionTaken> = {}): ActionTaken => ({
  operation: 'CreateAccountAssignment',
  dryRun: false,
  requestId: RECREATE_REQUEST_ID,
  status: 'SUCCEEDED',
  at: '2026-05-04T09:40:00.000Z',
  ...overrides,
});

describe('check-provisioning handler', () => {
  beforeEach(() => {
    process.env.HEALER_IDENTITY_STORE_ID = IDENTITY_STORE_ID;
    givenHealthyAssignment({ ssoAdmin, organizations, identityStore });
  });

  afterEach(() => {
    ssoAdmin.reset();
    organizations.reset();
    identityStore.reset();
    delete process.env.HEALER_IDENTITY_STORE_ID;
  });

  describe('creation request id', () => {
    it.each([
      {
        case: 'a successful re-creation',
        actions: [recreateAction()],
        requestId: RECREATE_REQUEST_ID,
      },
      {
        case: 'a re-creation in progress',
        actions: [recreateAction({ status: 'IN_PROGRESS' })],
        requestId: RECREATE_REQUEST_ID,
      },
      {
        case: 'a failed re-creation',
        actions: [recreateAction({ status: 'FAILED' })],
        requestId: CREATION_REQUEST_ID,
      },
      {
        case: 'a re-creation described in dry run',
        actions: [
          recreateAction({
            dryRun: true,
            requestId: undefined,
            status: 'SKIPPED',
          }),
        ],
        requestId: CREATION_REQUEST_ID,
      },
    ])('reads the right status after $case', async ({ actions, requestId }) => {
      // Prepare
      const state = aState({ actions });

      // Act
      await handler(state);

      // Assess
      expect(ssoAdmin).toHaveReceivedCommandTimes(
        DescribeAccountAssignmentCreationStatusCommand,
        1,
      );
      expect(ssoAdmin).toHaveReceivedCommandWith(
        DescribeAccountAssignmentCreationStatusCommand,
        { AccountAssignmentCreationRequestId: requestId },
      );
    });

    it('takes the principal of the creation when none was given', async () => {
      // Prepare
      const state = aState({
        request: aRequest({
          principal: undefined,
          trigger: { kind: 'MANUAL', startedAt: '2026-05-04T09:30:00.000Z' },
        }),
      });

      // Act
      const result = await handler(state);

      // Assess
      expect(result.request?.principal).toEqual({ type: 'USER', id: USER_ID });
      expect(result.verdict?.state).toBe('HEALTHY');
      expect(identityStore).toHaveReceivedCommandWith(DescribeUserCommand, {
        UserId: USER_ID,
      });
    });

    it('reports a request id of another assignment as a problem', async () => {
      // Prepare
      ssoAdmin
        .on(DescribeAccountAssignmentCreationStatusCommand)
        .resolves(creationStatus('FAILED', { TargetId: '777788889999' }));
      const state = aState();

      // Act
      const result = await handler(state);

      // Assess
      expect(result.problems).toEqual([
        {
          field: 'creationRequestId',
          message: expect.stringMatching(
            /received one about account 777788889999/,
          ),
        },
      ]);
      expect(result.verdict).toBeUndefined();
      expect(result.counters).toEqual(state.counters);
    });

    it('goes on without the status of an unknown request id', async () => {
      // Prepare
      ssoAdmin.on(DescribeAccountAssignmentCreationStatusCommand).rejects(
        new ResourceNotFoundException({
          message: 'Could not find the request',
          ...metadata,
        }),
      );

      // Act
      const result = await handler(aState());

      // Assess
      expect(result.verdict?.state).toBe('HEALTHY');
      expect(result.verdict?.evidence).not.toHaveProperty('creation');
    });
  });

  it('finds the identity store with ListInstances when unset', async () => {
    // Prepare
    delete process.env.HEALER_IDENTITY_STORE_ID;
    ssoAdmin
      .on(ListInstancesCommand)
      .resolvesOnce({
        Instances: [
          {
            InstanceArn: 'arn:aws:sso:::instance/ssoins-1111222233334444',
            IdentityStoreId: 'd-1111111111',
          },
        ],
        NextToken: 'instances-2',
      })
      .resolvesOnce({
        Instances: [
          { InstanceArn: INSTANCE_ARN, IdentityStoreId: 'd-9067654321' },
        ],
      });

    // Act
    await handler(aState());

    // Assess
    expect(ssoAdmin).toHaveReceivedCommandTimes(ListInstancesCommand, 2);
    expect(identityStore).toHaveReceivedCommandWith(DescribeUserCommand, {
      IdentityStoreId: 'd-9067654321',
    });
  });

  it.each([
    {
      case: 'ThrottlingException from SSO Admin',
      arrange: () =>
        ssoAdmin.on(DescribePermissionSetCommand).rejects(
          new ThrottlingException({
            message:
              'There are too many requests processing. Please try again later.',
            ...metadata,
          }),
        ),
      name: 'ThrottlingException',
    },
    {
      case: 'AccessDeniedException from SSO Admin',
      arrange: () =>
        ssoAdmin.on(ListAccountAssignmentsCommand).rejects(
          new AccessDeniedException({
            message: 'not authorized',
            ...metadata,
          }),
        ),
      name: 'AccessDeniedException',
    },
    {
      case: 'InternalServerException from SSO Admin',
      arrange: () =>
        ssoAdmin
          .on(ListPermissionSetsProvisionedToAccountCommand)
          .rejects(
            new InternalServerException({ message: 'internal', ...metadata }),
          ),
      name: 'InternalServerException',
    },
    {
      case: 'TooManyRequestsException from Organizations',
      arrange: () =>
        organizations.on(DescribeAccountCommand).rejects(
          new TooManyRequestsException({
            message:
              'You have sent too many requests in too short a period of time.',
            ...metadata,
          }),
        ),
      name: 'TooManyRequestsException',
    },
    {
      case: 'AccessDeniedException from the identity store',
      arrange: () =>
        identityStore.on(DescribeUserCommand).rejects(
          new IdentityStoreAccessDeniedException({
            message: 'not authorized',
            ...metadata,
          }),
        ),
      name: 'AccessDeniedException',
    },
  ])('lets $case propagate', async ({ arrange, name }) => {
    // Prepare
    arrange();

    // Act & Assess
    await expect(handler(aState())).rejects.toMatchObject({ name });
  });

  it('throws when the state carries no request', async () => {
    // Act & Assess
    await expect(handler(aState({ request: undefined }))).rejects.toMatchObject(
      { name: 'StepInputError' },
    );
    expect(ssoAdmin).not.toHaveReceivedAnyCommand();
  });
});
