import type { ServiceName } from '../services/service';

export const FAULT_KINDS = [
  'THROTTLING',
  'CONFLICT',
  'INTERNAL_ERROR',
  'ACCESS_DENIED',
  'DELAY',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * A fault for the next matching calls: the service answers with the
 * error its API uses for that kind (e.g. SSO Admin `ThrottlingException`,
 * Organizations `TooManyRequestsException`, SNS `Throttled`), or, for
 * `DELAY`, answers normally after a pause.
 */
export interface FaultSpec {
  /** Operation name, e.g. `CreateAccountAssignment`; `*` for any. */
  readonly operation: string;
  /** @default any service */
  readonly service?: ServiceName;
  readonly fault: FaultKind;
  /** How many matching calls get it. @default 1 */
  readonly times?: number;
  /** Real milliseconds to wait before answering. @default 0 */
  readonly delayMs?: number;
  /** Replaces the service's usual message. */
  readonly message?: string;
}

interface ActiveFault {
  readonly spec: FaultSpec;
  remaining: number;
}

/** Holds injected faults and hands each out as many times as it was asked. */
export class FaultInjector {
  private readonly active: ActiveFault[] = [];

  public add(spec: FaultSpec): void {
    if (!FAULT_KINDS.includes(spec.fault)) {
      throw new RangeError(
        `fault must be one of ${FAULT_KINDS.join(', ')}, received '${spec.fault}'`,
      );
    }
    const times = spec.times ?? 1;
    if (!(times > 0)) {
      throw new RangeError(`times must be 1 or more, received ${times}`);
    }
    this.active.push({ spec, remaining: times });
  }

  /** Takes the first fault that matches a call, if any is left. */
  public take(service: ServiceName, operation: string): FaultSpec | undefined {
    const found = this.active.find(
      (f) =>
        f.remaining > 0 &&
        (f.spec.service === undefined || f.spec.service === service) &&
        (f.spec.operation === '*' || f.spec.operation === operation),
    );
    if (!found) {
      return undefined;
    }
    found.remaining -= 1;

    return found.spec;
  }

  /** Faults not yet used up, with how many uses are left. */
  public pending(): { spec: FaultSpec; remaining: number }[] {
    return this.active
      .filter((f) => f.remaining > 0)
      .map((f) => ({ spec: f.spec, remaining: f.remaining }));
  }

  public clear(): void {
    this.active.length = 0;
  }
}
