import type {
  CauseCode,
  Outcome,
  WorkflowState,
} from '../../lambdas/core/types';
import type { ScenarioExpectation } from './types';

/** What a run ended in, for comparison with what its scenario expects. */
export interface RunFacts {
  /** Undefined for a manual input, which no rule sees. */
  readonly ruleMatched?: boolean;
  readonly outcome?: Outcome;
  readonly cause?: CauseCode;
  readonly writes: number;
  readonly path: readonly string[];
  readonly state?: WorkflowState;
}

/** Each way the run differs from the expectation, as a sentence. */
export const mismatchesOf = (
  expect: ScenarioExpectation,
  facts: RunFacts,
): string[] => {
  if (facts.ruleMatched === false) {
    return ['the rule pattern does not match the event: nothing would run'];
  }

  const found = new Set(
    (facts.state?.validation?.findings ?? []).map((finding) => finding.code),
  );
  const failure = facts.state?.failure;
  const problems = [
    failure !== undefined &&
      expect.outcome !== 'WORKFLOW_ERROR' &&
      `a step failed with ${failure.Error}: ${failure.Cause ?? 'no cause'}`,
    facts.outcome !== expect.outcome &&
      `outcome ${facts.outcome ?? 'none'}, expected ${expect.outcome}`,
    facts.cause !== expect.cause &&
      `cause ${facts.cause ?? 'none'}, expected ${expect.cause}`,
    facts.writes !== expect.writes &&
      `${facts.writes} writes, expected ${expect.writes}`,
    ...(expect.states ?? [])
      .filter((state) => !facts.path.includes(state))
      .map((state) => `never entered "${state}"`),
    ...(expect.findings ?? [])
      .filter((code) => !found.has(code))
      .map((code) => `no ${code} finding`),
  ];

  return problems.filter((problem) => typeof problem === 'string');
};
