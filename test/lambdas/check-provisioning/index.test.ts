import {
  DescribeGroupCommand,
  DescribeUserCommand,
  AccessDeniedException as IdentityStoreAccessDeniedException,
  ResourceNotFoundException as IdentityStoreNotFoundException,
  IdentitystoreClient,
  ListGroupMembershipsForMemberCommand,
} from '@aws-sdk/client-identitystore';
import {
  AccountNotFoundException,
  DescribeAccountCommand,
  OrganizationsClient,
  TooManyRequestsException,
} from '@aws-sdk/client-organizations';
import {
  AccessDeniedException,
  type AccountAssignmentOperationStatus,
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetCommand,
  InternalServerException,
  ListAccountAssignmentsCommand,
  ListInstancesCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ProvisionPermissionSetCommand,
  ResourceNotFoundException,
  SSOAdminClient,
  type StatusValues,
  ThrottlingException,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { handler } from '../../../lambdas/check-provisioning/index';
import type { ActionTaken } from '../../../lambdas/core/types';
import {
  ACCOUNT_ID,
  aRequest,
  aState,
  CREATION_REQUEST_ID,
  FAILURE_REASONS,
  GROUP_ID,
  IDENTITY_STORE_ID,
  INSTANCE_ARN,
  OTHER_GROUP_ID,
  OTHER_PERMISSION_SET_ARN,
  PERMISSION_SET_ARN,
  RECREATE_REQUEST_ID,
  USER_ID,
} from '../core/workflow-fixtures';

const ssoAdmin = mockClient(SSOAdminClient);
const organizations = mockClient(OrganizationsClient);
const identityStore = mockClient(IdentitystoreClient);

const metadata = { $metadata: {} };

const creationStatus = (
  Status: StatusValues,
  extra: Partial<AccountAssignmentOperationStatus> = {},
) => ({
  AccountAssignmentCreationStatus: {
    Status,
    RequestId: CREATION_REQUEST_ID,
    TargetId: ACCOUNT_ID,
    TargetType: 'AWS_ACCOUNT' as const,
    PermissionSetArn: PERMISSION_SET_ARN,
    PrincipalType: 'USER' as const,
    PrincipalId: USER_ID,
    CreatedDate: new Date('2026-05-04T09:30:01.000Z'),
    ...extra,
  },
});

const assignment = (PrincipalType: 'USER' | 'GROUP', PrincipalId: string) => ({
  AccountId: ACCOUNT_ID,
  PermissionSetArn: PERMISSION_SET_ARN,
  PrincipalType,
  PrincipalId,
});

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

    // A healthy assignment of a user; each test changes one fact.
    organizations.on(DescribeAccountCommand).resolves({
      Account: {
        Id: ACCOUNT_ID,
        Name: 'Production',
        Email: 'production@example.com',
        State: 'ACTIVE',
      },
    });
    ssoAdmin.on(DescribePermissionSetCommand).resolves({
      PermissionSet: {
        Name: 'DataReadOnly',
        PermissionSetArn: PERMISSION_SET_ARN,
      },
    });
    ssoAdmin
      .on(DescribeAccountAssignmentCreationStatusCommand)
      .resolves(creationStatus('SUCCEEDED'));
    identityStore.on(DescribeUserCommand).resolves({
      IdentityStoreId: IDENTITY_STORE_ID,
      UserId: USER_ID,
      UserName: 'jane.doe@example.com',
      DisplayName: 'Jane Doe',
    });
    ssoAdmin
      .on(ListAccountAssignmentsCommand)
      .resolves({ AccountAssignments: [assignment('USER', USER_ID)] });
    ssoAdmin
      .on(ListPermissionSetsProvisionedToAccountCommand)
      .resolves({ PermissionSets: [PERMISSION_SET_ARN] });
    ssoAdmin
      .on(ListPermissionSetsProvisionedToAccountCommand, {
        ProvisioningStatus: 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
      })
      .resolves({ PermissionSets: [] });
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

  describe('ASSIGNMENT_MISSING', () => {
    it('says so when the assignment was deleted after success', async () => {
      // Prepare
      ssoAdmin.on(ListAccountAssignmentsCommand).resolves({
        AccountAssignments: [assignment('GROUP', OTHER_GROUP_ID)],
      });
      identityStore.on(ListGroupMembershipsForMemberCommand).resolves({
        GroupMemberships: [
          { IdentityStoreId: IDENTITY_STORE_ID, GroupId: GROUP_ID },
        ],
      });

      // Act
      const result = await handler(aState());

      // Assess
      expect(result.verdict).toMatchObject({
        state: 'ASSIGNMENT_MISSING',
        summary: expect.stringMatching(/deleted after it succeeded\.$/),
        evidence: {
          assignmentExists: false,
          groupAccess: { assignedGroupIds: [OTHER_GROUP_ID], memberOf: [] },
        },
      });
      expect(identityStore).toHaveReceivedCommandWith(
        ListGroupMembershipsForMemberCommand,
        { IdentityStoreId: IDENTITY_STORE_ID, MemberId: { UserId: USER_ID } },
      );
      expect(ssoAdmin).not.toHaveReceivedCommand(
        ListPermissionSetsProvisionedToAccountCommand,
      );
    });

    it('says so when the user is in no assigned group', async () => {
      // Prepare
      const state = aState({
        request: aRequest({ creationRequestId: undefined }),
      });
      ssoAdmin
        .on(ListAccountAssignmentsCommand)
        .resolves({ AccountAssignments: [assignment('GROUP', GROUP_ID)] });
      identityStore
        .on(ListGroupMembershipsForMemberCommand)
        .resolves({ GroupMemberships: [] });

      // Act
      const result = await handler(state);

      // Assess
      expect(result.verdict).toMatchObject({
        state: 'ASSIGNMENT_MISSING',
        summary: expect.stringMatching(
          /not in any of the 1 assigned groups\.$/,
        ),
      });
      expect(ssoAdmin).not.toHaveReceivedCommand(
        DescribeAccountAssignmentCreationStatusCommand,
      );
    });

    it('lists no memberships when no group is assigned', async () => {
      // Prepare
      ssoAdmin
        .on(ListAccountAssignmentsCommand)
        .resolves({ AccountAssignments: [] });

      // Act
      const result = await handler(aState());

      // Assess
      expect(result.verdict).toMatchObject({
        state: 'ASSIGNMENT_MISSING',
        evidence: { groupAccess: { assignedGroupIds: [], memberOf: [] } },
      });
      expect(identityStore).not.toHaveReceivedCommand(
        ListGroupMembershipsForMemberCommand,
      );
    });

    it('does not look for group access of a group', async () => {
      // Prepare
      const principal = { type: 'GROUP' as const, id: GROUP_ID };
      identityStore
        .on(DescribeGroupCommand)
        .resolves({ IdentityStoreId: IDENTITY_STORE_ID, GroupId: GROUP_ID });
      ssoAdmin.on(DescribeAccountAssignmentCreationStatusCommand).resolves(
        creationStatus('SUCCEEDED', {
          PrincipalType: 'GROUP',
          PrincipalId: GROUP_ID,
        }),
      );
      ssoAdmin
        .on(ListAccountAssignmentsCommand)
        .resolves({ AccountAssignments: [assignment('USER', USER_ID)] });

      // Act
      const result = await handler(
        aState({ request: aRequest({ principal }) }),
      );

      // Assess
      expect(result.verdict?.state).toBe('ASSIGNMENT_MISSING');
      expect(result.verdict?.evidence).not.toHaveProperty('groupAccess');
      expect(identityStore).not.toHaveReceivedCommand(
        ListGroupMembershipsForMemberCommand,
      );
    });
  });

  it('counts membership of an assigned group as access', async () => {
    // Prepare
    ssoAdmin.on(ListAccountAssignmentsCommand).resolves({
      AccountAssignments: [
        assignment('GROUP', OTHER_GROUP_ID),
        assignment('GROUP', GROUP_ID),
      ],
    });
    identityStore
      .on(ListGroupMembershipsForMemberCommand)
      .resolvesOnce({
        GroupMemberships: [
          {
            IdentityStoreId: IDENTITY_STORE_ID,
            GroupId: 'a1b2c3d4-0000-1111-2222-333344445555',
          },
        ],
        NextToken: 'memberships-2',
      })
      .resolvesOnce({
        GroupMemberships: [
          { IdentityStoreId: IDENTITY_STORE_ID, GroupId: GROUP_ID },
        ],
      });

    // Act
    const result = await handler(aState());

    // Assess
    expect(result.verdict).toMatchObject({
      state: 'HEALTHY',
      summary: expect.stringContaining(`assigned through group ${GROUP_ID}`),
      evidence: {
        assignmentExists: false,
        groupAccess: {
          assignedGroupIds: [OTHER_GROUP_ID, GROUP_ID],
          memberOf: [GROUP_ID],
        },
      },
    });
    expect(identityStore).toHaveReceivedCommandTimes(
      ListGroupMembershipsForMemberCommand,
      2,
    );
    expect(identityStore).toHaveReceivedNthSpecificCommandWith(
      2,
      ListGroupMembershipsForMemberCommand,
      { NextToken: 'memberships-2' },
    );
  });

  it('reads the second page of the assignments', async () => {
    // Prepare
    ssoAdmin
      .on(ListAccountAssignmentsCommand)
      .resolvesOnce({
        AccountAssignments: [assignment('GROUP', GROUP_ID)],
        NextToken: 'assignments-2',
      })
      .resolvesOnce({ AccountAssignments: [assignment('USER', USER_ID)] });

    // Act
    const result = await handler(aState());

    // Assess
    expect(result.verdict?.evidence.assignmentExists).toBe(true);
    expect(ssoAdmin).toHaveReceivedNthSpecificCommandWith(
      2,
      ListAccountAssignmentsCommand,
      {
        InstanceArn: INSTANCE_ARN,
        AccountId: ACCOUNT_ID,
        PermissionSetArn: PERMISSION_SET_ARN,
        NextToken: 'assignments-2',
      },
    );
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

  it('checks only the permission set when no principal is known', async () => {
    // Prepare
    const state = aState({
      request: aRequest({ principal: undefined, creationRequestId: undefined }),
    });

    // Act
    const result = await handler(state);

    // Assess
    expect(result.verdict).toMatchObject({
      state: 'HEALTHY',
      summary: expect.stringMatching(
        /^Permission set DataReadOnly is provisioned/,
      ),
    });
    expect(identityStore).not.toHaveReceivedAnyCommand();
    expect(ssoAdmin).not.toHaveReceivedCommand(ListAccountAssignmentsCommand);
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
