import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServiceError } from '../protocols/service-error';
import { validateStructure } from '../protocols/validation';
import type { ServiceDefinition, ServiceErrors } from '../services/service';
import type { MessageStore } from '../services/sns-messages';
import type { World } from '../world/world';
import type { FaultInjector, FaultKind, FaultSpec } from './faults';
import type { CallRecorder } from './recorder';
import type { TokenBucket } from './throttle';

/** What a call produced: an output, or the error to answer with. */
export type CallResult =
  | { readonly ok: true; readonly requestId: string; readonly output: unknown }
  | {
      readonly ok: false;
      readonly requestId: string;
      readonly error: ServiceError;
    };

/** The parts of the sandbox a call goes through. */
export interface Dispatcher {
  readonly world: World;
  readonly recorder: CallRecorder;
  readonly faults: FaultInjector;
  readonly messages: MessageStore;
  /** Identity Center's collective rate; absent when throttling is off. */
  readonly identityCenterBucket?: TokenBucket;
  readonly maxOutstandingCreations?: number;
  readonly pageSizeCap?: number;
}

const faultError = (
  errors: ServiceErrors,
  spec: FaultSpec,
  operation: string,
) => {
  const byKind: Readonly<
    Record<Exclude<FaultKind, 'DELAY'>, () => ServiceError>
  > = {
    THROTTLING: errors.throttling,
    CONFLICT: errors.conflict,
    INTERNAL_ERROR: errors.internal,
    ACCESS_DENIED: () => errors.accessDenied(operation),
  };
  if (spec.fault === 'DELAY') {
    return undefined;
  }
  const error = byKind[spec.fault]();

  return spec.message === undefined
    ? error
    : new ServiceError(error.code, spec.message, error);
};

const run = async (
  dispatcher: Dispatcher,
  service: ServiceDefinition,
  operationName: string,
  input: Readonly<Record<string, unknown>>,
  requestId: string,
): Promise<unknown> => {
  const { world } = dispatcher;
  const operation = service.operations[operationName];
  if (!operation) {
    throw service.errors.unknownOperation(operationName);
  }

  const fault = dispatcher.faults.take(service.name, operationName);
  if (fault?.delayMs) {
    await sleep(fault.delayMs);
  }
  const injected = fault && faultError(service.errors, fault, operationName);
  if (injected) {
    throw injected;
  }

  const bucket = dispatcher.identityCenterBucket;
  if (service.identityCenter && bucket && !bucket.take(world.nowMs())) {
    throw service.errors.throttling();
  }

  const violations = operation.input
    ? validateStructure(operation.input, input)
    : [];
  if (violations.length > 0) {
    throw service.errors.validation(violations);
  }

  return operation.handler(input, {
    world,
    requestId,
    messages: dispatcher.messages,
    pageSizeCap: dispatcher.pageSizeCap,
    maxOutstandingCreations: dispatcher.maxOutstandingCreations,
  });
};

/**
 * Runs one call the way AWS's front door would: injected faults first,
 * then the request rate, then input validation, then the operation. Every
 * call is recorded with the error it got, if any.
 */
export const dispatch = async (
  dispatcher: Dispatcher,
  service: ServiceDefinition,
  operation: string,
  input: Readonly<Record<string, unknown>>,
): Promise<CallResult> => {
  const requestId = randomUUID();
  const receivedAt = new Date().toISOString();
  const simulatedSeconds = dispatcher.world.clock.elapsedSeconds();
  const write = service.operations[operation]?.write ?? false;
  let result: CallResult;

  try {
    const output = await run(dispatcher, service, operation, input, requestId);
    result = { ok: true, requestId, output };
  } catch (caught) {
    const error =
      caught instanceof ServiceError
        ? caught
        : new ServiceError(
            service.errors.internal().code,
            caught instanceof Error ? caught.message : String(caught),
            { status: 500 },
          );
    result = { ok: false, requestId, error };
  }

  dispatcher.recorder.add({
    service: service.name,
    operation,
    input,
    write,
    errorCode: result.ok ? undefined : result.error.code,
    httpStatus: result.ok ? 200 : result.error.status,
    receivedAt,
    simulatedSeconds,
  });

  return result;
};
