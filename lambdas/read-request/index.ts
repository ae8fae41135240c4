import { StepInputError } from '../core/errors';
import { appendCorrelationKeys, logger } from '../core/logger';
import { readRequestInput } from '../core/request';
import { initialState } from '../core/state';
import type { ReadRequestEvent, WorkflowState } from '../core/types';

/**
 * "Read request": turns the execution input into a request, or into the
 * problems that a person must fix. A bad input is an answer, not an error.
 */
export const handler = async (
  event: ReadRequestEvent,
): Promise<WorkflowState> => {
  if (typeof event?.execution?.id !== 'string') {
    throw new StepInputError(
      'Expected { input, execution: { id, startTime } } from the state ' +
        'machine, received no execution id; pass $$.Execution.Id and ' +
        '$$.Execution.StartTime in the task payload.',
    );
  }

  const state = initialState(
    event.execution,
    readRequestInput(event.input, event.execution.startTime),
  );
  appendCorrelationKeys(state);

  if (state.problems) {
    logger.info('request is invalid', { problems: state.problems });
  } else {
    logger.info('request read', { request: state.request });
  }

  return state;
};
