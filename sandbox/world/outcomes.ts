import { grammarFindings } from '../services/access-analyzer/policy-grammar';
import {
  accountUnavailable,
  INTERNAL_FAILURE,
  inlinePolicyRejected,
  managementAccessDenied,
  policyMissing,
  principalMissing,
  roleQuotaReached,
} from './failure-reasons';
import { findAccount } from './lookup';
import {
  type AsyncRequest,
  type PermissionSetRecord,
  policyKey,
  provisionKey,
  type WorldState,
} from './state';

/**
 * Why IAM would refuse the inline policy when Identity Center writes it to
 * the role: JSON syntax or policy grammar errors. IAM does not check that
 * actions exist, so unknown actions are no reason here.
 */
const inlinePolicyProblem = (policy: string): string | undefined => {
  if (policy.trim() === '') {
    return undefined;
  }
  const errors = grammarFindings(policy, 'IDENTITY_POLICY').findings.filter(
    (finding) => finding.findingType === 'ERROR',
  );
  const first = errors[0];
  if (!first) {
    return undefined;
  }

  return first.issueCode === 'JSON_SYNTAX_ERROR'
    ? 'Syntax errors in policy.'
    : first.findingDetails;
};

/**
 * Why provisioning a permission set to an account fails now, or
 * `undefined` when it succeeds. The order follows what Identity Center
 * meets first: the account, IAM access in it, the role, then the policies.
 */
export const provisioningFailure = (
  state: WorldState,
  ps: PermissionSetRecord,
  accountId: string,
): string | undefined => {
  const account = state.accounts.get(accountId);
  if (account?.state !== 'ACTIVE') {
    return accountUnavailable(accountId);
  }

  if (
    accountId === state.managementAccountId &&
    state.managementAccountIamDenied
  ) {
    return managementAccessDenied(accountId);
  }

  const roleExists = state.provisioned.has(provisionKey(ps.id, accountId));
  if (account.iamRoleQuotaReached && !roleExists) {
    return roleQuotaReached();
  }

  const missing = ps.customerManagedPolicies.find(
    (ref) => !account.customerManagedPolicies.has(policyKey(ref)),
  );
  if (missing) {
    return policyMissing(accountId, missing);
  }

  const boundary = ps.permissionsBoundary;
  if (
    boundary &&
    'customerManagedPolicy' in boundary &&
    !account.customerManagedPolicies.has(
      policyKey(boundary.customerManagedPolicy),
    )
  ) {
    return policyMissing(accountId, boundary.customerManagedPolicy);
  }

  const problem = inlinePolicyProblem(ps.inlinePolicy);

  return problem === undefined ? undefined : inlinePolicyRejected(problem);
};

/** Why an assignment creation fails now, or `undefined`. */
export const creationFailure = (
  state: WorldState,
  request: AsyncRequest,
  ps: PermissionSetRecord,
): string | undefined => {
  const { principalType, principalId, accountId } = request;
  const principalKnown =
    principalType === 'USER'
      ? state.users.has(principalId ?? '')
      : state.groups.has(principalId ?? '');
  if (!principalKnown) {
    return principalMissing(
      principalType ?? 'USER',
      principalId ?? '',
      state.instance.identityStoreId,
    );
  }

  return provisioningFailure(state, ps, accountId ?? '');
};

/** Takes one matching scripted failure, if any is left. */
export const scriptedFailure = (
  state: WorldState,
  request: AsyncRequest,
  permissionSetName: string,
): string | undefined => {
  for (const entry of state.failureRules) {
    const { rule } = entry;
    const account = rule.account ? findAccount(state, rule.account) : undefined;
    const matches =
      entry.remaining > 0 &&
      (rule.operation === undefined || rule.operation === request.kind) &&
      (rule.account === undefined || account?.id === request.accountId) &&
      (rule.permissionSet === undefined ||
        rule.permissionSet === permissionSetName);
    if (matches) {
      entry.remaining -= 1;

      return rule.reason ?? INTERNAL_FAILURE;
    }
  }

  return undefined;
};
