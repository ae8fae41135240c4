import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeJson } from '../protocols/json';
import { ServiceError } from '../protocols/service-error';
import {
  MessageStore,
  type PublishedMessage,
  type SnsProtocol,
} from '../services/sns-messages';
import { SimulatedClock } from '../world/clock';
import type { WorldChange, WorldDefinition } from '../world/types';
import { World } from '../world/world';
import type { ControlApi } from './control-routes';
import type { Dispatcher } from './dispatch';
import { FaultInjector, type FaultSpec } from './faults';
import { handleRequest } from './http';
import { type CallFilter, type CallRecord, CallRecorder } from './recorder';
import { type ThrottlingOptions, TokenBucket } from './throttle';

export interface StartSandboxOptions {
  readonly world: WorldDefinition;
  /** 0 picks a free port. @default 0 */
  readonly port?: number;
  /** Simulated seconds per real second. @default 1 */
  readonly timeScale?: number;
  /** Request-rate limits; `false` turns them all off. @default on */
  readonly throttling?: ThrottlingOptions | false;
  /** Faults in force from the start. */
  readonly faults?: readonly FaultSpec[];
  /**
   * No page holds more than this many items, whatever `MaxResults` asks,
   * as AWS may return short pages. @default no cap
   */
  readonly pageSizeCap?: number;
}

/** A running sandbox. */
export interface Sandbox {
  /** `http://127.0.0.1:<port>`: the endpoint for every client. */
  readonly url: string;
  readonly port: number;
  /** The live world: ids and ARNs by name, changes, snapshots. */
  readonly world: World;
  readonly clock: SimulatedClock;
  /** Calls received so far, oldest first. */
  calls(filter?: CallFilter): readonly CallRecord[];
  /** Messages published to SNS so far, oldest first. */
  messages(): readonly PublishedMessage[];
  /** What each message delivered to subscribers of one protocol. */
  deliveredTo(protocol: SnsProtocol): string[];
  injectFault(spec: FaultSpec): void;
  /** Changes the world now. */
  apply(change: WorldChange): void;
  /** Moves simulated time forward without waiting. */
  advance(seconds: number): void;
  /** Environment variables that point the SDK and the CLI here. */
  endpointEnv(): Record<string, string>;
  /** Back to the declared world, time zero, no calls, messages or faults. */
  reset(): void;
  close(): Promise<void>;
}

const ENDPOINT_VARIABLES = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_SSO_ADMIN',
  'AWS_ENDPOINT_URL_ORGANIZATIONS',
  'AWS_ENDPOINT_URL_IDENTITYSTORE',
  'AWS_ENDPOINT_URL_ACCESSANALYZER',
  'AWS_ENDPOINT_URL_SNS',
];

/**
 * Starts the local stand-in for AWS on 127.0.0.1: one HTTP server that
 * speaks the wire protocols of SSO Admin, Organizations, Identity Store,
 * Access Analyzer (ValidatePolicy) and SNS (Publish), over a world built
 * from `options.world`.
 */
export const startSandbox = async (
  options: StartSandboxOptions,
): Promise<Sandbox> => {
  const clock = new SimulatedClock(options.timeScale ?? 1);
  const world = new World(options.world, clock);
  const recorder = new CallRecorder();
  const faults = new FaultInjector();
  const messages = new MessageStore();
  const throttling =
    options.throttling === false ? undefined : (options.throttling ?? {});
  const tps = throttling?.identityCenterTps ?? 20;
  const newBucket = () =>
    throttling &&
    new TokenBucket(tps, throttling.burst ?? tps, clock.elapsedMs());

  const dispatcher: { -readonly [K in keyof Dispatcher]: Dispatcher[K] } = {
    world,
    recorder,
    faults,
    messages,
    identityCenterBucket: newBucket(),
    maxOutstandingCreations: throttling
      ? (throttling.maxOutstandingAssignmentCreations ?? 10)
      : undefined,
    pageSizeCap: options.pageSizeCap,
  };
  for (const spec of options.faults ?? []) {
    faults.add(spec);
  }

  const control: ControlApi = {
    calls: (filter) => recorder.list(filter),
    messages: () => messages.all(),
    injectFault: (spec) => faults.add(spec),
    advance: (seconds) => clock.advance(seconds),
    snapshot: () => world.snapshot(),
    reset: () => {
      clock.restart();
      world.reset();
      recorder.clear();
      faults.clear();
      messages.clear();
      dispatcher.identityCenterBucket = newBucket();
    },
  };

  const server = createServer((req, res) => {
    handleRequest(dispatcher, control, req, res).catch((error: unknown) => {
      if (res.headersSent) {
        return;
      }
      // A refusal before dispatch (a body too large) keeps its own status.
      if (error instanceof ServiceError) {
        writeJson(res, error.status, {
          __type: error.code,
          message: error.message,
        });
      } else {
        writeJson(res, 500, { message: String(error) });
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    world,
    clock,
    calls: control.calls,
    messages: control.messages,
    deliveredTo: (protocol) => messages.deliveredTo(protocol),
    injectFault: control.injectFault,
    apply: (change) => world.apply(change),
    advance: control.advance,
    endpointEnv: () =>
      Object.fromEntries(ENDPOINT_VARIABLES.map((name) => [name, url])),
    reset: control.reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
