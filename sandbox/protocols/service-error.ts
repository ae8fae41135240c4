/** Extra members of an error shape, such as `Reason` or `ResourceType`. */
export type ErrorFields = Readonly<Record<string, unknown>>;

export interface ServiceErrorOptions {
  /** HTTP status. @default 400 */
  readonly status?: number;
  /** Members of the error shape besides the message. */
  readonly fields?: ErrorFields;
  /** Response headers, such as `Retry-After`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * An error the sandbox answers with, named as the service names it
 * (`ThrottlingException`, `InvalidParameter`, …). Each protocol writes it
 * in its own wire format.
 */
export class ServiceError extends Error {
  public readonly code: string;
  public readonly status: number;
  public readonly fields: ErrorFields;
  public readonly headers: Readonly<Record<string, string>>;

  public constructor(
    code: string,
    message: string,
    options: ServiceErrorOptions = {},
  ) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.status = options.status ?? 400;
    this.fields = options.fields ?? {};
    this.headers = options.headers ?? {};
  }
}
