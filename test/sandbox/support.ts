import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import {
  type Sandbox,
  type StartSandboxOptions,
  startSandbox,
} from '../../sandbox/server/index';

/**
 * Client settings that reach a sandbox: its endpoint, dummy credentials,
 * one attempt (the suite default).
 */
export const clientConfig = (sandbox: Sandbox) => ({
  endpoint: sandbox.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
});

/** The same, with three attempts 10 ms apart, to watch the SDK retry. */
export const retryingConfig = (sandbox: Sandbox) => ({
  ...clientConfig(sandbox),
  maxAttempts: 3,
  retryStrategy: new ConfiguredRetryStrategy(3, 10),
});

/**
 * One sandbox for a suite: starts it before the first test and hands it to
 * `connect`, which keeps it and returns the suite's client; resets it
 * after each test; destroys the client and closes it after the last.
 *
 * @example
 * let sandbox: Sandbox;
 * let client: SSOAdminClient;
 *
 * useSandbox({ world: sampleOrg() }, (started) => {
 *   sandbox = started;
 *   client = new SSOAdminClient(clientConfig(started));
 *
 *   return client;
 * });
 */
export const useSandbox = (
  options: StartSandboxOptions,
  connect: (sandbox: Sandbox) => { destroy(): void },
): void => {
  let sandbox: Sandbox;
  let client: { destroy(): void };

  beforeAll(async () => {
    sandbox = await startSandbox(options);
    client = connect(sandbox);
  });

  afterEach(() => {
    sandbox.reset();
  });

  afterAll(async () => {
    client.destroy();
    await sandbox.close();
  });
};

/** Reads a sandbox control route as JSON. */
export const control = async (
  sandbox: Sandbox,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> => {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  return { status: response.status, json: await response.json() };
};
