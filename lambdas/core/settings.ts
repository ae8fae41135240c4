/**
 * Runtime settings of the functions, read from environment variables that
 * the stack sets. This module holds only names and parsing, so `lib/` may
 * import the names it writes without pulling in any runtime code.
 */
export const SETTING_NAMES = {
  /** Which step a function runs (`read-request`, `report`, …). */
  step: 'HEALER_STEP',
  /** `true` turns every write into a "would have" line. */
  dryRun: 'HEALER_DRY_RUN',
  /** `true` publishes healthy results too. */
  notifyOnHealthy: 'HEALER_NOTIFY_ON_HEALTHY',
  /** ARN of the SNS topic that reports go to. */
  topicArn: 'HEALER_TOPIC_ARN',
  /** Status reads of one write before it counts as timed out. */
  maxStatusPolls: 'HEALER_MAX_STATUS_POLLS',
  /** Identity store id; looked up with `ListInstances` when absent. */
  identityStoreId: 'HEALER_IDENTITY_STORE_ID',
  /** CloudWatch namespace of the outcome metrics. */
  metricsNamespace: 'POWERTOOLS_METRICS_NAMESPACE',
} as const;

export interface Settings {
  readonly dryRun: boolean;
  readonly notifyOnHealthy: boolean;
  readonly topicArn?: string;
  readonly maxStatusPolls: number;
  readonly identityStoreId?: string;
  readonly region: string;
}

const DEFAULT_MAX_STATUS_POLLS = 30;

/** Reads the settings; absent or malformed values fall back to defaults. */
export const readSettings = (
  env: NodeJS.ProcessEnv = process.env,
): Settings => {
  const polls = Number.parseInt(env[SETTING_NAMES.maxStatusPolls] ?? '', 10);

  return {
    dryRun: env[SETTING_NAMES.dryRun] === 'true',
    notifyOnHealthy: env[SETTING_NAMES.notifyOnHealthy] === 'true',
    topicArn: env[SETTING_NAMES.topicArn] || undefined,
    maxStatusPolls:
      Number.isInteger(polls) && polls > 0 ? polls : DEFAULT_MAX_STATUS_POLLS,
    identityStoreId: env[SETTING_NAMES.identityStoreId] || undefined,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
  };
};

/** Where the report function puts its Embedded Metric Format metrics. */
export const METRICS = {
  namespace: 'AssignmentHealer',
  /** Powertools adds this `service` dimension to every metric. */
  service: 'assignment-healer',
  /** One count per report, by `Outcome` and by `Outcome` + `Cause`. */
  reports: 'Reports',
} as const;

/**
 * Errors the state machine retries: throttling and conflicts of the AWS
 * APIs (the SDK does not retry `ConflictException`, AWS recommends it) and
 * the transient failures of Lambda itself. The stack writes them into
 * each Retry; the classifier reads one that still reached the report as
 * AWS staying busy for the whole retry budget.
 */
export const TRANSIENT_ERRORS = [
  'ThrottlingException',
  'TooManyRequestsException',
  'ConflictException',
  'InternalServerException',
  'ServiceException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
] as const;
