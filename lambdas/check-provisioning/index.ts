import { RequestMismatchError } from '../core/errors';
import { gatherEvidence } from '../core/evidence';
import { appendCorrelationKeys, logger } from '../core/logger';
import { readSettings } from '../core/settings';
import { addToCounter, requireRequest } from '../core/state';
import type { WorkflowState } from '../core/types';
import { decideVerdict, isWaitVerdict } from '../core/verdict';

/**
 * "Check provisioning": gathers the evidence with read-only calls and
 * decides the verdict that the next Choice state routes on. AWS errors
 * propagate by name, for the state machine's Retry and Catch. A request
 * that contradicts AWS (a creation request id of another assignment)
 * comes back with `problems`, like an invalid input.
 */
export const handler = async (state: WorkflowState): Promise<WorkflowState> => {
  const request = requireRequest(state);
  appendCorrelationKeys(state);
  const settings = readSettings();

  let gathered: Awaited<ReturnType<typeof gatherEvidence>>;
  try {
    gathered = await gatherEvidence(state, request, settings.identityStoreId);
  } catch (error) {
    if (!(error instanceof RequestMismatchError)) {
      throw error;
    }
    logger.warn('request contradicts aws', { problem: error.problem });

    return { ...state, problems: [error.problem] };
  }

  const verdict = decideVerdict(gathered.evidence, new Date().toISOString());
  logger.info('provisioning checked', {
    verdict: verdict.state,
    summary: verdict.summary,
  });
  logger.debug('evidence gathered', { evidence: verdict.evidence });

  const checked = addToCounter(
    { ...state, request: gathered.request, verdict },
    'checks',
  );

  return isWaitVerdict(verdict) ? addToCounter(checked, 'waits') : checked;
};
