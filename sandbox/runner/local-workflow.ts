import './polyfill';
import { StateMachine } from 'aws-local-stepfunctions';
import type { AslDefinition } from '../definition';
import { STEP_HANDLERS, type StepHandler } from './handlers';

/** The library's JSON value type, which it does not export by name. */
type JSONValue = Parameters<StateMachine['run']>[0];

export interface LocalRunOptions {
  readonly definition: AslDefinition;
  /** Which step (`HEALER_STEP`) each Lambda task state runs. */
  readonly stepOfState: Readonly<Record<string, string>>;
  readonly input: unknown;
  /**
   * How many simulated seconds pass in one real second. Wait states are
   * shortened by this factor; 1 runs in real time.
   * @default 1
   */
  readonly timeScale?: number;
  /** @default the real handlers */
  readonly handlers?: Readonly<Record<string, StepHandler>>;
  /** @default a name made from the time */
  readonly executionName?: string;
  /**
   * Each step's environment variables, as its function has them: set
   * around every call of that step's handler, then put back.
   * @default - the process environment as it is
   */
  readonly environmentOfStep?: Readonly<
    Record<string, Readonly<Record<string, string>>>
  >;
  /** Variables set over every step's own, such as a local topic ARN. */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Called once the state machine is built, just before the execution
   * starts: building it takes real time, which a scaled clock would
   * count as minutes.
   */
  readonly onStarted?: () => void;
  /** Called as each state is entered, for progress output. */
  readonly onStateEntered?: (name: string, type: string) => void;
  /** Stands in for SDK-integration tasks such as `sns:publish`. */
  readonly serviceTasks?: Readonly<
    Record<string, (parameters: Record<string, unknown>) => Promise<unknown>>
  >;
}

export interface LocalRunResult {
  readonly status: 'SUCCEEDED' | 'FAILED';
  /** The Succeed or Fail state the execution ended in, when it did. */
  readonly endState?: string;
  readonly error?: string;
  readonly cause?: string;
  /** The state document as the last state received it. */
  readonly lastInput: unknown;
  readonly output?: unknown;
  /** Every state entered, in order. */
  readonly path: readonly string[];
  /** Simulated seconds: declared waits plus real time spent in tasks. */
  readonly simulatedSeconds: number;
  readonly executionArn: string;
}

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

/** Retries pause 10 ms instead of seconds: the test is the path taken. */
const RETRY_PAUSE_MS = 10;

/**
 * Runs a state machine definition locally with aws-local-stepfunctions,
 * calling the real handlers in-process where the deployed machine would
 * invoke the Lambda functions.
 */
