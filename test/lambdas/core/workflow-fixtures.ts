import type {
  ExecutionInfo,
  Request,
  Verdict,
  WorkflowState,
} from '../../../lambdas/core/types';
import { CALLER, EVENT_ID, EVENT_TIME } from '../../fixtures/cloudtrail-event';
import {
  ACCOUNT_ID,
  CREATION_REQUEST_ID,
  INSTANCE_ARN,
  PERMISSION_SET_ARN,
  USER_ID,
} from '../../fixtures/identity-center';

/**
 * Identifiers and documents shared by the tests of the workflow steps.
 * The values follow the real CloudTrail record of a
 * CreateAccountAssignment call.
 */

export { cloudTrailEvent } from '../../fixtures/cloudtrail-event';
export { FAILURE_REASONS } from '../../fixtures/failure-reasons';
export * from '../../fixtures/identity-center';

export const OTHER_PERMISSION_SET_ARN =
  'arn:aws:sso:::permissionSet/ssoins-72233af8ea2d1f14/ps-0000111122223333';

export const OTHER_GROUP_ID = '54b87428-4081-7042-c3c6-928d413009aa';

export const IDENTITY_STORE_ID = 'd-9067123456';

export const EXECUTION: ExecutionInfo = {
  id: 'arn:aws:states:us-east-1:111122223333:execution:assignment-healer:0b1c',
  startTime: '2026-05-04T09:30:00.000Z',
};

export const aRequest = (overrides: Partial<Request> = {}): Request => ({
  instanceArn: INSTANCE_ARN,
  accountId: ACCOUNT_ID,
  permissionSetArn: PERMISSION_SET_ARN,
  principal: { type: 'USER', id: USER_ID },
  creationRequestId: CREATION_REQUEST_ID,
  trigger: {
    kind: 'EVENT',
    eventId: EVENT_ID,
    eventTime: EVENT_TIME,
    actor: CALLER.actor,
  },
  ...overrides,
});

export const aVerdict = (
  state: Verdict['state'],
  evidence: Verdict['evidence'] = {},
): Verdict => ({
  state,
  summary: `The check found ${state}.`,
  evidence,
  checkedAt: '2026-05-04T09:33:00.000Z',
});

export const aState = (
  overrides: Partial<WorkflowState> = {},
): WorkflowState => ({
  execution: EXECUTION,
  request: aRequest(),
  counters: { checks: 0, waits: 0, reprovisions: 0 },
  actions: [],
  ...overrides,
});
