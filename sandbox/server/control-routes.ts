import type { ServerResponse } from 'node:http';
import { parseJsonObject, writeJson } from '../protocols/json';
import type { ServiceName } from '../services/service';
import {
  type PublishedMessage,
  SNS_PROTOCOLS,
  type SnsProtocol,
} from '../services/sns-messages';
import type { WorldSnapshot } from '../world/world-snapshot';
import type { FaultSpec } from './faults';
import type { CallFilter, CallRecord } from './recorder';

/** What the control routes can see and do. */
export interface ControlApi {
  readonly calls: (filter?: CallFilter) => readonly CallRecord[];
  readonly messages: () => readonly PublishedMessage[];
  readonly injectFault: (spec: FaultSpec) => void;
  readonly advance: (seconds: number) => void;
  readonly snapshot: () => WorldSnapshot;
  readonly reset: () => void;
}

const ok = (res: ServerResponse, body: unknown, status = 200): void =>
  writeJson(res, status, body);

const bad = (res: ServerResponse, message: string): void =>
  ok(res, { message }, 400);

const callFilter = (params: URLSearchParams): CallFilter => ({
  service: (params.get('service') as ServiceName | null) ?? undefined,
  operation: params.get('operation') ?? undefined,
  writes: params.has('writes') ? params.get('writes') === 'true' : undefined,
  failed: params.has('failed') ? params.get('failed') === 'true' : undefined,
});

const messagesBody = (api: ControlApi, params: URLSearchParams) => {
  const protocol = params.get('protocol');
  const all = api.messages();
  if (protocol === null) {
    return all;
  }

  return all.map((m) => ({
    messageId: m.messageId,
    topicArn: m.topicArn,
    subject: m.subject,
    protocol,
    body: m.deliveries[protocol as SnsProtocol],
  }));
};

/**
 * The sandbox's own HTTP API, for runners and people:
 * - `GET /_sandbox/calls?service=&operation=&writes=true&failed=true`
 * - `GET /_sandbox/messages?protocol=https`
 * - `GET /_sandbox/world`
 * - `POST /_sandbox/reset`
 * - `POST /_sandbox/faults` with a {@link FaultSpec} body
 * - `POST /_sandbox/advance` with `{"seconds": 60}`
 */
export const handleControl = (
  api: ControlApi,
  method: string,
  url: URL,
  body: string,
  res: ServerResponse,
): void => {
  const route = `${method} ${url.pathname}`;
  const params = url.searchParams;

  if (route === 'GET /_sandbox/calls') {
    ok(res, api.calls(callFilter(params)));
  } else if (route === 'GET /_sandbox/messages') {
    const protocol = params.get('protocol');
    if (protocol !== null && !SNS_PROTOCOLS.includes(protocol as SnsProtocol)) {
      const known = SNS_PROTOCOLS.join(', ');
      bad(res, `protocol must be one of ${known}, received '${protocol}'`);
      return;
    }
    ok(res, messagesBody(api, params));
  } else if (route === 'GET /_sandbox/world') {
    ok(res, api.snapshot());
  } else if (route === 'POST /_sandbox/reset') {
    api.reset();
    ok(res, { reset: true });
  } else if (route === 'POST /_sandbox/faults') {
    const spec = parseJsonObject(body);
    if (
      !spec ||
      typeof spec.operation !== 'string' ||
      typeof spec.fault !== 'string'
    ) {
      bad(
        res,
        'body must be a JSON fault: ' +
          '{"operation": "...", "fault": "THROTTLING", "times": 1}',
      );
      return;
    }
    try {
      api.injectFault(spec as unknown as FaultSpec);
    } catch (error) {
      bad(res, (error as Error).message);
      return;
    }
    ok(res, { injected: spec });
  } else if (route === 'POST /_sandbox/advance') {
    const seconds = parseJsonObject(body)?.seconds;
    if (typeof seconds !== 'number' || seconds < 0) {
      bad(
        res,
        'body must be {"seconds": <number of simulated seconds, 0 or more>}',
      );
      return;
    }
    api.advance(seconds);
    ok(res, { simulatedSeconds: api.snapshot().simulatedSeconds });
  } else {
    ok(res, { message: `No sandbox route ${route}` }, 404);
  }
};
