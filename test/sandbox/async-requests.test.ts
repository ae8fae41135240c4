import {
  CreateAccountAssignmentCommand,
  DeleteAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  ListAccountAssignmentCreationStatusCommand,
  ListAccountAssignmentsCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ProvisionPermissionSetCommand,
  SSOAdminClient,
  ThrottlingException,
} from '@aws-sdk/client-sso-admin';
import {
  failureReasons,
  SAMPLE_ORG,
  type Sandbox,
  sampleOrg,
  startSandbox,
} from '../../sandbox/server/index';
import { clientConfig, useSandbox } from './support';

describe('sandbox asynchronous requests', () => {
  let sandbox: Sandbox;
  let client: SSOAdminClient;

  const create = (account: string, permissionSet: string, user: string) =>
    client.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: sandbox.world.instanceArn,
        TargetId: account,
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: sandbox.world.permissionSetArn(permissionSet),
        PrincipalType: 'USER',
        PrincipalId: sandbox.world.principalId({ user }),
      }),
    );

  const creationStatus = async (requestId: string) =>
    (
      await client.send(
        new DescribeAccountAssignmentCreationStatusCommand({
          InstanceArn: sandbox.world.instanceArn,
          AccountAssignmentCreationRequestId: requestId,
        }),
      )
    ).AccountAssignmentCreationStatus;

  useSandbox({ world: sampleOrg() }, (started) => {
    sandbox = started;
    client = new SSOAdminClient(clientConfig(started));

    return client;
  });

  it('keeps a creation in progress until its delay has passed', async () => {
    // Prepare
    const created = await create(
      SAMPLE_ORG.accounts.prod,
      'ReadOnlyAccess',
      'carol',
    );
    const requestId = created.AccountAssignmentCreationStatus?.RequestId ?? '';

    // Act
    const before = await creationStatus(requestId);
    sandbox.advance(10);
    const after = await creationStatus(requestId);

    // Assess
    expect(created.AccountAssignmentCreationStatus?.Status).toBe('IN_PROGRESS');
    expect(before?.Status).toBe('IN_PROGRESS');
    expect(after?.Status).toBe('SUCCEEDED');
    expect(after?.FailureReason).toBeUndefined();
  });

  it('provisions the permission set when the creation succeeds', async () => {
    // Prepare
    await create(SAMPLE_ORG.accounts.prod, 'ReadOnlyAccess', 'carol');
    sandbox.advance(10);

    // Act
    const assignments = await client.send(
      new ListAccountAssignmentsCommand({
        InstanceArn: sandbox.world.instanceArn,
        AccountId: SAMPLE_ORG.accounts.prod,
        PermissionSetArn: sandbox.world.permissionSetArn('ReadOnlyAccess'),
      }),
    );
    const current = await client.send(
      new ListPermissionSetsProvisionedToAccountCommand({
        InstanceArn: sandbox.world.instanceArn,
        AccountId: SAMPLE_ORG.accounts.prod,
        ProvisioningStatus: 'LATEST_PERMISSION_SET_PROVISIONED',
      }),
    );

    // Assess
    expect(assignments.AccountAssignments?.map((a) => a.PrincipalId)).toEqual([
      sandbox.world.principalId({ user: 'carol' }),
    ]);
    expect(current.PermissionSets).toContain(
      sandbox.world.permissionSetArn('ReadOnlyAccess'),
    );
  });

  it('runs time faster with a larger time scale', async () => {
    // Prepare
    const fast = await startSandbox({ world: sampleOrg(), timeScale: 1000 });
    const fastClient = new SSOAdminClient(clientConfig(fast));
    const created = await fastClient.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: fast.world.instanceArn,
        PermissionSetArn: fast.world.permissionSetArn('AdministratorAccess'),
        TargetType: 'AWS_ACCOUNT',
        TargetId: SAMPLE_ORG.accounts.dev,
      }),
    );

    // Act
    await new Promise((resolve) => setTimeout(resolve, 30));
    const status = await fastClient.send(
      new DescribePermissionSetProvisioningStatusCommand({
        InstanceArn: fast.world.instanceArn,
        ProvisionPermissionSetRequestId:
          created.PermissionSetProvisioningStatus?.RequestId,
      }),
    );

    // Assess
    expect(status.PermissionSetProvisioningStatus?.Status).toBe('SUCCEEDED');
    fastClient.destroy();
    await fast.close();
  });

  it('refuses an eleventh outstanding creation, and accepts it later', async () => {
    // Prepare
    for (let i = 0; i < 10; i++) {
      await create(SAMPLE_ORG.accounts.prod, 'ReadOnlyAccess', 'carol');
    }

    // Act
    const eleventh = create(
      SAMPLE_ORG.accounts.prod,
      'ReadOnlyAccess',
      'carol',
    );
    await expect(eleventh).rejects.toBeInstanceOf(ThrottlingException);
    sandbox.advance(10);
    const later = await create(
      SAMPLE_ORG.accounts.prod,
      'ReadOnlyAccess',
      'carol',
    );

    // Assess
    await expect(eleventh).rejects.toThrow(
      'There are too many requests processing. Please try again later.',
    );
    expect(later.AccountAssignmentCreationStatus?.Status).toBe('IN_PROGRESS');
  });

  it('lists creation requests filtered by status', async () => {
    // Prepare
    await create(SAMPLE_ORG.accounts.prod, 'ReadOnlyAccess', 'carol');
    sandbox.advance(10);
    await create(SAMPLE_ORG.accounts.dev, 'ReadOnlyAccess', 'carol');

    // Act
    const inProgress = await client.send(
      new ListAccountAssignmentCreationStatusCommand({
        InstanceArn: sandbox.world.instanceArn,
        Filter: { Status: 'IN_PROGRESS' },
      }),
    );

    // Assess
    expect(inProgress.AccountAssignmentsCreationStatus).toHaveLength(1);
  });

  it('fails deleting an assignment that does not exist', async () => {
    // Prepare
    const deleted = await client.send(
      new DeleteAccountAssignmentCommand({
        InstanceArn: sandbox.world.instanceArn,
        TargetId: SAMPLE_ORG.accounts.prod,
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: sandbox.world.permissionSetArn('DataEngineer'),
        PrincipalType: 'USER',
        PrincipalId: sandbox.world.principalId({ user: 'alice' }),
      }),
    );
    sandbox.advance(10);

    // Act
    const status = await client.send(
      new DescribeAccountAssignmentDeletionStatusCommand({
        InstanceArn: sandbox.world.instanceArn,
        AccountAssignmentDeletionRequestId:
          deleted.AccountAssignmentDeletionStatus?.RequestId,
      }),
    );

    // Assess
    expect(status.AccountAssignmentDeletionStatus?.Status).toBe('FAILED');
    expect(status.AccountAssignmentDeletionStatus?.FailureReason).toMatch(
      /^Received a 404 status error: EntitlementItem doesn't exist with the given entitlement key EntitlementKey\{/,
    );
  });

  it('answers ResourceNotFoundException for an unknown request id', async () => {
    // Act & Assess
    await expect(
      creationStatus('00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('exposes the verbatim failure reasons for scenarios', () => {
    // Act
    const text = failureReasons.accountUnavailable('908123456781');

    // Assess
    expect(text).toBe(
      "AWS SSO is unable to complete your request at this time. Obtaining permissions to manage your AWS account '908123456781' takes longer than usual. Please try again in a few minutes. If this problem continues, contact AWS Support.",
    );
  });
});
