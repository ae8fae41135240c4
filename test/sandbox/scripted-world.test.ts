import {
  IdentitystoreClient,
  ListGroupMembershipsForMemberCommand,
} from '@aws-sdk/client-identitystore';
import {
  DescribeAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  ConflictException,
  DescribePermissionSetProvisioningStatusCommand,
  ListAccountAssignmentsCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ProvisionPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import {
  SAMPLE_ORG,
  type Sandbox,
  sampleOrg,
} from '../../sandbox/server/index';
import { clientConfig, useSandbox } from './support';

const { dev, prod } = SAMPLE_ORG.accounts;

const world = sampleOrg({
  accounts: [
    {
      id: '222233334444',
      name: 'new',
      state: 'PENDING_ACTIVATION',
      activatesAfterSeconds: 120,
    },
  ],
  asyncFailures: [{ operation: 'PROVISIONING', account: 'prod', times: 1 }],
  events: [
    {
      atSeconds: 30,
      deleteAssignment: {
        account: 'dev',
        permissionSet: 'DataEngineer',
        group: 'data-engineers',
      },
    },
    {
      atSeconds: 40,
      removeMember: { group: 'platform-admins', user: 'alice' },
    },
  ],
});

describe('sandbox scripted world', () => {
  let sandbox: Sandbox;
  let sso: SSOAdminClient;

  const provision = (permissionSet: string, accountId?: string) =>
    sso.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: sandbox.world.instanceArn,
        PermissionSetArn: sandbox.world.permissionSetArn(permissionSet),
        TargetType: accountId ? 'AWS_ACCOUNT' : 'ALL_PROVISIONED_ACCOUNTS',
        TargetId: accountId,
      }),
    );

  const provisioning = async (requestId: string | undefined) =>
    (
      await sso.send(
        new DescribePermissionSetProvisioningStatusCommand({
          InstanceArn: sandbox.world.instanceArn,
          ProvisionPermissionSetRequestId: requestId,
        }),
      )
    ).PermissionSetProvisioningStatus;

  const provisionedTo = async (
    accountId: string,
    filter:
      | 'LATEST_PERMISSION_SET_PROVISIONED'
      | 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
  ) =>
    (
      await sso.send(
        new ListPermissionSetsProvisionedToAccountCommand({
          InstanceArn: sandbox.world.instanceArn,
          AccountId: accountId,
          ProvisioningStatus: filter,
        }),
      )
    ).PermissionSets ?? [];

  useSandbox({ world }, (started) => {
    sandbox = started;
    sso = new SSOAdminClient(clientConfig(started));

    return sso;
  });

  it('shows an edited permission set as not provisioned at its latest version', async () => {
    // Prepare
    const arn = sandbox.world.permissionSetArn('AdministratorAccess');

    // Act
    await sso.send(
      new PutInlinePolicyToPermissionSetCommand({
        InstanceArn: sandbox.world.instanceArn,
        PermissionSetArn: arn,
        InlinePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }],
        }),
      }),
    );

    // Assess
    expect(
      await provisionedTo(dev, 'LATEST_PERMISSION_SET_NOT_PROVISIONED'),
    ).toEqual([arn]);
    expect(
      await provisionedTo(dev, 'LATEST_PERMISSION_SET_PROVISIONED'),
    ).not.toContain(arn);
    const outdated = await sso.send(
      new ListAccountsForProvisionedPermissionSetCommand({
        InstanceArn: sandbox.world.instanceArn,
        PermissionSetArn: arn,
        ProvisioningStatus: 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
      }),
    );
    expect(outdated.AccountIds).toEqual([dev, prod]);
  });

  it('brings every provisioned account up to date with ALL_PROVISIONED_ACCOUNTS', async () => {
    // Prepare
    sandbox.apply({
      putInlinePolicy: {
        permissionSet: 'DataEngineer',
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' },
          ],
        },
      },
    });
    const started = await provision('DataEngineer');

    // Act
    sandbox.advance(15);
    const status = await provisioning(
      started.PermissionSetProvisioningStatus?.RequestId,
    );

    // Assess
    expect(status?.Status).toBe('SUCCEEDED');
    expect(status?.AccountId).toBeUndefined();
    expect(
      await provisionedTo(dev, 'LATEST_PERMISSION_SET_NOT_PROVISIONED'),
    ).toEqual([]);
  });

  it('fails the first provisioning transiently and succeeds the next', async () => {
    // Act
    const first = await provision('AdministratorAccess', prod);
    sandbox.advance(15);
    const second = await provision('AdministratorAccess', prod);
    sandbox.advance(15);

    // Assess
    expect(
      await provisioning(first.PermissionSetProvisioningStatus?.RequestId),
    ).toMatchObject({
      Status: 'FAILED',
      FailureReason: 'An unexpected internal service exception was encountered',
    });
    expect(
      (await provisioning(second.PermissionSetProvisioningStatus?.RequestId))
        ?.Status,
    ).toBe('SUCCEEDED');
  });

  it('answers ConflictException to a second provisioning in progress', async () => {
    // Prepare
    await provision('AdministratorAccess', dev);

    // Act & Assess
    await expect(provision('AdministratorAccess', dev)).rejects.toBeInstanceOf(
      ConflictException,
    );
  });

  it('activates a pending account after its declared delay', async () => {
    // Prepare
    const organizations = new OrganizationsClient(clientConfig(sandbox));
    const describe = async () =>
      (
        await organizations.send(
          new DescribeAccountCommand({ AccountId: '222233334444' }),
        )
      ).Account?.State;

    // Act
    const before = await describe();
    sandbox.advance(120);
    const after = await describe();

    // Assess
    expect(before).toBe('PENDING_ACTIVATION');
    expect(after).toBe('ACTIVE');
    organizations.destroy();
  });

  it('deletes an assignment and removes a member at their scripted times', async () => {
    // Prepare
    const identity = new IdentitystoreClient(clientConfig(sandbox));
    const assignments = async () =>
      (
        await sso.send(
          new ListAccountAssignmentsCommand({
            InstanceArn: sandbox.world.instanceArn,
            AccountId: dev,
            PermissionSetArn: sandbox.world.permissionSetArn('DataEngineer'),
          }),
        )
      ).AccountAssignments ?? [];
    const aliceGroups = async () =>
      (
        await identity.send(
          new ListGroupMembershipsForMemberCommand({
            IdentityStoreId: sandbox.world.identityStoreId,
            MemberId: { UserId: sandbox.world.principalId({ user: 'alice' }) },
          }),
        )
      ).GroupMemberships ?? [];

    // Act
    const before = {
      assignments: await assignments(),
      groups: await aliceGroups(),
    };
    sandbox.advance(45);
    const after = {
      assignments: await assignments(),
      groups: await aliceGroups(),
    };

    // Assess
    expect(before.assignments).toHaveLength(1);
    expect(before.groups).toHaveLength(1);
    expect(after.assignments).toEqual([]);
    expect(after.groups).toEqual([]);
    expect(
      await provisionedTo(dev, 'LATEST_PERMISSION_SET_PROVISIONED'),
    ).not.toContain(sandbox.world.permissionSetArn('DataEngineer'));
    identity.destroy();
  });
});
