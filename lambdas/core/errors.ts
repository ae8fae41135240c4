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

/** The SNS topic is not configured, or publishing failed. */
export class ReportPublishError extends HealerError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ReportPublishError';
  }
}
