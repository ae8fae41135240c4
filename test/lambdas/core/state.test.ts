import {
  addToCounter,
  appendActions,
  initialState,
  requireRequest,
  updateAction,
  withoutUndefined,
} from '../../../lambdas/core/state';
import type { ActionTaken } from '../../../lambdas/core/types';
import {
  aRequest,
  aState,
  EXECUTION,
  PROVISION_REQUEST_ID,
  RECREATE_REQUEST_ID,
} from './workflow-fixtures';

const provision: ActionTaken = {
  operation: 'ProvisionPermissionSet',
  dryRun: false,
  requestId: PROVISION_REQUEST_ID,
  status: 'IN_PROGRESS',
  at: '2026-05-04T09:34:00.000Z',
};

describe('initialState', () => {
  it('starts with zero counters and no actions', () => {
    // Prepare
    const request = aRequest();

    // Act
    const state = initialState(EXECUTION, { request });

    // Assess
    expect(state).toEqual({
      execution: EXECUTION,
      request,
      counters: { checks: 0, waits: 0, reprovisions: 0 },
      actions: [],
    });
  });

  it('gives every state its own counters', () => {
    // Act
    const first = initialState(EXECUTION, { problems: [] });
    const second = initialState(EXECUTION, { problems: [] });

    // Assess
    expect(first.counters).not.toBe(second.counters);
  });
});

describe('requireRequest', () => {
  it('returns the request of the state', () => {
    // Prepare
    const state = aState();

    // Act & Assess
    expect(requireRequest(state)).toBe(state.request);
  });

  it('throws a StepInputError without a request', () => {
    // Act & Assess
    expect(() => requireRequest(aState({ request: undefined }))).toThrow(
      expect.objectContaining({ name: 'StepInputError' }),
    );
  });
});

describe('addToCounter', () => {
  it('adds to one counter and leaves the state untouched', () => {
    // Prepare
    const state = aState({
      counters: { checks: 2, waits: 1, reprovisions: 0 },
    });

    // Act
    const result = addToCounter(state, 'waits');

    // Assess
    expect(result.counters).toEqual({ checks: 2, waits: 2, reprovisions: 0 });
    expect(state.counters.waits).toBe(1);
  });
});

describe('appendActions and updateAction', () => {
  it('updates only the action with the request id', () => {
    // Prepare
    const dryRun: ActionTaken = {
      operation: 'CreateAccountAssignment',
      dryRun: true,
      status: 'SKIPPED',
      at: provision.at,
    };
    const recreate: ActionTaken = {
      ...provision,
      operation: 'CreateAccountAssignment',
      requestId: RECREATE_REQUEST_ID,
    };
    const state = appendActions(aState(), provision, recreate, dryRun);

    // Act
    const result = updateAction(state, RECREATE_REQUEST_ID, {
      status: 'FAILED',
      failureReason: 'An unexpected internal service exception was encountered',
    });

    // Assess
    expect(result.actions).toEqual([
      provision,
      {
        ...recreate,
        status: 'FAILED',
        failureReason:
          'An unexpected internal service exception was encountered',
      },
      dryRun,
    ]);
    expect(state.actions[1]).toBe(recreate);
  });
});

describe('withoutUndefined', () => {
  it('drops keys whose value is undefined', () => {
    // Act & Assess
    expect(
      Object.keys(withoutUndefined({ a: 1, b: undefined, c: null })),
    ).toEqual(['a', 'c']);
  });
});
