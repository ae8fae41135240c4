import { checkActions } from './action-check';
import { type Finding, FindingCollector } from './findings';
import { grammarFindings, type PolicyType } from './policy-grammar';

const RANK: Readonly<Record<Finding['findingType'], number>> = {
  ERROR: 0,
  SECURITY_WARNING: 1,
  WARNING: 2,
  SUGGESTION: 3,
};

const startOf = (finding: Finding): number =>
  finding.locations[0]?.span.start.offset ?? 0;

/**
 * The local stand-in for `ValidatePolicy`: JSON syntax, policy grammar,
 * the iam:PassRole security warning, and unknown services and actions.
 * Findings come errors first, then in document order.
 */
export const validatePolicy = async (
  text: string,
  policyType: PolicyType,
): Promise<Finding[]> => {
  const grammar = grammarFindings(text, policyType);
  const catalogue = new FindingCollector(text);
  await checkActions(grammar.actions, catalogue);

  return [...grammar.findings, ...catalogue.findings].sort(
    (a, b) =>
      RANK[a.findingType] - RANK[b.findingType] || startOf(a) - startOf(b),
  );
};
