import {
  DescribeGroupCommand,
  DescribeUserCommand,
  IdentitystoreClient,
  ListGroupMembershipsCommand,
  ListGroupMembershipsForMemberCommand,
  ListGroupsCommand,
  paginateListUsers,
  ResourceNotFoundException,
  ValidationException,
} from '@aws-sdk/client-identitystore';
import { type Sandbox, sampleOrg } from '../../sandbox/server/index';
import { clientConfig, retryingConfig, useSandbox } from './support';

describe('sandbox Identity Store', () => {
  let sandbox: Sandbox;
  let client: IdentitystoreClient;

  useSandbox({ world: sampleOrg() }, (started) => {
    sandbox = started;
    client = new IdentitystoreClient(clientConfig(started));

    return client;
  });

  it('describes a user and a group', async () => {
    // Prepare
    const IdentityStoreId = sandbox.world.identityStoreId;

    // Act
    const user = await client.send(
      new DescribeUserCommand({
        IdentityStoreId,
        UserId: sandbox.world.principalId({ user: 'alice' }),
      }),
    );
    const group = await client.send(
      new DescribeGroupCommand({
        IdentityStoreId,
        GroupId: sandbox.world.principalId({ group: 'data-engineers' }),
      }),
    );

    // Assess
    expect(user).toMatchObject({ UserName: 'alice', DisplayName: 'Alice Doe' });
    expect(user.Emails?.[0]?.Value).toBe('alice@example.com');
    expect(group.DisplayName).toBe('data-engineers');
  });

  it('lists memberships of a user and of a group', async () => {
    // Prepare
    const IdentityStoreId = sandbox.world.identityStoreId;
    const UserId = sandbox.world.principalId({ user: 'bob' });
    const GroupId = sandbox.world.principalId({ group: 'data-engineers' });

    // Act
    const ofUser = await client.send(
      new ListGroupMembershipsForMemberCommand({
        IdentityStoreId,
        MemberId: { UserId },
      }),
    );
    const ofGroup = await client.send(
      new ListGroupMembershipsCommand({ IdentityStoreId, GroupId }),
    );

    // Assess
    expect(ofUser.GroupMemberships?.map((m) => m.GroupId)).toEqual([GroupId]);
    expect(ofGroup.GroupMemberships?.map((m) => m.MemberId)).toEqual([
      { UserId },
    ]);
  });

  it('filters groups by display name', async () => {
    // Act
    const output = await client.send(
      new ListGroupsCommand({
        IdentityStoreId: sandbox.world.identityStoreId,
        Filters: [
          { AttributePath: 'DisplayName', AttributeValue: 'platform-admins' },
        ],
      }),
    );

    // Assess
    expect(output.Groups?.map((g) => g.DisplayName)).toEqual([
      'platform-admins',
    ]);
  });

  it('refuses a malformed user id with ValidationException', async () => {
    // Act & Assess
    const call = client.send(
      new DescribeUserCommand({
        IdentityStoreId: sandbox.world.identityStoreId,
        UserId: 'alice',
      }),
    );

    await expect(call).rejects.toBeInstanceOf(ValidationException);
    await expect(call).rejects.toThrow(
      "1 validation error detected: Value 'alice' at 'userId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}",
    );
  });

  it('answers ResourceNotFoundException for an unknown user', async () => {
    // Prepare
    const UserId = '00000000-0000-0000-0000-000000000000';

    // Act & Assess
    const call = client.send(
      new DescribeUserCommand({
        IdentityStoreId: sandbox.world.identityStoreId,
        UserId,
      }),
    );

    await expect(call).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(call).rejects.toMatchObject({
      ResourceType: 'USER',
      ResourceId: UserId,
    });
  });

  it('pages users two at a time', async () => {
    // Act
    const pages: string[][] = [];
    for await (const page of paginateListUsers(
      { client, pageSize: 2 },
      { IdentityStoreId: sandbox.world.identityStoreId },
    )) {
      pages.push((page.Users ?? []).map((u) => u.UserName ?? ''));
    }

    // Assess
    expect(pages).toEqual([['alice', 'bob'], ['carol']]);
  });

  it('retries a throttled call, which then succeeds', async () => {
    // Prepare
    const retrying = new IdentitystoreClient(retryingConfig(sandbox));
    sandbox.injectFault({
      service: 'identitystore',
      operation: 'DescribeGroup',
      fault: 'THROTTLING',
    });

    // Act
    const output = await retrying.send(
      new DescribeGroupCommand({
        IdentityStoreId: sandbox.world.identityStoreId,
        GroupId: sandbox.world.principalId({ group: 'platform-admins' }),
      }),
    );

    // Assess
    expect(output.DisplayName).toBe('platform-admins');
    expect(
      sandbox.calls({ operation: 'DescribeGroup' }).map((c) => c.httpStatus),
    ).toEqual([429, 200]);
    retrying.destroy();
  });
});
