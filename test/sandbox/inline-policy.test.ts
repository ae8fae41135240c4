import {
  PutInlinePolicyToPermissionSetCommand,
  SSOAdminClient,
  ValidationException,
} from '@aws-sdk/client-sso-admin';
import { type Sandbox, sampleOrg } from '../../sandbox/server/index';
import { clientConfig, useSandbox } from './support';

describe('sandbox inline policy writes', () => {
  let sandbox: Sandbox;
  let sso: SSOAdminClient;

  useSandbox({ world: sampleOrg() }, (started) => {
    sandbox = started;
    sso = new SSOAdminClient(clientConfig(started));

    return sso;
  });

  it('bumps the version, so the permission set is outdated', async () => {
    // Act
    await sso.send(
      new PutInlinePolicyToPermissionSetCommand({
        InstanceArn: sandbox.world.instanceArn,
        PermissionSetArn: sandbox.world.permissionSetArn('ReadOnlyAccess'),
        InlinePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }],
        }),
      }),
    );

    // Assess
    const readOnly = sandbox.world
      .snapshot()
      .permissionSets.find((p) => p.name === 'ReadOnlyAccess');
    expect(readOnly?.version).toBe(2);
    expect(sandbox.calls({ writes: true }).map((c) => c.operation)).toEqual([
      'PutInlinePolicyToPermissionSet',
    ]);
  });

  it.each([
    {
      case: 'over 10,240 non-whitespace bytes',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::'.padEnd(10_300, 'b'),
          },
        ],
      }),
      message:
        /^Current size of the non-whitespace characters present in the InlinePolicy Document is \d+ bytes which has exceeded the maximum limit of 10240 bytes$/,
    },
    {
      case: 'with a character above U+00FF',
      policy: '{"Version": "2012-10-17", "Statement": [], "Id": "€"}',
      message:
        /at 'inlinePolicy' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    },
  ])('refuses an inline policy $case', async ({ policy, message }) => {
    // Act & Assess
    const call = sso.send(
      new PutInlinePolicyToPermissionSetCommand({
        InstanceArn: sandbox.world.instanceArn,
        PermissionSetArn: sandbox.world.permissionSetArn('ReadOnlyAccess'),
        InlinePolicy: policy,
      }),
    );

    await expect(call).rejects.toBeInstanceOf(ValidationException);
    await expect(call).rejects.toThrow(message);
  });

  it('refuses an inline policy that is not a policy', async () => {
    // Act & Assess
    const call = sso.send(
      new PutInlinePolicyToPermissionSetCommand({
        InstanceArn: sandbox.world.instanceArn,
        PermissionSetArn: sandbox.world.permissionSetArn('AdministratorAccess'),
        InlinePolicy: '{"Statement": ',
      }),
    );

    await expect(call).rejects.toBeInstanceOf(ValidationException);
    await expect(call).rejects.toThrow('Invalid PermissionsPolicy Document');
  });
});
