import { mentionsPolicy, saysPolicyMissing } from './failure-reasons';
import type { PolicyFinding, PolicyValidation } from './types';

/**
 * The management account cannot read IAM in member accounts, so a missing
 * customer managed policy (or boundary policy) is known only from what
 * AWS said when provisioning failed: `Not supported policy …`.
 */

type CustomerManagedPolicy =
  PolicyValidation['customerManagedPolicies'][number];

const policyLabel = (policy: CustomerManagedPolicy): string =>
  `${policy.path}${policy.name}`;

/**
 * Findings for the customer managed policies (and boundary) that a
 * `Not supported policy` reason names. A reason that names none of them
 * still says that a policy is missing, so it becomes a finding of its own.
 */
export const missingPolicyFindings = (
  reasons: readonly string[],
  policies: readonly CustomerManagedPolicy[],
  boundary: CustomerManagedPolicy | undefined,
): PolicyFinding[] => {
  const findings = new Map<string, PolicyFinding>();
  for (const reason of reasons.filter(saysPolicyMissing)) {
    const named = policies.filter((policy) =>
      mentionsPolicy(reason, policy.name),
    );
    const boundaryNamed =
      boundary !== undefined && mentionsPolicy(reason, boundary.name);
    for (const policy of named) {
      findings.set(`policy ${policyLabel(policy)}`, {
        subject: 'CUSTOMER_MANAGED_POLICY',
        severity: 'ERROR',
        code: 'CUSTOMER_MANAGED_POLICY_MISSING',
        message:
          `Customer managed policy ${policyLabel(policy)} does not exist in ` +
          `the target account. AWS said: "${reason}"`,
      });
    }

    if (boundary && boundaryNamed) {
      findings.set(`boundary ${policyLabel(boundary)}`, {
        subject: 'PERMISSIONS_BOUNDARY',
        severity: 'ERROR',
        code: 'PERMISSIONS_BOUNDARY_MISSING',
        message:
          `Permissions boundary policy ${policyLabel(boundary)} does not ` +
          `exist in the target account. AWS said: "${reason}"`,
      });
    }

    if (named.length === 0 && !boundaryNamed) {
      findings.set(`reason ${reason}`, {
        subject: 'CUSTOMER_MANAGED_POLICY',
        severity: 'ERROR',
        code: 'CUSTOMER_MANAGED_POLICY_MISSING',
        message:
          'A policy that the permission set references does not exist in ' +
          `the target account. AWS said: "${reason}"`,
      });
    }
  }

  return [...findings.values()];
};
