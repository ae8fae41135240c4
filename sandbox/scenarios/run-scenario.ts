import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type {
  CauseCode,
  Outcome,
  WorkflowState,
} from '../../lambdas/core/types';
import { matchesEventPattern } from '../event-pattern';
import { STEP_HANDLERS, type StepHandler } from '../runner/handlers';
import {
  type LocalRunResult,
  runLocalWorkflow,
} from '../runner/local-workflow';
import {
  type CallRecord,
  type PublishedMessage,
  type Sandbox,
  startSandbox,
} from '../server/index';
import {
  applyEnvironment,
  sandboxEnvironment,
  sandboxSettings,
  topicOf,
} from './environment';
import { mismatchesOf } from './expectations';
import type { PreparedHealer } from './healer';
import { triggerInput } from './trigger';
import type { Scenario } from './types';

/**
 * Simulated seconds per real second, for the workflow's Wait states and
 * the sandbox's delays alike: 10 simulated minutes per real second.
 */
export const DEFAULT_TIME_SCALE = 600;

export interface RunScenarioOptions {
  /** The synthesized healer, with the scenario's configuration. */
  readonly healer: PreparedHealer;
  /** @default DEFAULT_TIME_SCALE */
  readonly timeScale?: number;
  /** Turns the functions' metric output off. @default true */
  readonly quiet?: boolean;
  /** Called as each state is entered. */
  readonly onStateEntered?: (name: string, type: string) => void;
  /** Called with the state a task returned, once it returned. */
  readonly onTaskFinished?: (name: string, result: WorkflowState) => void;
}

/** How a scenario ran. */
export interface ScenarioRun {
  readonly scenario: Scenario;
  /** Absent for a manual input, which no rule sees. */
  readonly ruleMatched?: boolean;
  /** Absent when the rule did not match, so nothing ran. */
  readonly workflow?: LocalRunResult;
  /** The state as the end state received it. */
  readonly state?: WorkflowState;
  readonly outcome?: Outcome;
  readonly cause?: CauseCode;
  /**
   * Every write to Identity Center the sandbox received (the report's
   * SNS publish is not one).
   */
  readonly writes: readonly CallRecord[];
  /** Every call the sandbox received. */
  readonly calls: readonly CallRecord[];
  readonly messages: readonly PublishedMessage[];
  /** Real milliseconds, sandbox start to close. */
  readonly realMs: number;
  /** How the run differs from the scenario's expectation; empty if not. */
  readonly mismatches: readonly string[];
}

const SNS_PUBLISH = 'arn:aws:states:::sns:publish';

/**
 * Stands in for the fallback's `sns:publish` integration. The stack
 * publishes it to the report topic, whose synthesized ARN is a
 * placeholder: here it goes to the sandbox's report topic.
 */
const publishTo =
  (sandbox: Sandbox) =>
  async (parameters: Record<string, unknown>): Promise<unknown> => {
    const client = new SNSClient({
      endpoint: sandbox.url,
      region: sandbox.world.definition.region ?? 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const output = await client.send(
      new PublishCommand({
        TopicArn: topicOf(sandbox),
        Subject: parameters.Subject as string | undefined,
        Message: String(parameters.Message),
      }),
    );

    return { MessageId: output.MessageId };
  };

/** Task state name by step, and by operation for the shared function. */
const stateNamesOf = (healer: PreparedHealer) => {
  const names = new Map<string, string>();
  for (const [state, step] of Object.entries(healer.stepOfState)) {
    const parameters = healer.definition.States[state]?.Parameters as
      | { operation?: string }
      | undefined;
    names.set(`${step}|${parameters?.operation ?? ''}`, state);
  }

  return (step: string, event: unknown): string =>
    names.get(`${step}|${(event as { operation?: string }).operation ?? ''}`) ??
    step;
};

const observedHandlers = (
  options: RunScenarioOptions,
): Record<string, StepHandler> => {
  const stateOf = stateNamesOf(options.healer);

  return Object.fromEntries(
    Object.entries(STEP_HANDLERS).map(([step, handler]) => [
      step,
      async (event: never) => {
        const result = await handler(event);
        options.onTaskFinished?.(stateOf(step, event), result as WorkflowState);

        return result;
      },
    ]),
  );
};

/**
 * Runs one scenario end to end: a sandbox with the scenario's world, the
 * rule's pattern against the trigger, then the synthesized workflow with
 * the real handlers, which reach the sandbox through the SDK over HTTP.
 */
export const runScenario = async (
  scenario: Scenario,
  options: RunScenarioOptions,
): Promise<ScenarioRun> => {
  const { healer } = options;
  const timeScale = options.timeScale ?? DEFAULT_TIME_SCALE;
  const started = Date.now();
  const sandbox = await startSandbox({ world: scenario.world, timeScale });
  const restore = applyEnvironment(sandboxEnvironment(sandbox));

  try {
    const input = triggerInput(scenario, sandbox.world);
    const ruleMatched =
      scenario.trigger.kind === 'EVENT'
        ? matchesEventPattern(healer.rulePattern, input)
        : undefined;
    const workflow =
      ruleMatched === false
        ? undefined
        : await runLocalWorkflow({
            definition: healer.definition,
            stepOfState: healer.stepOfState,
            input,
            timeScale,
            executionName: `scenario-${scenario.name}`,
            handlers: observedHandlers(options),
            environmentOfStep: healer.environmentOfStep,
            environment: sandboxSettings(sandbox, options.quiet ?? true),
            // The world's time 0 is the start of the execution.
            onStarted: () => sandbox.reset(),
            onStateEntered: options.onStateEntered,
            serviceTasks: Object.fromEntries(
              Object.entries(healer.definition.States)
                .filter(([, state]) => state.Resource === SNS_PUBLISH)
                .map(([name]) => [name, publishTo(sandbox)]),
            ),
          });

    const state = workflow?.lastInput as WorkflowState | undefined;
    const writes = sandbox.calls({ service: 'sso-admin', writes: true });
    const facts = {
      ruleMatched,
      outcome: state?.report?.outcome,
      cause: state?.report?.cause,
      writes: writes.length,
      path: workflow?.path ?? [],
      state,
    };

    return {
      scenario,
      ...facts,
      workflow,
      writes,
      calls: sandbox.calls(),
      messages: sandbox.messages(),
      realMs: Date.now() - started,
      mismatches: mismatchesOf(scenario.expect, facts),
    };
  } finally {
    restore();
    await sandbox.close();
  }
};
