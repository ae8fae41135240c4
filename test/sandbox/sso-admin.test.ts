import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountAssignmentsForPrincipalCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  paginateListPermissionSets,
  ResourceNotFoundException,
  SSOAdminClient,
  ValidationException,
} from '@aws-sdk/client-sso-admin';
import {
  SAMPLE_ORG,
  type Sandbox,
  sampleOrg,
} from '../../sandbox/server/index';
import { clientConfig, retryingConfig, useSandbox } from './support';

const world = sampleOrg({
  permissionSets: [
    {
      name: 'Bounded',
      permissionsBoundary: { customerManagedPolicy: '/boundaries/Limit' },
    },
  ],
});

describe('sandbox SSO Admin', () => {
  let sandbox: Sandbox;
  let client: SSOAdminClient;

  useSandbox({ world }, (started) => {
    sandbox = started;
    client = new SSOAdminClient(clientConfig(started));

    return client;
  });

  it('lists the instance with its identity store', async () => {
    // Act
    const output = await client.send(new ListInstancesCommand({}));

    // Assess
    expect(output.Instances).toEqual([
      expect.objectContaining({
        InstanceArn: sandbox.world.instanceArn,
        IdentityStoreId: sandbox.world.identityStoreId,
        OwnerAccountId: SAMPLE_ORG.managementAccountId,
        Status: 'ACTIVE',
      }),
    ]);
  });

  it('describes a permission set and its policies', async () => {
    // Prepare
    const target = {
      InstanceArn: sandbox.world.instanceArn,
      PermissionSetArn: sandbox.world.permissionSetArn('DataEngineer'),
    };

    // Act
    const described = await client.send(
      new DescribePermissionSetCommand(target),
    );
    const inline = await client.send(
      new GetInlinePolicyForPermissionSetCommand(target),
    );
    const managed = await client.send(
      new ListManagedPoliciesInPermissionSetCommand(target),
    );
    const references = await client.send(
      new ListCustomerManagedPolicyReferencesInPermissionSetCommand(target),
    );

    // Assess
    expect(described.PermissionSet?.Name).toBe('DataEngineer');
    expect(described.PermissionSet?.CreatedDate).toBeInstanceOf(Date);
    expect(JSON.parse(inline.InlinePolicy ?? '')).toHaveProperty('Statement');
    expect(managed.AttachedManagedPolicies).toEqual([]);
    expect(references.CustomerManagedPolicyReferences).toEqual([
      { Name: 'DataLakeAccess', Path: '/' },
    ]);
  });

  it('returns the permissions boundary, or not found without one', async () => {
    // Prepare
    const instance = { InstanceArn: sandbox.world.instanceArn };

    // Act
    const bounded = await client.send(
      new GetPermissionsBoundaryForPermissionSetCommand({
        ...instance,
        PermissionSetArn: sandbox.world.permissionSetArn('Bounded'),
      }),
    );
    const unbounded = client.send(
      new GetPermissionsBoundaryForPermissionSetCommand({
        ...instance,
        PermissionSetArn: sandbox.world.permissionSetArn('DataEngineer'),
      }),
    );

    // Assess
    expect(bounded.PermissionsBoundary).toEqual({
      CustomerManagedPolicyReference: { Name: 'Limit', Path: '/boundaries/' },
    });
    await expect(unbounded).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('lists assignments by account and by principal', async () => {
    // Prepare
    const groupId = sandbox.world.principalId({ group: 'platform-admins' });

    // Act
    const byAccount = await client.send(
      new ListAccountAssignmentsCommand({
        InstanceArn: sandbox.world.instanceArn,
        AccountId: SAMPLE_ORG.accounts.dev,
        PermissionSetArn: sandbox.world.permissionSetArn('AdministratorAccess'),
      }),
    );
    const byPrincipal = await client.send(
      new ListAccountAssignmentsForPrincipalCommand({
        InstanceArn: sandbox.world.instanceArn,
        PrincipalId: groupId,
        PrincipalType: 'GROUP',
        Filter: { AccountId: SAMPLE_ORG.accounts.prod },
      }),
    );

    // Assess
    expect(byAccount.AccountAssignments).toEqual([
      {
        AccountId: SAMPLE_ORG.accounts.dev,
        PermissionSetArn: sandbox.world.permissionSetArn('AdministratorAccess'),
        PrincipalType: 'GROUP',
        PrincipalId: groupId,
      },
    ]);
    expect(byPrincipal.AccountAssignments?.map((a) => a.AccountId)).toEqual([
      SAMPLE_ORG.accounts.prod,
    ]);
  });

  it('refuses a malformed account id as AWS validates it', async () => {
    // Act & Assess
    const call = client.send(
      new ListAccountAssignmentsCommand({
        InstanceArn: sandbox.world.instanceArn,
        AccountId: 'x23456789012',
        PermissionSetArn: sandbox.world.permissionSetArn('AdministratorAccess'),
      }),
    );

    await expect(call).rejects.toBeInstanceOf(ValidationException);
    await expect(call).rejects.toThrow(
      "1 validation error detected: Value 'x23456789012' at 'accountId' failed to satisfy constraint: Member must satisfy regular expression pattern: \\d{12}",
    );
  });

  it('lists every broken constraint of a request', async () => {
    // Act & Assess
    await expect(
      client.send(
        new ListPermissionSetsCommand({
          InstanceArn: 'arn:aws:sso:::instance/nope',
          MaxResults: 0,
        }),
      ),
    ).rejects.toThrow(
      "2 validation errors detected: Value 'arn:aws:sso:::instance/nope' at 'instanceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}; Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it('answers ResourceNotFoundException for an unknown permission set', async () => {
    // Prepare
    const instanceId = sandbox.world.instanceArn.split('/')[1];
    const unknown = `arn:aws:sso:::permissionSet/${instanceId}/ps-0000000000000000`;

    // Act & Assess
    await expect(
      client.send(
        new DescribePermissionSetCommand({
          InstanceArn: sandbox.world.instanceArn,
          PermissionSetArn: unknown,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('pages permission sets with opaque tokens', async () => {
    // Act
    const pages: string[][] = [];
    for await (const page of paginateListPermissionSets(
      { client, pageSize: 2 },
      { InstanceArn: sandbox.world.instanceArn },
    )) {
      pages.push(page.PermissionSets ?? []);
    }

    // Assess
    expect(pages.map((p) => p.length)).toEqual([2, 2]);
    expect(new Set(pages.flat()).size).toBe(4);
    expect(
      sandbox.calls({ operation: 'ListPermissionSets' })[1]?.input,
    ).toEqual(
      expect.objectContaining({
        NextToken: expect.stringMatching(/^[-a-zA-Z0-9+=/_]+$/),
      }),
    );
  });

  it('refuses a token from another list', async () => {
    // Prepare
    const first = await client.send(
      new ListPermissionSetsCommand({
        InstanceArn: sandbox.world.instanceArn,
        MaxResults: 1,
      }),
    );

    // Act & Assess
    await expect(
      client.send(
        new ListManagedPoliciesInPermissionSetCommand({
          InstanceArn: sandbox.world.instanceArn,
          PermissionSetArn: sandbox.world.permissionSetArn(
            'AdministratorAccess',
          ),
          NextToken: first.NextToken,
        }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
  });

  it('retries a throttled call, which then succeeds', async () => {
    // Prepare
    const retrying = new SSOAdminClient(retryingConfig(sandbox));
    sandbox.injectFault({ operation: 'ListInstances', fault: 'THROTTLING' });

    // Act
    const output = await retrying.send(new ListInstancesCommand({}));

    // Assess
    const calls = sandbox.calls({ operation: 'ListInstances' });
    expect(output.Instances).toHaveLength(1);
    expect(output.$metadata.attempts).toBe(2);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      errorCode: 'ThrottlingException',
      httpStatus: 400,
    });
    retrying.destroy();
  });
});
