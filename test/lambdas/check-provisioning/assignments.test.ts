import {
  DescribeGroupCommand,
  IdentitystoreClient,
  ListGroupMembershipsForMemberCommand,
} from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import {
  DescribeAccountAssignmentCreationStatusCommand,
  ListAccountAssignmentsCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { handler } from '../../../lambdas/check-provisioning/index';
import {
  ACCOUNT_ID,
  aRequest,
  aState,
  GROUP_ID,
  IDENTITY_STORE_ID,
  INSTANCE_ARN,
  OTHER_GROUP_ID,
  PERMISSION_SET_ARN,
  USER_ID,
} from '../core/workflow-fixtures';
import { assignment, creationStatus, givenHealthyAssignment } from './support';

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
});
