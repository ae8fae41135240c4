import { resetClients } from '../../lambdas/core/clients';
import { SETTING_NAMES } from '../../lambdas/core/settings';
import { SAMPLE_ORG, type Sandbox } from '../server/index';

/**
 * The process environment of the handlers during one run. The handlers
 * read their settings from `process.env` and build their SDK clients
 * once, so a run sets the variables, forgets the clients, and puts both
 * back when it ends: runs must therefore happen one after another.
 */

/** The topic the report publishes to: the world's first, or the sample's. */
export const topicOf = (sandbox: Sandbox): string =>
  sandbox.world.definition.snsTopics?.[0] ?? SAMPLE_ORG.topicArn;

/**
 * What every handler sees in-process besides its own function's
 * settings: the sandbox as its endpoint, dummy credentials, the Region.
 */
export const sandboxEnvironment = (
  sandbox: Sandbox,
): Record<string, string> => ({
  ...sandbox.endpointEnv(),
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: sandbox.world.definition.region ?? 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});

/**
 * Settings laid over each function's own: the synthesized topic is a
 * placeholder, and the sandbox's world has its own identity store.
 */
export const sandboxSettings = (
  sandbox: Sandbox,
  quiet: boolean,
): Record<string, string> => ({
  [SETTING_NAMES.topicArn]: topicOf(sandbox),
  [SETTING_NAMES.identityStoreId]: sandbox.world.identityStoreId,
  // Metrics go to stdout in Embedded Metric Format: noise in a terminal.
  ...(quiet ? { POWERTOOLS_METRICS_DISABLED: 'true' } : {}),
});

/**
 * Sets the variables and forgets the SDK clients; returns the function
 * that restores the previous values.
 */
export const applyEnvironment = (
  variables: Readonly<Record<string, string>>,
): (() => void) => {
  const previous = Object.keys(variables).map(
    (name) => [name, process.env[name]] as const,
  );
  Object.assign(process.env, variables);
  resetClients();

  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
    resetClients();
  };
};
