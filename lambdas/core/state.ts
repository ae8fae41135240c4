import { StepInputError } from './errors';
import type {
  ActionTaken,
  Counters,
  ExecutionInfo,
  FieldProblem,
  Request,
  WorkflowState,
} from './types';

/**
 * Small helpers that build and update the {@link WorkflowState}. Each one
 * returns a new object and leaves its argument untouched, because the
 * state is the whole record of an execution.
 */

/** The counters of a new execution. */
export const ZERO_COUNTERS: Counters = Object.freeze({
  checks: 0,
  waits: 0,
  reprovisions: 0,
});

/** The first state of an execution: with a request or with problems. */
export const initialState = (
  execution: ExecutionInfo,
  result:
    | { readonly request: Request }
    | { readonly problems: readonly FieldProblem[] },
): WorkflowState => ({
  execution: { id: execution.id, startTime: execution.startTime },
  ...result,
  counters: { ...ZERO_COUNTERS },
  actions: [],
});

/**
 * The request of a state, for steps that cannot run without one.
 *
 * @throws StepInputError when "Read request" set no request.
 */
export const requireRequest = (state: WorkflowState): Request => {
  if (state?.request === undefined) {
    throw new StepInputError(
      'Expected the workflow state to carry a request, received none; ' +
        'this step runs only after "Read request" accepted the input.',
    );
  }

  return state.request;
};

/** Adds `by` (default 1) to one counter. */
export const addToCounter = (
  state: WorkflowState,
  counter: keyof Counters,
  by = 1,
): WorkflowState => ({
  ...state,
  counters: { ...state.counters, [counter]: state.counters[counter] + by },
});

/** Appends actions, in order, to the actions taken. */
export const appendActions = (
  state: WorkflowState,
  ...actions: readonly ActionTaken[]
): WorkflowState => ({
  ...state,
  actions: [...state.actions, ...actions],
});

/**
 * Updates the status of the action whose write had `requestId`; the other
 * actions are kept as they were.
 */
export const updateAction = (
  state: WorkflowState,
  requestId: string,
  update: Pick<ActionTaken, 'status' | 'failureReason'>,
): WorkflowState => ({
  ...state,
  actions: state.actions.map((action) =>
    action.requestId === requestId && !action.dryRun
      ? withoutUndefined({ ...action, ...update })
      : action,
  ),
});

/**
 * A copy of `value` without the keys whose value is `undefined`, so the
 * JSON that Step Functions stores has no empty fields.
 */
export const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as T;
