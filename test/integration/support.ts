import { SETTING_NAMES } from '../../lambdas/core/settings';
import type { WorkflowState } from '../../lambdas/core/types';
import type { HealerProps } from '../../lib/config';
import {
  type HealerDefinition,
  readHealerDefinition,
  resolveReferences,
  synthesizeHealer,
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

/** The state document that the execution's last state received. */
export const finalState = (run: { lastInput: unknown }): WorkflowState =>
  run.lastInput as WorkflowState;

/** Text with line breaks and indentation folded into single spaces. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

/** The definition of a synthesized stack, and its functions' variables. */
export interface Healer extends HealerDefinition {
  /** Environment variables of each function, by its step. */
  readonly environmentOfStep: Readonly<
    Record<string, Readonly<Record<string, string>>>
  >;
}

/**
 * Synthesizes the stack with the instance of the fixtures. The variables
 * of each function come from the template, so a test runs every handler
 * with the settings that the deployed function would have.
 */
export const loadHealer = (overrides: Partial<HealerProps> = {}): Healer => {
  const template = synthesizeHealer({
    instanceArn: INSTANCE_ARN,
    ...overrides,
  });
  const environmentOfStep: Record<string, Record<string, string>> = {};
  for (const resource of Object.values(template.Resources ?? {})) {
    const environment = resolveReferences(
      resource.Properties?.Environment,
      template,
    ) as { Variables?: Record<string, string> } | undefined;
    const step = environment?.Variables?.[SETTING_NAMES.step];
    if (resource.Type === 'AWS::Lambda::Function' && step && environment) {
      environmentOfStep[step] = environment.Variables ?? {};
    }
  }

  return { ...readHealerDefinition(template), environmentOfStep };
};

// Kept as the test process has them: logs stay silent, and the Lambda
// runtime's options mean nothing in-process.
const TEST_OWNED = new Set(['POWERTOOLS_LOG_LEVEL', 'NODE_OPTIONS']);

// Keeps the report's EMF lines out of the test output.
const HARNESS_VARIABLES = { POWERTOOLS_METRICS_DISABLED: 'true' };

/** Runs `call` with `variables` set, then puts the environment back. */
const withEnvironment = async <T>(
  variables: Readonly<Record<string, string>>,
  call: () => Promise<T>,
): Promise<T> => {
  const saved = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(variables)) {
    if (!TEST_OWNED.has(name)) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
  }

  try {
    return await call();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  }
};

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
  const wrapped = Object.fromEntries(
    Object.entries(handlers).map(([step, handler]) => [
      step,
      (event: never) => {
        invocations[step] = (invocations[step] ?? 0) + 1;

        return withEnvironment(
          { ...healer.environmentOfStep[step], ...HARNESS_VARIABLES },
          () => handler(event),
        );
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
    handlers: wrapped,
    serviceTasks: { [FALLBACK_STATE]: fallback },
  });

  return { ...result, invocations, fallback };
};
