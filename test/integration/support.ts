import type { WorkflowState } from '../../lambdas/core/types';
import type { HealerProps } from '../../lib/config';
import {
  type HealerDefinition,
  loadHealerDefinition,
} from '../../sandbox/definition';
import { STEP_HANDLERS, type StepHandler } from '../../sandbox/runner/handlers';
import {
  type LocalRunResult,
  runLocalWorkflow,
} from '../../sandbox/runner/local-workflow';
import {
  ACCOUNT_ID,
  INSTANCE_ARN,
  PERMISSION_SET_ARN,
  USER_ID,
} from '../lambdas/core/workflow-fixtures';

/**
 * Runs the synthesized state machine locally, with the real handlers,
 * each under the environment variables of its own function.
 */

/** The name of the SNS integration task that stands in for the report. */
export const FALLBACK_STATE = 'Publish fallback report';

/** What a person types in the console to check the user's assignment. */
export const MANUAL_INPUT = {
  accountId: ACCOUNT_ID,
  permissionSetArn: PERMISSION_SET_ARN,
  principalType: 'USER',
  principalId: USER_ID,
};

/** The states of a valid request before its first check. */
export const STARTED = [
  'Read request',
  'Is the request valid?',
  'Wait for propagation',
] as const;

/** A check of provisioning and the choice on what it found. */
export const CHECKED = [
  'Check provisioning',
  'What did the check find?',
] as const;

/** One wait for a write, the read of its status and the choice on it. */
export const POLLED = [
  'Wait for the write to finish',
  'Read write status',
  'Did the write finish?',
] as const;

/** The report, the choice on its outcome and the state it ends in. */
export const reportedAs = (end: string): string[] => [
  'Report outcome',
  'Route by outcome',
  end,
];

/** How many times the execution entered `state`. */
export const timesEntered = (
  run: { readonly path: readonly string[] },
  state: string,
): number => run.path.filter((entered) => entered === state).length;

/** The state document that the execution's last state received. */
export const finalState = (run: { lastInput: unknown }): WorkflowState =>
  run.lastInput as WorkflowState;

/** Text with line breaks and indentation folded into single spaces. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

/** The definition of a synthesized stack, and its functions' variables. */
export type Healer = HealerDefinition;

/**
 * Synthesizes the stack with the instance of the fixtures. The variables
 * of each function come from the template, so a test runs every handler
 * with the settings that the deployed function would have.
 */
export const loadHealer = (overrides: Partial<HealerProps> = {}): Healer =>
  loadHealerDefinition({ instanceArn: INSTANCE_ARN, ...overrides });

// Keeps the report's EMF lines out of the test output.
const HARNESS_VARIABLES = { POWERTOOLS_METRICS_DISABLED: 'true' };

export interface HealerRun extends LocalRunResult {
  /** Invocations of each step's handler, retries included. */
  readonly invocations: Readonly<Record<string, number>>;
  /** The stand-in for the `sns:publish` fallback task. */
  readonly fallback: jest.Mock<Promise<unknown>, [Record<string, unknown>]>;
}

/**
 * Executes the workflow with the real handlers, each under its own
 * function's variables, with waits shortened a million times.
 */
export const runHealer = async (
  healer: Healer,
  input: unknown,
  handlers: Readonly<Record<string, StepHandler>> = STEP_HANDLERS,
): Promise<HealerRun> => {
  const invocations: Record<string, number> = {};
  const counted = Object.fromEntries(
    Object.entries(handlers).map(([step, handler]) => [
      step,
      (event: never) => {
        invocations[step] = (invocations[step] ?? 0) + 1;

        return handler(event);
      },
    ]),
  );
  const fallback = jest.fn<Promise<unknown>, [Record<string, unknown>]>(
    async () => ({ MessageId: 'fallback-message-1' }),
  );

  const result = await runLocalWorkflow({
    definition: healer.definition,
    stepOfState: healer.stepOfState,
    input,
    timeScale: 1e6,
    handlers: counted,
    environmentOfStep: healer.environmentOfStep,
    environment: HARNESS_VARIABLES,
    serviceTasks: { [FALLBACK_STATE]: fallback },
  });

  return { ...result, invocations, fallback };
};
