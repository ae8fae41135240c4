import {
  CreateAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  ProvisionPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import {
  SAMPLE_ORG,
  type Sandbox,
  sampleOrg,
  type WorldDefinition,
} from '../../sandbox/server/index';
import { clientConfig, useSandbox } from './support';

const GHOST_GROUP = '9a1b2c3d-0000-4000-8000-00000000beef';

const world: WorldDefinition = sampleOrg({
  managementAccountIamDenied: true,
  accounts: [
    { id: '222233334444', name: 'suspended', state: 'SUSPENDED' },
    { id: '333344445555', name: 'full', iamRoleQuotaReached: true },
  ],
  permissionSets: [
    {
      name: 'Bounded',
      permissionsBoundary: { customerManagedPolicy: '/boundaries/Limit' },
    },
    {
      name: 'Broken',
      inlinePolicy:
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}',
    },
  ],
});

describe('sandbox failure reasons', () => {
  let sandbox: Sandbox;
  let client: SSOAdminClient;

  const createAndWait = async (
    account: string,
    permissionSet: string,
    principal: { PrincipalType: 'USER' | 'GROUP'; PrincipalId: string },
  ) => {
    const created = await client.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: sandbox.world.instanceArn,
        TargetId: account,
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: sandbox.world.permissionSetArn(permissionSet),
        ...principal,
      }),
    );
    sandbox.advance(10);
    const { AccountAssignmentCreationStatus } = await client.send(
      new DescribeAccountAssignmentCreationStatusCommand({
        InstanceArn: sandbox.world.instanceArn,
        AccountAssignmentCreationRequestId:
          created.AccountAssignmentCreationStatus?.RequestId,
      }),
    );

    return AccountAssignmentCreationStatus;
  };

  useSandbox({ world }, (started) => {
    sandbox = started;
    client = new SSOAdminClient(clientConfig(started));

    return client;
  });

  it.each([
    {
      case: 'a customer managed policy missing in the account',
      account: SAMPLE_ORG.accounts.prod,
      permissionSet: 'DataEngineer',
      expected:
        /^Received a 404 status error: Not supported policy .*DataLakeAccess/,
    },
    {
      case: 'a permissions boundary policy missing in the account',
      account: SAMPLE_ORG.accounts.dev,
      permissionSet: 'Bounded',
      expected:
        /^Received a 404 status error: Not supported policy .*\/boundaries\/Limit/,
    },
    {
      case: 'a suspended account',
      account: '222233334444',
      permissionSet: 'ReadOnlyAccess',
      expected:
        /^AWS SSO is unable to complete your request at this time\. Obtaining permissions to manage your AWS account '222233334444' takes longer than usual\./,
    },
    {
      case: 'the management account without IAM permissions',
      account: SAMPLE_ORG.managementAccountId,
      permissionSet: 'ReadOnlyAccess',
      expected:
        /^Received a 403 status error: Access denied by IAM\. Please check your policy, or wait for role propagation to complete\. IAM Error: User: arn:/,
    },
    {
      case: 'an inline policy IAM refuses',
      account: SAMPLE_ORG.accounts.dev,
      permissionSet: 'Broken',
      expected: /^Received a 400 status error: MalformedPolicyDocument: /,
    },
    {
      case: 'an account at its IAM roles quota',
      account: '333344445555',
      permissionSet: 'ReadOnlyAccess',
      expected: /LimitExceeded: Cannot exceed quota for RolesPerAccount/,
    },
  ])(
    'fails creation with AWS wording for $case',
    async ({ account, permissionSet, expected }) => {
      // Act
      const status = await createAndWait(account, permissionSet, {
        PrincipalType: 'USER',
        PrincipalId: sandbox.world.principalId({ user: 'carol' }),
      });

      // Assess
      expect(status?.Status).toBe('FAILED');
      expect(status?.FailureReason).toMatch(expected);
    },
  );

  it('fails creation for a group missing from the identity store', async () => {
    // Act
    const status = await createAndWait(
      SAMPLE_ORG.accounts.dev,
      'ReadOnlyAccess',
      {
        PrincipalType: 'GROUP',
        PrincipalId: GHOST_GROUP,
      },
    );

    // Assess
    expect(status?.FailureReason).toBe(
      `Received a 404 status error: the GROUP assignee ${GHOST_GROUP} ` +
        `was not found in directory ${sandbox.world.identityStoreId}`,
    );
  });

  it('fails provisioning to a suspended account with its id', async () => {
    // Prepare
    const provisioned = await client.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: sandbox.world.instanceArn,
        PermissionSetArn: sandbox.world.permissionSetArn('AdministratorAccess'),
        TargetType: 'AWS_ACCOUNT',
        TargetId: '222233334444',
      }),
    );
    sandbox.advance(15);

    // Act
    const { PermissionSetProvisioningStatus } = await client.send(
      new DescribePermissionSetProvisioningStatusCommand({
        InstanceArn: sandbox.world.instanceArn,
        ProvisionPermissionSetRequestId:
          provisioned.PermissionSetProvisioningStatus?.RequestId,
      }),
    );

    // Assess
    expect(PermissionSetProvisioningStatus).toMatchObject({
      Status: 'FAILED',
      AccountId: '222233334444',
      FailureReason: expect.stringContaining("your AWS account '222233334444'"),
    });
  });
});
