import { Duration } from 'aws-cdk-lib';

/** The functions of the workflow; each name is a folder under `lambdas/`. */
export const STEPS = [
  'read-request',
  'check-provisioning',
  'reprovision',
  'validate-policies',
  'report',
] as const;

export type Step = (typeof STEPS)[number];

/**
 * Time limits per function. The check and the validation page through
 * several APIs, each retried by the SDK on throttling; the others make one
 * or two calls.
 */
export const STEP_TIMEOUTS: Readonly<Record<Step, Duration>> = {
  'read-request': Duration.seconds(10),
  'check-provisioning': Duration.seconds(60),
  reprovision: Duration.seconds(30),
  'validate-policies': Duration.seconds(60),
  report: Duration.seconds(30),
};

/** Construct ids of the functions, in the stack. */
export const STEP_CONSTRUCT_IDS: Readonly<Record<Step, string>> = {
  'read-request': 'ReadRequest',
  'check-provisioning': 'CheckProvisioning',
  reprovision: 'Reprovision',
  'validate-policies': 'ValidatePolicies',
  report: 'Report',
};

/** A record with one value per step, made by `make`. */
export const forEachStep = <T>(make: (step: Step) => T): Record<Step, T> =>
  Object.fromEntries(STEPS.map((step) => [step, make(step)])) as Record<
    Step,
    T
  >;
