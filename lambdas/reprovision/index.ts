import { StepInputError } from '../core/errors';
import { appendCorrelationKeys } from '../core/logger';
import { readSettings } from '../core/settings';
import type { ReprovisionEvent, WorkflowState } from '../core/types';
import { poll, provision, recreate } from '../core/write-steps';

const OPERATIONS = {
  PROVISION: provision,
  POLL: poll,
  RECREATE: recreate,
} as const;

/**
 * "Re-provision permission set", "Read write status" and "Re-create
 * assignment": the one function allowed to write, and only
 * `ProvisionPermissionSet` to one account and `CreateAccountAssignment`.
 */
export const handler = async (
  event: ReprovisionEvent,
): Promise<WorkflowState> => {
  const name = event?.operation;
  const operation = Object.hasOwn(OPERATIONS, name ?? '')
    ? OPERATIONS[name]
    : undefined;
  if (operation === undefined || event.state === undefined) {
    throw new StepInputError(
      'Expected { operation: PROVISION | POLL | RECREATE, state }, ' +
        `received operation ${JSON.stringify(event?.operation ?? null)}` +
        `${event?.state === undefined ? ' and no state' : ''}; fix the ` +
        'task payload in the state machine.',
    );
  }

  appendCorrelationKeys(event.state);

  return operation(event.state, readSettings());
};
