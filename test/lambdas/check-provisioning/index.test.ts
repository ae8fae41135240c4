import {
  DescribeGroupCommand,
  DescribeUserCommand,
  ResourceNotFoundException as IdentityStoreNotFoundException,
  IdentitystoreClient,
  ListGroupMembershipsForMemberCommand,
} from '@aws-sdk/client-identitystore';
import {
  AccountNotFoundException,
  DescribeAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListInstancesCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ProvisionPermissionSetCommand,
  ResourceNotFoundException,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { handler } from '../../../lambdas/check-provisioning/index';
import {
  ACCOUNT_ID,
  aRequest,
  aState,
  CREATION_REQUEST_ID,
  FAILURE_REASONS,
  GROUP_ID,
  IDENTITY_STORE_ID,
  INSTANCE_ARN,
  OTHER_PERMISSION_SET_ARN,
  PERMISSION_SET_ARN,
  USER_ID,
} from '../core/workflow-fixtures';
import {
  assignment,
  creationStatus,
  givenHealthyAssignment,
  metadata,
} from './support';

const ssoAdmin = mockClient(SSOAdminClient);
const organizations = mockClient(OrganizationsClient);
const identityStore = mockClient(IdentitystoreClient);

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

  it('finds a complete assignment healthy with read-only calls', async () => {
    // Prepare
    const state = aState();

    // Act
    const result = await handler(state);

    // Assess
    expect(result).toEqual({
      ...state,
      counters: { checks: 1, waits: 0, reprovisions: 0 },
      verdict: {
        state: 'HEALTHY',
        summary:
          'User Jane Doe is assigned, and permission set DataReadOnly is provisioned to account 444455556666 (Production) at its latest version.',
        checkedAt: expect.any(String),
        evidence: {
          account: {
            id: ACCOUNT_ID,
            name: 'Production',
            email: 'production@example.com',
            state: 'ACTIVE',
          },
          permissionSet: { arn: PERMISSION_SET_ARN, name: 'DataReadOnly' },
          creation: {
            requestId: CREATION_REQUEST_ID,
            status: 'SUCCEEDED',
            createdDate: '2026-05-04T09:30:01.000Z',
          },
          principal: {
            type: 'USER',
            id: USER_ID,
            exists: true,
            displayName: 'Jane Doe',
          },
          assignmentExists: true,
          provisioned: true,
          outdated: false,
        },
      },
    });
    expect(organizations).toHaveReceivedCommandWith(DescribeAccountCommand, {
      AccountId: ACCOUNT_ID,
    });
    expect(ssoAdmin).toHaveReceivedCommandWith(
      DescribeAccountAssignmentCreationStatusCommand,
      {
        InstanceArn: INSTANCE_ARN,
        AccountAssignmentCreationRequestId: CREATION_REQUEST_ID,
      },
    );
    expect(identityStore).toHaveReceivedCommandWith(DescribeUserCommand, {
      IdentityStoreId: IDENTITY_STORE_ID,
      UserId: USER_ID,
    });
    expect(ssoAdmin).toHaveReceivedCommandWith(
      ListPermissionSetsProvisionedToAccountCommand,
      {
        InstanceArn: INSTANCE_ARN,
        AccountId: ACCOUNT_ID,
        ProvisioningStatus: 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
      },
    );
    expect(ssoAdmin).not.toHaveReceivedCommand(ListInstancesCommand);
    expect(ssoAdmin).not.toHaveReceivedCommand(ProvisionPermissionSetCommand);
    expect(ssoAdmin).not.toHaveReceivedCommand(CreateAccountAssignmentCommand);
  });

  describe('NOT_FOUND', () => {
    it('reports an account that is not in the organization', async () => {
      // Prepare
      organizations.on(DescribeAccountCommand).rejects(
        new AccountNotFoundException({
          message: "You specified an account that doesn't exist.",
          ...metadata,
        }),
      );

      // Act
      const result = await handler(aState());

      // Assess
      expect(result.verdict).toMatchObject({
        state: 'NOT_FOUND',
        evidence: { missing: 'ACCOUNT', account: { id: ACCOUNT_ID } },
      });
      expect(identityStore).not.toHaveReceivedAnyCommand();
      expect(ssoAdmin).not.toHaveReceivedCommand(ListAccountAssignmentsCommand);
    });

    it('reports a permission set that does not exist', async () => {
      // Prepare
      ssoAdmin.on(DescribePermissionSetCommand).rejects(
        new ResourceNotFoundException({
          message: 'Could not find PermissionSet with id ps-ae5d1fa1f80b684e',
          ...metadata,
        }),
      );

      // Act
      const result = await handler(aState());

      // Assess
      expect(result.verdict).toMatchObject({
        state: 'NOT_FOUND',
        evidence: {
          missing: 'PERMISSION_SET',
          permissionSet: { arn: PERMISSION_SET_ARN },
        },
      });
      expect(result.verdict?.evidence.permissionSet).not.toHaveProperty('name');
    });

    it.each([
      {
        case: 'user',
        type: 'USER' as const,
        id: USER_ID,
        arrange: (error: Error) =>
          identityStore.on(DescribeUserCommand).rejects(error),
      },
      {
        case: 'group',
        type: 'GROUP' as const,
        id: GROUP_ID,
        arrange: (error: Error) =>
          identityStore.on(DescribeGroupCommand).rejects(error),
      },
    ])(
      'reports a $case that the identity store does not know',
      async ({ type, id, arrange }) => {
        // Prepare
        arrange(
          new IdentityStoreNotFoundException({
            message: `${type} not found`,
            ResourceType: type,
            ...metadata,
          }),
        );
        const state = aState({
          request: aRequest({ principal: { type, id } }),
        });
        ssoAdmin.on(DescribeAccountAssignmentCreationStatusCommand).resolves(
          creationStatus('SUCCEEDED', {
            PrincipalType: type,
            PrincipalId: id,
          }),
        );

        // Act
        const result = await handler(state);

        // Assess
        expect(result.verdict).toMatchObject({
          state: 'NOT_FOUND',
          evidence: {
            missing: 'PRINCIPAL',
            principal: { type, id, exists: false },
          },
        });
        expect(ssoAdmin).not.toHaveReceivedCommand(
          ListAccountAssignmentsCommand,
        );
      },
    );

    it('reports an instance that ListInstances does not name', async () => {
      // Prepare
      delete process.env.HEALER_IDENTITY_STORE_ID;
      ssoAdmin.on(ListInstancesCommand).resolves({ Instances: [] });

      // Act
      const result = await handler(aState());

      // Assess
      expect(result.verdict).toMatchObject({
        state: 'NOT_FOUND',
        evidence: { missing: 'INSTANCE' },
      });
      expect(identityStore).not.toHaveReceivedAnyCommand();
    });
  });

  it.each([
    {
      case: 'a user by display name',
      principal: { type: 'USER' as const, id: USER_ID },
      user: { UserName: 'jane.doe@example.com', DisplayName: 'Jane Doe' },
      displayName: 'Jane Doe',
    },
    {
      case: 'a user without display name by user name',
      principal: { type: 'USER' as const, id: USER_ID },
      user: { UserName: 'jane.doe@example.com' },
      displayName: 'jane.doe@example.com',
    },
    {
      case: 'a group by display name',
      principal: { type: 'GROUP' as const, id: GROUP_ID },
      group: { DisplayName: 'Data Analysts' },
      displayName: 'Data Analysts',
    },
  ])('names $case', async ({ principal, user, group, displayName }) => {
    // Prepare
    identityStore.on(DescribeUserCommand).resolves({
      IdentityStoreId: IDENTITY_STORE_ID,
      UserId: USER_ID,
      ...user,
    });
    identityStore.on(DescribeGroupCommand).resolves({
      IdentityStoreId: IDENTITY_STORE_ID,
      GroupId: GROUP_ID,
      ...group,
    });
    ssoAdmin.on(DescribeAccountAssignmentCreationStatusCommand).resolves(
      creationStatus('SUCCEEDED', {
        PrincipalType: principal.type,
        PrincipalId: principal.id,
      }),
    );
    ssoAdmin.on(ListAccountAssignmentsCommand).resolves({
      AccountAssignments: [assignment(principal.type, principal.id)],
    });

    // Act
    const result = await handler(aState({ request: aRequest({ principal }) }));

    // Assess
    expect(result.verdict?.evidence.principal).toEqual({
      ...principal,
      exists: true,
      displayName,
    });
    expect(result.verdict?.summary).toContain(displayName);
  });

  describe('ACCOUNT_UNAVAILABLE', () => {
    it.each([
      {
        case: 'State SUSPENDED',
        account: { State: 'SUSPENDED' },
        state: 'SUSPENDED',
      },
      { case: 'State CLOSED', account: { State: 'CLOSED' }, state: 'CLOSED' },
      {
        case: 'the older Status PENDING_CLOSURE',
        account: { Status: 'PENDING_CLOSURE' },
        state: 'PENDING_CLOSURE',
      },
      {
        case: 'the older Status SUSPENDED',
        account: { Status: 'SUSPENDED' },
        state: 'SUSPENDED',
      },
    ] as const)(
      'stops at an account with $case',
      async ({ account, state }) => {
        // Prepare
        organizations
          .on(DescribeAccountCommand)
          .resolves({ Account: { Id: ACCOUNT_ID, ...account } });

        // Act
        const result = await handler(aState());

        // Assess
        expect(result.verdict).toMatchObject({
          state: 'ACCOUNT_UNAVAILABLE',
          evidence: { account: { id: ACCOUNT_ID, state } },
        });
        expect(result.counters).toEqual({
          checks: 1,
          waits: 0,
          reprovisions: 0,
        });
        expect(ssoAdmin).not.toHaveReceivedCommand(
          ListAccountAssignmentsCommand,
        );
      },
    );

    it('counts a wait for an account not active yet', async () => {
      // Prepare
      organizations.on(DescribeAccountCommand).resolves({
        Account: { Id: ACCOUNT_ID, State: 'PENDING_ACTIVATION' },
      });
      const state = aState({
        counters: { checks: 1, waits: 0, reprovisions: 0 },
      });

      // Act
      const result = await handler(state);

      // Assess
      expect(result.verdict?.state).toBe('ACCOUNT_UNAVAILABLE');
      expect(result.counters).toEqual({ checks: 2, waits: 1, reprovisions: 0 });
    });
  });

  it('decides PENDING and counts a wait while creation runs', async () => {
    // Prepare
    ssoAdmin
      .on(DescribeAccountAssignmentCreationStatusCommand)
      .resolves(creationStatus('IN_PROGRESS'));
    const state = aState({
      counters: { checks: 2, waits: 2, reprovisions: 0 },
    });

    // Act
    const result = await handler(state);

    // Assess
    expect(result.verdict).toMatchObject({
      state: 'PENDING',
      evidence: { creation: { status: 'IN_PROGRESS' } },
    });
    expect(result.counters).toEqual({ checks: 3, waits: 3, reprovisions: 0 });
    expect(ssoAdmin).not.toHaveReceivedCommand(ListAccountAssignmentsCommand);
  });

  describe('CREATION_FAILED', () => {
    it('keeps the verbatim failure reason of the creation', async () => {
      // Prepare
      ssoAdmin.on(DescribeAccountAssignmentCreationStatusCommand).resolves(
        creationStatus('FAILED', {
          FailureReason: FAILURE_REASONS.policyMissing,
        }),
      );
      ssoAdmin
        .on(ListAccountAssignmentsCommand)
        .resolves({ AccountAssignments: [] });

      // Act
      const result = await handler(aState());

      // Assess
      expect(result.verdict).toMatchObject({
        state: 'CREATION_FAILED',
        summary: expect.stringContaining(FAILURE_REASONS.policyMissing),
        evidence: {
          creation: {
            status: 'FAILED',
            failureReason: FAILURE_REASONS.policyMissing,
          },
          assignmentExists: false,
        },
      });
      expect(identityStore).not.toHaveReceivedCommand(
        ListGroupMembershipsForMemberCommand,
      );
      expect(ssoAdmin).not.toHaveReceivedCommand(
        ListPermissionSetsProvisionedToAccountCommand,
      );
      expect(ssoAdmin).not.toHaveReceivedCommand(ProvisionPermissionSetCommand);
    });

    it('goes on when the failed assignment exists after all', async () => {
      // Prepare
      ssoAdmin
        .on(DescribeAccountAssignmentCreationStatusCommand)
        .resolves(
          creationStatus('FAILED', { FailureReason: FAILURE_REASONS.internal }),
        );

      // Act
      const result = await handler(aState());

      // Assess
      expect(result.verdict?.state).toBe('HEALTHY');
    });
  });

  describe('provisioning', () => {
    it('decides NOT_PROVISIONED after reading every page', async () => {
      // Prepare
      ssoAdmin
        .on(ListPermissionSetsProvisionedToAccountCommand)
        .resolvesOnce({
          PermissionSets: [OTHER_PERMISSION_SET_ARN],
          NextToken: 'provisioned-2',
        })
        .resolvesOnce({ PermissionSets: [] });

      // Act
      const result = await handler(aState());

      // Assess
      expect(result.verdict).toMatchObject({
        state: 'NOT_PROVISIONED',
        evidence: { provisioned: false },
      });
      expect(result.verdict?.evidence).not.toHaveProperty('outdated');
      expect(ssoAdmin).toHaveReceivedCommandTimes(
        ListPermissionSetsProvisionedToAccountCommand,
        2,
      );
      expect(ssoAdmin).toHaveReceivedNthSpecificCommandWith(
        2,
        ListPermissionSetsProvisionedToAccountCommand,
        { NextToken: 'provisioned-2' },
      );
    });

    it('decides OUTDATED from the filtered list', async () => {
      // Prepare
      ssoAdmin
        .on(ListPermissionSetsProvisionedToAccountCommand)
        .resolvesOnce({ PermissionSets: [], NextToken: 'provisioned-2' })
        .resolvesOnce({ PermissionSets: [PERMISSION_SET_ARN] });
      ssoAdmin
        .on(ListPermissionSetsProvisionedToAccountCommand, {
          ProvisioningStatus: 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
        })
        .resolves({
          PermissionSets: [OTHER_PERMISSION_SET_ARN, PERMISSION_SET_ARN],
        });

      // Act
      const result = await handler(aState());

      // Assess
      expect(result.verdict).toMatchObject({
        state: 'OUTDATED',
        evidence: { provisioned: true, outdated: true },
      });
    });
  });
});
