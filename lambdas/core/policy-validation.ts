import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  paginateListCustomerManagedPolicyReferencesInPermissionSet,
  paginateListManagedPoliciesInPermissionSet,
} from '@aws-sdk/client-sso-admin';
import { analyzeIdentityPolicy } from './access-analyzer';
import { ssoAdmin } from './clients';
import { errorName, Gaps } from './degraded-calls';
import { logger } from './logger';
import { missingPolicyFindings } from './missing-policies';
import { checkInlinePolicy } from './policy-checks';
import type { PolicyFinding, PolicyValidation, Request } from './types';

/**
 * Gathers the policies of a permission set and checks what can be checked
 * from the account that holds Identity Center: the inline policy (locally
 * and with IAM Access Analyzer) and the managed policy ARNs. Customer
 * managed policies and the permissions boundary live in each member
 * account, out of sight of this account, so they are listed for people;
 * they become findings only when AWS itself said one is missing.
 */

type CustomerManagedPolicy =
  PolicyValidation['customerManagedPolicies'][number];

// The pattern of the API's `ManagedPolicyArn`: AWS managed policies only.
const AWS_MANAGED_POLICY_ARN =
  /^arn:aws(-[a-z]{1,5}){0,3}:iam::aws:policy\/\S+$/;

/** Where to look, and the `FailureReason`s that the workflow recorded. */
export interface ValidationInput {
  readonly request: Pick<Request, 'instanceArn' | 'permissionSetArn'>;
  readonly failureReasons: readonly string[];
}

const boundaryOf = async (
  ids: ValidationInput['request'],
  gaps: Gaps,
): Promise<PolicyValidation['permissionsBoundary']> => {
  const output = await gaps.attempt('permissions boundary', () =>
    ssoAdmin()
      .send(
        new GetPermissionsBoundaryForPermissionSetCommand({
          InstanceArn: ids.instanceArn,
          PermissionSetArn: ids.permissionSetArn,
        }),
      )
      // The permission set exists (it was just described), so "not
      // found" here means it has no boundary.
      .catch((error: unknown) => {
        if (errorName(error) === 'ResourceNotFoundException') {
          return { PermissionsBoundary: undefined };
        }

        throw error;
      }),
  );
  const boundary = output?.PermissionsBoundary;
  if (boundary?.ManagedPolicyArn) {
    return { managedPolicyArn: boundary.ManagedPolicyArn };
  }

  const reference = boundary?.CustomerManagedPolicyReference;
  if (reference?.Name) {
    return {
      customerManagedPolicy: {
        name: reference.Name,
        path: reference.Path ?? '/',
      },
    };
  }

  return undefined;
};

const inlinePolicyOf = async (
  ids: ValidationInput['request'],
  gaps: Gaps,
): Promise<Pick<PolicyValidation, 'inlinePolicy' | 'findings'>> => {
  const output = await gaps.attempt('inline policy', () =>
    ssoAdmin().send(
      new GetInlinePolicyForPermissionSetCommand({
        InstanceArn: ids.instanceArn,
        PermissionSetArn: ids.permissionSetArn,
      }),
    ),
  );
  // An empty string is how the API says "no inline policy".
  const text = output?.InlinePolicy ?? '';
  if (text === '') {
    return { findings: [] };
  }

  const check = checkInlinePolicy(text);
  const analyzed = check.parses ? await analyzeIdentityPolicy(text, gaps) : [];

  return {
    inlinePolicy: {
      characters: check.characters,
      nonWhitespaceBytes: check.nonWhitespaceBytes,
    },
    findings: [...check.findings, ...analyzed],
  };
};

const managedPolicyArnsOf = async (
  ids: ValidationInput['request'],
  gaps: Gaps,
): Promise<string[]> => {
  const arns: string[] = [];
  await gaps.attempt('managed policies', async () => {
    const pages = paginateListManagedPoliciesInPermissionSet(
      { client: ssoAdmin() },
      { InstanceArn: ids.instanceArn, PermissionSetArn: ids.permissionSetArn },
    );
    for await (const page of pages) {
      for (const policy of page.AttachedManagedPolicies ?? []) {
        if (policy.Arn) {
          arns.push(policy.Arn);
        }
      }
    }
  });

  return arns;
};

