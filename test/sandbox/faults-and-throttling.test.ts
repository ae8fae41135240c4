import {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  ListInstancesCommand,
  SSOAdminClient,
  ThrottlingException,
} from '@aws-sdk/client-sso-admin';
import {
  type Sandbox,
  sampleOrg,
  startSandbox,
} from '../../sandbox/server/index';
import { clientConfig, retryingConfig, useSandbox } from './support';

describe('sandbox faults and throttling', () => {
  let sandbox: Sandbox;
  let client: SSOAdminClient;

  useSandbox({ world: sampleOrg() }, (started) => {
    sandbox = started;
    client = new SSOAdminClient(clientConfig(started));

    return client;
  });

  it.each([
    {
      case: 'THROTTLING',
      fault: 'THROTTLING',
      error: ThrottlingException,
      status: 400,
    },
    {
      case: 'CONFLICT',
      fault: 'CONFLICT',
      error: ConflictException,
      status: 400,
    },
    {
      case: 'INTERNAL_ERROR',
      fault: 'INTERNAL_ERROR',
      error: InternalServerException,
      status: 500,
    },
    {
      case: 'ACCESS_DENIED',
      fault: 'ACCESS_DENIED',
      error: AccessDeniedException,
      status: 403,
    },
  ] as const)(
    'answers an injected $case with the SDK error class',
    async ({ fault, error, status }) => {
      // Prepare
      sandbox.injectFault({ operation: 'ListInstances', fault });

      // Act & Assess
      const call = client.send(new ListInstancesCommand({}));

      await expect(call).rejects.toBeInstanceOf(error);
      await expect(call).rejects.toMatchObject({
        $metadata: { httpStatusCode: status },
      });
    },
  );

  it('uses up a fault after the number of calls it was given', async () => {
    // Prepare
    sandbox.injectFault({
      operation: 'ListInstances',
      fault: 'CONFLICT',
      times: 2,
    });

    // Act
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(
        await client.send(new ListInstancesCommand({})).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      );
    }

    // Assess
    expect(outcomes).toEqual(['ConflictException', 'ConflictException', 'ok']);
  });

  it('does not retry a conflict, as the SDK classifies it a client error', async () => {
    // Prepare
    const retrying = new SSOAdminClient(retryingConfig(sandbox));
    sandbox.injectFault({ operation: 'ListInstances', fault: 'CONFLICT' });

    // Act
    const call = retrying.send(new ListInstancesCommand({}));

    // Assess
    await expect(call).rejects.toBeInstanceOf(ConflictException);
    expect(sandbox.calls({ operation: 'ListInstances' })).toHaveLength(1);
    retrying.destroy();
  });

  it('retries an internal error, a transient server fault', async () => {
    // Prepare
    const retrying = new SSOAdminClient(retryingConfig(sandbox));
    sandbox.injectFault({
      operation: 'ListInstances',
      fault: 'INTERNAL_ERROR',
      times: 2,
    });

    // Act
    const output = await retrying.send(new ListInstancesCommand({}));

    // Assess
    expect(output.$metadata.attempts).toBe(3);
    expect(sandbox.calls({ failed: true })).toHaveLength(2);
    retrying.destroy();
  });

  it('delays an answer by the injected time', async () => {
    // Prepare
    sandbox.injectFault({
      operation: 'ListInstances',
      fault: 'DELAY',
      delayMs: 150,
    });
    const started = Date.now();

    // Act
    await client.send(new ListInstancesCommand({}));

    // Assess
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('throttles Identity Center calls beyond the collective rate', async () => {
    // Prepare
    const limited = await startSandbox({
      world: sampleOrg(),
      throttling: { identityCenterTps: 0.1, burst: 5 },
    });
    const limitedClient = new SSOAdminClient(clientConfig(limited));

    // Act
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        limitedClient.send(new ListInstancesCommand({})).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      ),
    );

    // Assess
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'ThrottlingException')).toHaveLength(3);
    limitedClient.destroy();
    await limited.close();
  });

  it('lets every call through when throttling is off', async () => {
    // Prepare
    const open = await startSandbox({ world: sampleOrg(), throttling: false });
    const openClient = new SSOAdminClient(clientConfig(open));

    // Act
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () =>
        openClient.send(new ListInstancesCommand({})).then(() => 'ok'),
      ),
    );

    // Assess
    expect(outcomes).toHaveLength(40);
    expect(open.calls({ failed: true })).toEqual([]);
    openClient.destroy();
    await open.close();
  });
});
