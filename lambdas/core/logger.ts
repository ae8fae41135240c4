import { Logger } from '@aws-lambda-powertools/logger';
import type { WorkflowState } from './types';

/**
 * The one logger of a function. Each function bundles its own copy of this
 * module, so each has one logger; the level comes from
 * `POWERTOOLS_LOG_LEVEL`, which the stack sets from configuration.
 */
export const logger = new Logger({ serviceName: 'assignment-healer' });

/**
 * Adds the keys that tie every line of an invocation to its execution,
 * account, permission set and CloudTrail event.
 */
export const appendCorrelationKeys = (
  state: Pick<WorkflowState, 'execution' | 'request'>,
): void => {
  const { request } = state;
  logger.resetKeys();
  logger.appendKeys({
    execution: state.execution?.id,
    account: request?.accountId,
    permissionSet: request?.permissionSetArn,
    eventId:
      request?.trigger.kind === 'EVENT' ? request.trigger.eventId : 'manual',
  });
};
