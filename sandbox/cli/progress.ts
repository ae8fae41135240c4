import type { WorkflowState } from '../../lambdas/core/types';

/**
 * One line per scenario that grows as its states run: only appended to,
 * never rewritten, so it reads the same in a terminal and in a CI log.
 * Choice states are left out (the next state shows what they chose), and
 * so are the short waits between status reads.
 */

type Write = (text: string) => void;

const LABELS: Readonly<Record<string, string>> = {
  'Read request': 'read',
  'Check provisioning': 'check',
  'Re-provision permission set': 'provision',
  'Read write status': 'status',
  'Re-create assignment': 're-create',
  'Validate policies': 'validate',
  'Report outcome': 'report',
  'Publish fallback report': 'fallback report',
};

const SEPARATOR = ' > ';

/** What a task found, in a word or two. */
const resultOf = (state: string, result: WorkflowState): string => {
  switch (state) {
    case 'Check provisioning':
      return result.verdict?.state ?? '';
    case 'Re-provision permission set':
    case 'Read write status':
    case 'Re-create assignment':
      return result.pending?.status ?? '';
    case 'Validate policies': {
      const findings = result.validation?.findings.length ?? 0;

      return `${findings} finding${findings === 1 ? '' : 's'}`;
    }
    case 'Report outcome':
      return result.report?.published ? 'sent' : 'silent';
    default:
      return '';
  }
};

export interface ProgressLine {
  readonly onStateEntered: (name: string, type: string) => void;
  readonly onTaskFinished: (name: string, result: WorkflowState) => void;
  /** Ends the line with the verdict of the run. */
  readonly end: (suffix: string) => void;
}

/**
 * Starts the line of one scenario. `waitSeconds` gives the declared
 * seconds of each Wait state; `pollWait` is the wait left out. With
 * `oneStatePerLine`, each state gets a line of its own, so that log lines
 * printed meanwhile do not break it up.
 */
export const progressLine = (
  write: Write,
  heading: string,
  options: {
    readonly waitSeconds: (state: string) => number;
    readonly pollWait: string;
    readonly oneStatePerLine?: boolean;
  },
): ProgressLine => {
  const perLine = options.oneStatePerLine === true;
  const results = new Map<string, string>();
  let parts = 0;
  let task: string | undefined;
  const add = (text: string) => {
    write(perLine ? `    ${text}\n` : `${parts === 0 ? '' : SEPARATOR}${text}`);
    parts += 1;
  };
  // A task is written with its result when the next state starts: the
  // task has surely returned by then.
  const flush = () => {
    if (task) {
      const result = results.get(task);
      add(`${LABELS[task] ?? task}${result ? ` ${result}` : ''}`);
      results.delete(task);
    }
    task = undefined;
  };

  write(perLine ? `${heading.trimEnd()}\n` : heading);

  return {
    onStateEntered: (name, type) => {
      flush();
      if (type === 'Choice' || name === options.pollWait) {
        return;
      }
      if (type === 'Wait') {
        add(`wait ${options.waitSeconds(name)}s`);
      } else if (type === 'Task') {
        task = name;
      } else {
        add(name);
      }
    },
    onTaskFinished: (name, result) => {
      results.set(name, resultOf(name, result));
    },
    end: (suffix) => {
      flush();
      write(perLine ? `    ${suffix.trim()}\n` : `${suffix}\n`);
    },
  };
};