const customerManagedPoliciesOf = async (
  ids: ValidationInput['request'],
  gaps: Gaps,
): Promise<CustomerManagedPolicy[]> => {
  const policies: CustomerManagedPolicy[] = [];
  await gaps.attempt('customer managed policy references', async () => {
    const pages = paginateListCustomerManagedPolicyReferencesInPermissionSet(
      { client: ssoAdmin() },
      { InstanceArn: ids.instanceArn, PermissionSetArn: ids.permissionSetArn },
    );
    for await (const page of pages) {
      for (const reference of page.CustomerManagedPolicyReferences ?? []) {
        if (reference.Name) {
          policies.push({ name: reference.Name, path: reference.Path ?? '/' });
        }
      }
    }
  });

  return policies;
};

const notAwsManagedFindings = (arns: readonly string[]): PolicyFinding[] =>
  arns
    .filter((arn) => !AWS_MANAGED_POLICY_ARN.test(arn))
    .map((arn) => ({
      subject: 'MANAGED_POLICY',
      severity: 'ERROR',
      code: 'NOT_AN_AWS_MANAGED_POLICY',
      message:
        `${arn} is not an AWS managed policy ARN ` +
        '(arn:aws:iam::aws:policy/...). Attach a policy of your own as a ' +
        'customer managed policy reference (name and path) instead.',
    }));

const permissionSetExists = async (
  ids: ValidationInput['request'],
  gaps: Gaps,
): Promise<boolean> => {
  try {
    await gaps.attempt('permission set', () =>
      ssoAdmin().send(
        new DescribePermissionSetCommand({
          InstanceArn: ids.instanceArn,
          PermissionSetArn: ids.permissionSetArn,
        }),
      ),
    );

    return true;
  } catch (error) {
    if (errorName(error) !== 'ResourceNotFoundException') {
      throw error;
    }

    logger.warn('permission set not found', { error });
    gaps.add(
      `the permission set ${ids.permissionSetArn} no longer exists ` +
        `(${errorName(error)}), so its policies could not be read`,
    );

    return false;
  }
};

/**
 * Validates the policies of the request's permission set. Throttling and
 * denied calls leave `incomplete` set and keep what was gathered; any other
 * AWS error propagates for the state machine's Retry and Catch.
 */
export const validatePolicies = async (
  input: ValidationInput,
): Promise<PolicyValidation> => {
  const ids = input.request;
  const gaps = new Gaps();
  const reasonFindings = (
    policies: readonly CustomerManagedPolicy[],
    boundary: PolicyValidation['permissionsBoundary'],
  ): PolicyFinding[] =>
    missingPolicyFindings(
      input.failureReasons,
      policies,
      boundary && 'customerManagedPolicy' in boundary
        ? boundary.customerManagedPolicy
        : undefined,
    );

  if (!(await permissionSetExists(ids, gaps))) {
    return {
      managedPolicyArns: [],
      customerManagedPolicies: [],
      findings: reasonFindings([], undefined),
      incomplete: gaps.summary,
    };
  }

  const inline = await inlinePolicyOf(ids, gaps);
  const managedPolicyArns = await managedPolicyArnsOf(ids, gaps);
  const customerManagedPolicies = await customerManagedPoliciesOf(ids, gaps);
  const permissionsBoundary = await boundaryOf(ids, gaps);
  const incomplete = gaps.summary;

  return {
    ...(inline.inlinePolicy ? { inlinePolicy: inline.inlinePolicy } : {}),
    managedPolicyArns,
    customerManagedPolicies,
    ...(permissionsBoundary ? { permissionsBoundary } : {}),
    findings: [
      ...reasonFindings(customerManagedPolicies, permissionsBoundary),
      ...inline.findings,
      ...notAwsManagedFindings(managedPolicyArns),
    ],
    ...(incomplete ? { incomplete } : {}),
  };
};
