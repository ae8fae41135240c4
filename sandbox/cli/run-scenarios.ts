import { parseArgs } from 'node:util';
import {
  findScenario,
  SCENARIOS,
  type Scenario,
  UnknownScenarioError,
} from '../scenarios/index';

/**
 * `npm start [-- [--verbose] [scenario…]]`: runs the scenarios against
 * the local sandbox with the synthesized workflow and the real handlers,
 * prints a line per scenario as it runs, the summary table and the alert
 * text on-call would read. Exits 1 when a scenario ends other than it
 * declares, 2 on a bad argument.
 */

const USAGE = 'Usage: npm start -- [--verbose] [scenario ...]';

const HELP = [
  USAGE,
  "  --verbose  show the functions' logs and metrics",
  'Scenarios (all of them when none is named):',
  ...SCENARIOS.map(
    (scenario) => `  ${scenario.name.padEnd(32)} ${scenario.title}`,
  ),
].join('\n');

const write = (text: string): void => {
  process.stdout.write(text);
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

interface Arguments {
  readonly verbose: boolean;
  readonly scenarios: readonly Scenario[];
}

/** The arguments, or the exit code after printing why they are wrong. */
const readArguments = (args: readonly string[]): Arguments | number => {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }

    return {
      verbose: values.verbose === true,
      scenarios:
        positionals.length > 0 ? positionals.map(findScenario) : SCENARIOS,
    };
  } catch (error) {
    const known =
      error instanceof UnknownScenarioError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!known) {
      throw error;
    }
    console.error(
      `${(error as Error).message}\n${USAGE}` +
        (error instanceof UnknownScenarioError ? '' : '\n(--help lists them)'),
    );

    return 2;
  }
};

const main = async (): Promise<number> => {
  const args = readArguments(process.argv.slice(2));
  if (typeof args === 'number') {
    return args;
  }

  // Read when the handlers' modules load, so set before they do.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  if (!args.verbose) {
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  }
  const { healerCache } = await import('../scenarios/healer');
  const { DEFAULT_TIME_SCALE, runScenario } = await import(
    '../scenarios/run-scenario'
  );
  const { STATE_NAMES } = await import('../../lib/workflow-states');
  const { progressLine } = await import('./progress');
  const { alertTexts, summaryTable } = await import('./summary');

  const started = Date.now();
  const healerFor = healerCache();
  let synthesisMs = 0;
  const runs = [];
  write(
    `Running ${args.scenarios.length} scenario(s) against the local ` +
      `sandbox; time scale ${DEFAULT_TIME_SCALE}: ` +
      `${DEFAULT_TIME_SCALE / 60} simulated minutes per real second.\n\n`,
  );

  for (const [index, scenario] of args.scenarios.entries()) {
    const synthesisStart = Date.now();
    const healer = healerFor(scenario.config);
    synthesisMs += Date.now() - synthesisStart;

    const counter = `[${String(index + 1).padStart(2)}/${args.scenarios.length}]`;
    const line = progressLine(
      write,
      `${counter} ${scenario.name.padEnd(32)} `,
      {
        waitSeconds: (state) =>
          Number(healer.definition.States[state]?.Seconds ?? 0),
        pollWait: STATE_NAMES.waitForWrite,
        oneStatePerLine: args.verbose,
      },
    );
    const run = await runScenario(scenario, {
      healer,
      quiet: !args.verbose,
      onStateEntered: line.onStateEntered,
      onTaskFinished: line.onTaskFinished,
    });
    line.end(
      run.ruleMatched === false
        ? 'rule pattern did not match the event: FAIL'
        : `  ${run.mismatches.length === 0 ? 'ok' : 'FAIL'} (${seconds(run.realMs)})`,
    );
    runs.push(run);
  }

  const failed = runs.filter((run) => run.mismatches.length > 0);
  write(`\n${summaryTable(runs)}\n\n`);
  write(`Alerts on-call would read (the email of each report):\n\n`);
  write(`${alertTexts(runs)}\n\n`);
  write(
    `${runs.length} scenario(s) in ${seconds(Date.now() - started)} ` +
      `(synthesis ${seconds(synthesisMs)}); ` +
      `${failed.length === 0 ? 'all as expected' : `${failed.length} FAILED`}.\n`,
  );

  return failed.length === 0 ? 0 : 1;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
