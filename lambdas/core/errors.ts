import type { FieldProblem } from './types';

/**
 * Errors the functions throw on purpose. Step Functions matches Retry and
 * Catch rules by the error's `name`, so every class sets it to its own.
 */
export class HealerError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HealerError';
  }
}

/** The input of a step is not what the state machine should pass. */
export class StepInputError extends HealerError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StepInputError';
  }
}

/**
 * A field of the request contradicts what AWS knows, such as a creation
 * request id of another assignment. The check reports it as an invalid
 * request, so the person who typed it can correct it.
 */
export class RequestMismatchError extends HealerError {
  public constructor(
    public readonly problem: FieldProblem,
    options?: ErrorOptions,
  ) {
    super(`${problem.field}: ${problem.message}`, options);
    this.name = 'RequestMismatchError';
  }
}

/** The SNS topic is not configured, or publishing failed. */
export class ReportPublishError extends HealerError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ReportPublishError';
  }
}

/** An AWS response lacks a field that the API documents as always set. */
export class UnexpectedResponseError extends HealerError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UnexpectedResponseError';
  }
}

/**
 * True when `error` is an error with one of the names. The SDK names its
 * exceptions after the API's error codes, and a name survives bundling,
 * where a class identity may not.
 */
export const hasErrorName = (
  error: unknown,
  ...names: readonly string[]
): boolean => error instanceof Error && names.includes(error.name);
