import { StepInputError } from '../core/errors';
import { reportedFailures } from '../core/failure-reasons';
import { appendCorrelationKeys, logger } from '../core/logger';
import { validatePolicies } from '../core/policy-validation';
import type { WorkflowState } from '../core/types';

/**
 * "Validate policies": checks the permission set's policies and adds what
 * it found to the state as `validation`.
 */
export const handler = async (event: WorkflowState): Promise<WorkflowState> => {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new StepInputError(
      `Expected the workflow state (an object with "execution" and ` +
        `"request"), received ${JSON.stringify(event)}; the state machine ` +
        'must pass "$" to this step.',
    );
  }

  appendCorrelationKeys(event);
  const { request } = event;
  if (!request) {
    // An invalid input has nothing to validate; the report explains it.
    logger.info('no request to validate');

    return event;
  }

  const validation = await validatePolicies({
    request,
    failureReasons: reportedFailures(event).map(({ reason }) => reason),
  });
  logger.info('policies validated', {
    findings: validation.findings.length,
    incomplete: validation.incomplete,
  });

  return { ...event, validation };
};
