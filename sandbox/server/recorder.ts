import type { ServiceName } from '../services/service';

/** One request the sandbox received, as it answered it. */
export interface CallRecord {
  /** 1, 2, 3… in arrival order. */
  readonly seq: number;
  readonly service: ServiceName;
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
  /** The operation changes the world (a write), whether or not it failed. */
  readonly write: boolean;
  /** The error code answered, such as `ThrottlingException`. */
  readonly errorCode?: string;
  readonly httpStatus: number;
  /** Real wall-clock time of arrival, ISO 8601. */
  readonly receivedAt: string;
  /** Simulated seconds since the sandbox started. */
  readonly simulatedSeconds: number;
}

export interface CallFilter {
  readonly service?: ServiceName;
  readonly operation?: string;
  /** Only writes. */
  readonly writes?: boolean;
  /** Only calls answered with an error (true) or without (false). */
  readonly failed?: boolean;
}

/** Keeps every call, so a run can count API calls and writes. */
export class CallRecorder {
  private readonly records: CallRecord[] = [];

  public add(record: Omit<CallRecord, 'seq'>): CallRecord {
    const full = { seq: this.records.length + 1, ...record };
    this.records.push(full);

    return full;
  }

  public list(filter: CallFilter = {}): CallRecord[] {
    return this.records.filter(
      (r) =>
        (filter.service === undefined || r.service === filter.service) &&
        (filter.operation === undefined || r.operation === filter.operation) &&
        (filter.writes === undefined || r.write === filter.writes) &&
        (filter.failed === undefined ||
          (r.errorCode !== undefined) === filter.failed),
    );
  }

  public clear(): void {
    this.records.length = 0;
  }
}
