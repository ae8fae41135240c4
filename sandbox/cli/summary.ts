import type { ScenarioRun } from '../scenarios/run-scenario';

/** The summary table and the alerts, as text for people. */

const COLUMNS = [
  { title: 'Scenario', width: 32 },
  { title: 'Expected', width: 16 },
  { title: 'Actual', width: 16 },
  { title: 'Cause', width: 32 },
  { title: 'Writes', width: 7 },
  { title: 'API calls', width: 10 },
  { title: 'Sim. min', width: 9 },
  { title: 'Result', width: 6 },
] as const;

const row = (cells: readonly string[]): string =>
  cells
    .map((cell, index) => cell.padEnd(COLUMNS[index]?.width ?? 0))
    .join(' ')
    .trimEnd();

const minutes = (run: ScenarioRun): string =>
  run.workflow ? (run.workflow.simulatedSeconds / 60).toFixed(1) : '-';

/** One row per run, then one line per difference from an expectation. */
export const summaryTable = (runs: readonly ScenarioRun[]): string => {
  const lines = [
    row(COLUMNS.map((column) => column.title)),
    row(COLUMNS.map((column) => '-'.repeat(column.width))),
    ...runs.map((run) =>
      row([
        run.scenario.name,
        run.scenario.expect.outcome,
        run.outcome ?? '-',
        run.cause ?? '-',
        String(run.writes.length),
        String(run.calls.length),
        minutes(run),
        run.mismatches.length === 0 ? 'ok' : 'FAIL',
      ]),
    ),
  ];
  const failures = runs.flatMap((run) =>
    run.mismatches.map((problem) => `  ${run.scenario.name}: ${problem}`),
  );

  return [
    ...lines,
    ...(failures.length > 0 ? ['', 'Differences:', ...failures] : []),
  ].join('\n');
};

const rule = (title: string): string =>
  `--- ${title} ${'-'.repeat(Math.max(3, 76 - title.length))}`;

/** What on-call would read for each run: the email of its one message. */
export const alertTexts = (runs: readonly ScenarioRun[]): string =>
  runs
    .map((run) => {
      const title = `${run.scenario.name}: ${run.scenario.symptom}`;
      const [message, ...more] = run.messages;
      if (!message) {
        return `${rule(title)}\n(silent: healthy results are not published)`;
      }

      const extra =
        more.length > 0
          ? `\n(and ${more.length} more message(s): one was expected)`
          : '';

      return (
        `${rule(title)}\nSubject: ${message.subject ?? '(none)'}\n\n` +
        `${message.deliveries.email.trimEnd()}${extra}`
      );
    })
    .join('\n\n');
