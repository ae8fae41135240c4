import { handler as checkProvisioning } from '../../lambdas/check-provisioning/index';
import { handler as readRequest } from '../../lambdas/read-request/index';
import { handler as report } from '../../lambdas/report/index';
import { handler as reprovision } from '../../lambdas/reprovision/index';
import { handler as validatePolicies } from '../../lambdas/validate-policies/index';

/** A step's handler as the local runner calls it: JSON in, JSON out. */
export type StepHandler = (event: never) => Promise<unknown>;

/**
 * The real handlers, by the step name that each function carries in its
 * `HEALER_STEP` variable: the same modules the stack bundles.
 */
export const STEP_HANDLERS: Readonly<Record<string, StepHandler>> = {
  'read-request': readRequest as StepHandler,
  'check-provisioning': checkProvisioning as StepHandler,
  reprovision: reprovision as StepHandler,
  'validate-policies': validatePolicies as StepHandler,
  report: report as StepHandler,
};
