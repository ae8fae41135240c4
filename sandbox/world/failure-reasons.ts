import type { NormalizedPolicyReference } from './state';

/**
 * The `FailureReason` texts of asynchronous requests. Where AWS's wording
 * is known (facts §3) it is kept verbatim; where it is not, the text is a
 * stand-in that says so in its TSDoc, built to carry the same keywords a
 * classifier would look for.
 */

/** §3 #6: a transient failure with no stated cause. */
export const INTERNAL_FAILURE =
  'An unexpected internal service exception was encountered';

/**
 * §3 #1: a customer managed policy (or a permissions boundary policy) the
 * permission set references does not exist in the target account. AWS's
 * text starts `Received a 404 status error: Not supported policy` and
 * contains the policy; the ARN form after it is a stand-in.
 */
export const policyMissing = (
  accountId: string,
  policy: NormalizedPolicyReference,
): string =>
  'Received a 404 status error: Not supported policy ' +
  `arn:aws:iam::${accountId}:policy${policy.path}${policy.name}.`;

/** §3 #5 verbatim: the account is suspended, closing, closed or not active. */
export const accountUnavailable = (accountId: string): string =>
  'AWS SSO is unable to complete your request at this time. ' +
  `Obtaining permissions to manage your AWS account '${accountId}' ` +
  'takes longer than usual. Please try again in a few minutes. ' +
  'If this problem continues, contact AWS Support.';

/**
 * §3 #4: Identity Center calls IAM in the management account with the
 * caller's credentials. The text up to `IAM Error: User: arn:` is AWS's;
 * the principal and action after it are a stand-in (the source is cut).
 */
export const managementAccessDenied = (accountId: string): string =>
  'Received a 403 status error: Access denied by IAM. ' +
  'Please check your policy, or wait for role propagation to complete. ' +
  `IAM Error: User: arn:aws:sts::${accountId}:assumed-role/` +
  'AssignmentHealer/session is not authorized to perform: ' +
  'iam:CreateSAMLProvider on resource: ' +
  `arn:aws:iam::${accountId}:saml-provider/AWSSSO_sandbox_DO_NOT_DELETE`;

/**
 * §3 #3: the principal is not in the identity store. The shape follows the
 * one public sample; AWS wraps it as `Received a 404 status error: …`.
 */
export const principalMissing = (
  principalType: string,
  principalId: string,
  identityStoreId: string,
): string =>
  `Received a 404 status error: the ${principalType} assignee ` +
  `${principalId} was not found in directory ${identityStoreId}`;

/**
 * Stand-in: AWS's text for an inline policy that IAM refuses when it
 * creates the role was not found. This wraps IAM's own
 * `MalformedPolicyDocument` error the way the other IAM failures are
 * wrapped.
 */
export const inlinePolicyRejected = (detail: string): string =>
  `Received a 400 status error: MalformedPolicyDocument: ${detail}`;

/**
 * Stand-in (§3 #7, wording unconfirmed): the account is at its IAM roles
 * quota; the inner text is IAM's quota wording.
 */
export const roleQuotaReached = (): string =>
  'Received a 409 status error: ' +
  'LimitExceeded: Cannot exceed quota for RolesPerAccount: 1000';

/**
 * §3 #2: deleting an assignment that does not exist. The field values
 * inside the key are redacted in the source; which id goes where is a
 * stand-in.
 */
export const assignmentMissing = (
  principalId: string,
  accountId: string,
  permissionSetArn: string,
  instanceId: string,
): string =>
  "Received a 404 status error: EntitlementItem doesn't exist with the " +
  'given entitlement key EntitlementKey{' +
  `accessorId=AccessorId{value=${principalId}}, ` +
  `resourceId=ResourceId{value=${accountId}}, ` +
  `auxiliaryResourceId=AuxiliaryResourceId{value=${permissionSetArn}}, ` +
  `containerId=ContainerId{value=${instanceId}}}`;

/**
 * Stand-in: the permission set was deleted before its request completed;
 * AWS's text for this was not found.
 */
export const permissionSetMissing = (permissionSetArn: string): string =>
  'Received a 404 status error: ' +
  `PermissionSet ${permissionSetArn} was not found`;
