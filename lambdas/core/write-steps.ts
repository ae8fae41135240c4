import { StepInputError } from './errors';
import { logger } from './logger';
import type { Settings } from './settings';
import {
  addToCounter,
  appendActions,
  requireRequest,
  updateAction,
  withoutUndefined,
} from './state';
import type {
  ActionTaken,
  PendingWrite,
  StatusEvidence,
  VerdictState,
  WorkflowState,
  WriteOperation,
} from './types';
import {
  createAssignment,
  provisionToAccount,
  readWriteStatus,
} from './writes';

/**
 * The three operations of the re-provision function, as changes to the
 * workflow state. In dry-run mode no write is made: each becomes an
 * action marked `dryRun` with status `SKIPPED`.
 */

/** Verdicts that re-provisioning can repair. */
const REPAIRABLE: ReadonlySet<VerdictState> = new Set([
  'NOT_PROVISIONED',
  'OUTDATED',
  'CREATION_FAILED',
]);

/**
 * `PROVISION`: provisions the permission set to the one account.
 *
 * @throws StepInputError when the verdict is not one that provisioning
 *   repairs.
 */
export const provision = async (
  state: WorkflowState,
  settings: Settings,
): Promise<WorkflowState> => {
  const request = requireRequest(state);
  const verdict = state.verdict?.state;
  if (verdict === undefined || !REPAIRABLE.has(verdict)) {
    throw new StepInputError(
      'Expected a verdict of NOT_PROVISIONED, OUTDATED or CREATION_FAILED ' +
        `before re-provisioning, received ${verdict ?? 'none'}; the ` +
        'workflow re-provisions only what provisioning can repair.',
    );
  }

  const counted = addToCounter(state, 'reprovisions');
  if (settings.dryRun) {
    logger.info('write skipped in dry run', {
      operation: 'ProvisionPermissionSet',
    });
    const skipped = [skippedAction('ProvisionPermissionSet', verdict)];
    if (verdict === 'CREATION_FAILED' && !hasSkipped(state)) {
      skipped.push(skippedAction('CreateAccountAssignment', verdict));
    }

    return withPending(appendActions(counted, ...skipped), {
      kind: 'PROVISIONING',
      status: 'SKIPPED',
      polls: 0,
    });
  }

  const result = await provisionToAccount(request);

  return started(
    counted,
    'ProvisionPermissionSet',
    'PROVISIONING',
    result,
    verdict,
  );
};

/**
 * `POLL`: reads the status of the pending write once. After
 * `maxStatusPolls` reads that all said `IN_PROGRESS`, the write counts as
 * timed out. A write that already ended (or was skipped) is not read.
 */
export const poll = async (
  state: WorkflowState,
  settings: Settings,
): Promise<WorkflowState> => {
  const request = requireRequest(state);
  const { pending } = state;
  if (pending === undefined) {
    throw new StepInputError(
      'Expected a pending write to read the status of, received none; ' +
        'POLL runs only after PROVISION or RECREATE.',
    );
  }

  if (pending.status !== 'IN_PROGRESS' || pending.requestId === undefined) {
    logger.info('write already finished', { pending });

    return state;
  }

  const result = await readWriteStatus(
    request.instanceArn,
    pending.kind,
    pending.requestId,
  );
  const polls = pending.polls + 1;
  const status: PendingWrite['status'] =
    result.status === 'IN_PROGRESS' && polls >= settings.maxStatusPolls
      ? 'TIMED_OUT'
      : result.status;
  logger.info('write status read', { ...result, status, polls });

  const update = withoutUndefined({
    status,
    failureReason: result.failureReason,
  });

  return withPending(updateAction(state, pending.requestId, update), {
    ...pending,
    ...update,
    polls,
  });
};

/**
 * `RECREATE`: creates the assignment again after its creation failed.
 *
 * @throws StepInputError when the creation did not fail, when the request
 *   names no principal, or when the healer already re-created it: an
 *   assignment that was created and later disappeared was removed on
 *   purpose, and is never created again.
 */
export const recreate = async (
  state: WorkflowState,
  settings: Settings,
): Promise<WorkflowState> => {
  const request = requireRequest(state);
  const { principal } = request;
  const verdict = state.verdict?.state;
  if (verdict !== 'CREATION_FAILED' || principal === undefined) {
    throw new StepInputError(
      'Expected a verdict of CREATION_FAILED and a request with a ' +
        `principal, received ${verdict ?? 'no verdict'} and ` +
        `${principal ? 'a principal' : 'no principal'}; the healer ` +
        're-creates only an assignment whose creation failed.',
    );
  }

  const recreated = state.actions.find(
    (action) =>
      action.operation === 'CreateAccountAssignment' &&
      !action.dryRun &&
      action.status === 'SUCCEEDED',
  );
  if (recreated !== undefined) {
    throw new StepInputError(
      `Expected no earlier re-creation, received request ` +
        `${recreated.requestId} that SUCCEEDED; the healer creates an ` +
        'assignment at most once successfully.',
    );
  }

  if (settings.dryRun) {
    logger.info('write skipped in dry run', {
      operation: 'CreateAccountAssignment',
    });
    const described = hasSkipped(state)
      ? state
      : appendActions(
          state,
          skippedAction('CreateAccountAssignment', 'CREATION_FAILED'),
        );

    return withPending(described, {
      kind: 'ASSIGNMENT_CREATION',
      status: 'SKIPPED',
      polls: 0,
    });
  }

  const result = await createAssignment({ ...request, principal });

  return started(
    state,
    'CreateAccountAssignment',
    'ASSIGNMENT_CREATION',
    result,
    'CREATION_FAILED',
  );
};

const started = (
  state: WorkflowState,
  operation: WriteOperation,
  kind: PendingWrite['kind'],
  result: StatusEvidence,
  repairs: VerdictState,
): WorkflowState => {
  const action: ActionTaken = withoutUndefined({
    operation,
    repairs,
    dryRun: false,
    requestId: result.requestId,
    status: result.status,
    failureReason: result.failureReason,
    at: new Date().toISOString(),
  });

  return withPending(
    appendActions(state, action),
    withoutUndefined({
      kind,
      requestId: result.requestId,
      status: result.status,
      failureReason: result.failureReason,
      polls: 0,
    }),
  );
};

const withPending = (
  state: WorkflowState,
  pending: PendingWrite,
): WorkflowState => ({ ...state, pending });

const skippedAction = (
  operation: WriteOperation,
  repairs: VerdictState,
): ActionTaken => ({
  operation,
  repairs,
  dryRun: true,
  status: 'SKIPPED',
  at: new Date().toISOString(),
});

/** True when a dry run already described a re-creation. */
const hasSkipped = (state: WorkflowState): boolean =>
  state.actions.some(
    (action) => action.operation === 'CreateAccountAssignment' && action.dryRun,
  );
