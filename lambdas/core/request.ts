import { looksLikeEvent, readEvent } from './request-event';
import { readManualInput } from './request-manual';
import { describeValue, type ReadResult } from './request-schema';

/**
 * Reads the execution input, whichever way the workflow was started: by
 * the EventBridge rule (a CloudTrail event) or by a person (a manual
 * input). Never throws: an input that cannot be read becomes problems.
 *
 * @param input - the execution input, as the caller gave it
 * @param startedAt - when the execution started (ISO 8601)
 */
export const readRequestInput = (
  input: unknown,
  startedAt: string,
): ReadResult => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      problems: [
        {
          field: 'input',
          message:
            'Expected a JSON object: a CreateAccountAssignment event or a ' +
            `manual input with accountId and permissionSetArn, received ` +
            `${describeValue(input)}; start the execution with such an ` +
            'object.',
        },
      ],
    };
  }

  const record = input as Readonly<Record<string, unknown>>;

  return looksLikeEvent(record)
    ? readEvent(record)
    : readManualInput(record, startedAt);
};
