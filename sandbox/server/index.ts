/**
 * The local stand-in for AWS: start it, point the SDK at its `url`, and
 * read back what the code under test did.
 *
 * @example
 * const sandbox = await startSandbox({ world: sampleOrg(), timeScale: 60 });
 * process.env = { ...process.env, ...sandbox.endpointEnv() };
 * // … run the code under test …
 * sandbox.calls({ writes: true });
 * sandbox.deliveredTo('https');
 * await sandbox.close();
 */

export type { ServiceName } from '../services/service';
export type {
  MessageAttribute,
  PublishedMessage,
  SnsProtocol,
} from '../services/sns-messages';
export type { SimulatedClock } from '../world/clock';
export { WorldDefinitionError } from '../world/errors';
export * as failureReasons from '../world/failure-reasons';
export { SAMPLE_ORG, sampleOrg } from '../world/sample-org';
export type * from '../world/types';
export type { World } from '../world/world';
export type { WorldSnapshot } from '../world/world-snapshot';
export type { FaultKind, FaultSpec } from './faults';
export type { CallFilter, CallRecord } from './recorder';
export {
  type Sandbox,
  type StartSandboxOptions,
  startSandbox,
} from './start-sandbox';
export type { ThrottlingOptions } from './throttle';
