import {
  ListInstancesCommand,
  ProvisionPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { type Sandbox, sampleOrg } from '../../sandbox/server/index';
import { clientConfig, control, useSandbox } from './support';

describe('sandbox control routes', () => {
  let sandbox: Sandbox;
  let client: SSOAdminClient;

  useSandbox({ world: sampleOrg() }, (started) => {
    sandbox = started;
    client = new SSOAdminClient(clientConfig(started));

    return client;
  });

  it('refuses a request body over 5 MB with 413', async () => {
    // Prepare
    const body = JSON.stringify({ padding: 'x'.repeat(5 * 1024 * 1024) });

    // Act
    const response = await fetch(sandbox.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'SWBExternalService.ListInstances',
      },
      body,
    });

    // Assess
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      __type: 'RequestEntityTooLarge',
    });
    expect(sandbox.calls()).toHaveLength(0);
  });

  it('serves recorded calls, filtered to writes', async () => {
    // Prepare
    await client.send(new ListInstancesCommand({}));
    await client.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: sandbox.world.instanceArn,
        PermissionSetArn: sandbox.world.permissionSetArn('AdministratorAccess'),
        TargetType: 'AWS_ACCOUNT',
        TargetId: '444455556666',
      }),
    );

    // Act
    const all = await control(sandbox, 'GET', '/_sandbox/calls');
    const writes = await control(sandbox, 'GET', '/_sandbox/calls?writes=true');

    // Assess
    expect(all.json).toHaveLength(2);
    expect(writes.json).toEqual([
      expect.objectContaining({
        seq: 2,
        service: 'sso-admin',
        operation: 'ProvisionPermissionSet',
        write: true,
      }),
    ]);
  });

  it('injects a fault sent over HTTP', async () => {
    // Act
    const injected = await control(sandbox, 'POST', '/_sandbox/faults', {
      operation: 'ListInstances',
      fault: 'THROTTLING',
    });

    // Assess
    expect(injected.status).toBe(200);
    await expect(
      client.send(new ListInstancesCommand({})),
    ).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
  });

  it.each([
    {
      case: 'a fault without a kind',
      path: '/_sandbox/faults',
      body: { operation: 'X' },
    },
    {
      case: 'an unknown fault kind',
      path: '/_sandbox/faults',
      body: { operation: 'X', fault: 'FLOOD' },
    },
    {
      case: 'a negative advance',
      path: '/_sandbox/advance',
      body: { seconds: -1 },
    },
  ])('refuses $case with a message', async ({ path, body }) => {
    // Act
    const { status, json } = await control(sandbox, 'POST', path, body);

    // Assess
    expect(status).toBe(400);
    expect(json).toEqual({ message: expect.any(String) });
  });

  it('advances simulated time and shows the world', async () => {
    // Act
    await control(sandbox, 'POST', '/_sandbox/advance', { seconds: 300 });
    const { json } = await control(sandbox, 'GET', '/_sandbox/world');

    // Assess
    expect(json).toMatchObject({
      instanceArn: sandbox.world.instanceArn,
      simulatedSeconds: expect.any(Number),
    });
    expect(
      (json as { simulatedSeconds: number }).simulatedSeconds,
    ).toBeGreaterThanOrEqual(300);
  });

  it('resets calls, messages, faults and time', async () => {
    // Prepare
    await client.send(new ListInstancesCommand({}));
    sandbox.injectFault({ operation: 'ListInstances', fault: 'THROTTLING' });
    sandbox.advance(100);

    // Act
    const { status } = await control(sandbox, 'POST', '/_sandbox/reset');

    // Assess
    expect(status).toBe(200);
    expect(sandbox.calls()).toEqual([]);
    expect(sandbox.clock.elapsedSeconds()).toBeLessThan(100);
    await expect(
      client.send(new ListInstancesCommand({})),
    ).resolves.toBeDefined();
  });

  it('answers 404 for a route it does not know', async () => {
    // Act
    const response = await fetch(`${sandbox.url}/nothing-here`);

    // Assess
    expect(response.status).toBe(404);
  });
});
