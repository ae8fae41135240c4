import {
  paginateValidatePolicy,
  type ValidatePolicyFinding,
} from '@aws-sdk/client-accessanalyzer';
import { accessAnalyzer } from './clients';
import { DEGRADED_ERRORS, type Gaps } from './degraded-calls';
import type { FindingSeverity, PolicyFinding } from './types';

/**
 * IAM Access Analyzer's `ValidatePolicy` for a permission set's inline
 * policy, which becomes an inline policy of the role in each account: an
 * identity policy.
 */

const SEVERITIES = new Set<string>([
  'ERROR',
  'SECURITY_WARNING',
  'WARNING',
  'SUGGESTION',
]);

// Access Analyzer may also refuse a document it cannot read (too large, for
// example); that is an answer about the policy, not a reason to fail.
const ANALYZER_DEGRADED = new Set([...DEGRADED_ERRORS, 'ValidationException']);

/** Maps one Access Analyzer finding onto the report's finding. */
export const toPolicyFinding = (
  finding: ValidatePolicyFinding,
): PolicyFinding => {
  const start = finding.locations?.[0]?.span?.start;
  const type = finding.findingType ?? 'WARNING';

  return {
    subject: 'INLINE_POLICY',
    severity: (SEVERITIES.has(type) ? type : 'WARNING') as FindingSeverity,
    code: finding.issueCode ?? 'UNKNOWN_ISSUE',
    message: finding.findingDetails ?? '',
    // Access Analyzer counts lines from 1 and columns from 0.
    ...(start?.line !== undefined && start.column !== undefined
      ? { location: { line: start.line, column: start.column + 1 } }
      : {}),
    ...(finding.learnMoreLink ? { learnMoreLink: finding.learnMoreLink } : {}),
  };
};

/** Every finding of every page, or what came before a degraded failure. */
export const analyzeIdentityPolicy = async (
  policyDocument: string,
  gaps: Gaps,
): Promise<PolicyFinding[]> => {
  const findings: PolicyFinding[] = [];
  await gaps.attempt(
    'IAM Access Analyzer ValidatePolicy',
    async () => {
      const pages = paginateValidatePolicy(
        { client: accessAnalyzer() },
        { policyDocument, policyType: 'IDENTITY_POLICY' },
      );
      for await (const page of pages) {
        findings.push(...(page.findings ?? []).map(toPolicyFinding));
      }
    },
    ANALYZER_DEGRADED,
  );

  return findings;
};