export const runLocalWorkflow = async (
  options: LocalRunOptions,
): Promise<LocalRunResult> => {
  const timeScale = options.timeScale ?? 1;
  const name = options.executionName ?? `local-${Date.now()}`;
  const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:AssignmentHealer:${name}`;
  const states = options.definition.States;
  const tasks = Object.keys(states).filter((s) => states[s]?.Type === 'Task');
  const waits = Object.keys(states).filter((s) => states[s]?.Type === 'Wait');

  const taskResourceLocalHandlers = Object.fromEntries(
    tasks.map((state) => [state, localTask(state, options)]),
  ) as Record<string, (input: JSONValue) => Promise<JSONValue>>;
  const waitTimeOverrides = Object.fromEntries(
    waits.map((state) => [
      state,
      (waitSeconds(states[state]) * 1000) / timeScale,
    ]),
  );
  const retryIntervalOverrides = Object.fromEntries(
    tasks.map((state) => [state, RETRY_PAUSE_MS]),
  );

  const machine = new StateMachine(options.definition as never, {
    validationOptions: { checkArn: false, checkPaths: true },
  });
  options.onStarted?.();
  const started = Date.now();
  const execution = machine.run(options.input as never, {
    overrides: {
      taskResourceLocalHandlers,
      waitTimeOverrides,
      retryIntervalOverrides,
    },
    context: { Execution: { Id: executionArn, Name: name } } as never,
  });

  const path: string[] = [];
  let lastInput: unknown = options.input;
  const watching = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered') {
        path.push(event.state.name);
        lastInput = event.state.input;
        options.onStateEntered?.(event.state.name, event.state.type);
      }
    }
  })();

  let output: unknown;
  let failure: { name: string; message: string } | undefined;
  try {
    output = await execution.result;
  } catch (error) {
    const inner = (error as { cause?: Error }).cause ?? (error as Error);
    failure = { name: inner.name, message: inner.message };
  }
  await watching;

  const waitedSeconds = path
    .filter((state) => states[state]?.Type === 'Wait')
    .reduce((sum, state) => sum + waitSeconds(states[state]), 0);
  const realSeconds = (Date.now() - started) / 1000;
  const endState = path.at(-1);
  const endType = endState ? states[endState]?.Type : undefined;

  return {
    status: failure ? 'FAILED' : 'SUCCEEDED',
    endState:
      endType === 'Succeed' || endType === 'Fail' ? endState : undefined,
    error: failure?.name,
    cause: failure?.message,
    lastInput,
    output,
    path,
    simulatedSeconds:
      waitedSeconds + Math.max(0, realSeconds - waitedSeconds / timeScale),
    executionArn,
  };
};

const waitSeconds = (state: Record<string, unknown> | undefined): number =>
  typeof state?.Seconds === 'number' ? state.Seconds : 0;

/**
 * The stand-in for one Task state. Input and output go through JSON, as
 * they do between Step Functions and Lambda, and a thrown error reaches
 * Retry and Catch under its `name`, with Lambda's JSON `Cause`.
 */
const localTask = (
  state: string,
  options: LocalRunOptions,
): ((input: JSONValue) => Promise<JSONValue>) => {
  const step = options.stepOfState[state];
  const handlers = options.handlers ?? STEP_HANDLERS;
  const service = options.serviceTasks?.[state];

  return async (input) => {
    const event = JSON.parse(JSON.stringify(input ?? null));
    try {
      if (step !== undefined) {
        const handler = handlers[step];
        if (!handler) {
          throw new Error(`no local handler for step "${step}"`);
        }
        const variables = {
          ...withoutRuntimeOnly(options.environmentOfStep?.[step] ?? {}),
          ...options.environment,
        };
        const result = await withEnvironment(variables, () =>
          handler(event as never),
        );

        return JSON.parse(JSON.stringify(result ?? null));
      }
      if (service) {
        return (await service(event)) as JSONValue;
      }
      throw new Error(`state "${state}" has no local stand-in`);
    } catch (error) {
      throw asLambdaError(error);
    }
  };
};

const asLambdaError = (error: unknown): Error => {
  const original =
    error instanceof Error ? error : new Error(String(error ?? 'unknown'));
  const wrapped = new Error(
    JSON.stringify({
      errorType: original.name,
      errorMessage: original.message,
    }),
  );
  wrapped.name = original.name;

  return wrapped;
};

// The Lambda runtime's Node.js options mean nothing in-process, and the
// log level stays the caller's: tests and `npm start` keep logs quiet.
const RUNTIME_ONLY = new Set(['NODE_OPTIONS', 'POWERTOOLS_LOG_LEVEL']);

const withoutRuntimeOnly = (
  variables: Readonly<Record<string, string>>,
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(variables).filter(([name]) => !RUNTIME_ONLY.has(name)),
  );

/** Runs `call` with `variables` set, then puts the environment back. */
const withEnvironment = async <T>(
  variables: Readonly<Record<string, string>>,
  call: () => Promise<T>,
): Promise<T> => {
  const saved = Object.keys(variables).map(
    (name) => [name, process.env[name]] as const,
  );
  Object.assign(process.env, variables);

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
