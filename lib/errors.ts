/** One setting that is missing or invalid, in words a deployer can act on. */
export interface ConfigProblem {
  /** The setting: its context key in `cdk.json` and its prop name. */
  readonly setting: string;
  /** What the setting must be. */
  readonly expected: string;
  /** What was given, as text; `nothing` when it is absent. */
  readonly received: string;
  /** How to set it right. */
  readonly fix: string;
}

/**
 * Errors of the CDK app. Each class sets `name` to its own, like the
 * errors of the functions, so a message says where it came from.
 */
export class HealerAppError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HealerAppError';
  }
}

/**
 * The configuration cannot make a working stack. Thrown at synth, before
 * anything is deployed, with every problem found rather than the first.
 */
export class HealerConfigError extends HealerAppError {
  public readonly problems: readonly ConfigProblem[];

  public constructor(problems: readonly ConfigProblem[]) {
    const lines = problems.map(
      (p) =>
        `- ${p.setting}: expected ${p.expected}, received ${p.received}. ` +
        p.fix,
    );
    super(`Assignment Healer configuration is invalid:\n${lines.join('\n')}`);
    this.name = 'HealerConfigError';
    this.problems = problems;
  }
}
