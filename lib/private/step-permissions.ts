import { Aws } from 'aws-cdk-lib';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { acknowledge, wildcardResourceFinding } from './nag-acknowledgements';
import type { Step } from './steps';

/** What the permissions of a step are scoped to. */
export interface PermissionScope {
  /** The configured instance ARN, `arn:aws:sso:::instance/ssoins-…`. */
  readonly instanceArn: string;
  /** @default - any identity store */
  readonly identityStoreId?: string;
  /** Adds the IAM permissions Identity Center needs in this account. */
  readonly healManagementAccount: boolean;
}

interface Grant {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

/**
 * Actions that Identity Center performs in the management account with
 * the caller's credentials when it provisions a permission set there: it
 * creates and updates the role of the permission set (attaching and
 * detaching the policies that changed) and reads or updates the SAML
 * provider that the role trusts. Deleting a role is not among them.
 */
export const MANAGEMENT_ACCOUNT_ROLE_ACTIONS = [
  'iam:AttachRolePolicy',
  'iam:CreateRole',
  'iam:DeleteRolePermissionsBoundary',
  'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy',
  'iam:GetRole',
  'iam:ListAttachedRolePolicies',
  'iam:ListRolePolicies',
  'iam:PutRolePermissionsBoundary',
  'iam:PutRolePolicy',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
] as const;

export const MANAGEMENT_ACCOUNT_SAML_ACTIONS = [
  'iam:CreateSAMLProvider',
  'iam:GetSAMLProvider',
  'iam:UpdateSAMLProvider',
] as const;

/**
 * Adds the statements that one step needs to its role and acknowledges
 * the wildcard resources they hold, except `"*"`, which the caller
 * acknowledges once for the role: it returns the actions granted on it.
 * The report's `sns:Publish` is granted by the topic itself.
 */
export const addStepPermissions = (
  role: IRole,
  step: Step,
  scope: PermissionScope,
): { readonly unscopedActions: readonly string[] } => {
  const arns = resourceArns(scope);
  const grants = stepGrants(step, arns, scope);

  for (const grant of grants) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...grant.actions],
        resources: [...grant.resources],
      }),
    );
  }

  const reasons = wildcardReasons(arns);
  const used = new Set(grants.flatMap((grant) => grant.resources));
  acknowledge(
    role,
    ...[...used]
      .filter((resource) => reasons.has(resource))
      .map((resource) => ({
        id: wildcardResourceFinding(role, resource),
        reason: reasons.get(resource) ?? '',
      })),
  );

  return {
    unscopedActions: grants
      .filter((grant) => grant.resources.includes(arns.any))
      .flatMap((grant) => grant.actions),
  };
};

const resourceArns = (scope: PermissionScope) => {
  const partition = Aws.PARTITION;
  const instanceId = scope.instanceArn.split('/').pop() ?? '';
  const store = scope.identityStoreId ?? '*';

  return {
    ssoInstance: `arn:${partition}:sso:::instance/${instanceId}`,
    ssoPermissionSets: `arn:${partition}:sso:::permissionSet/${instanceId}/*`,
    ssoAccounts: `arn:${partition}:sso:::account/*`,
    organizationsAccounts: `arn:${partition}:organizations::*:account/o-*/*`,
    identityStore: `arn:${partition}:identitystore::*:identitystore/${store}`,
    identityUsers: `arn:${partition}:identitystore:::user/*`,
    identityGroups: `arn:${partition}:identitystore:::group/*`,
    identityMemberships: `arn:${partition}:identitystore:::membership/*`,
    reservedRoles: `arn:${partition}:iam::${Aws.ACCOUNT_ID}:role/aws-reserved/sso.amazonaws.com/*`,
    samlProviders: `arn:${partition}:iam::${Aws.ACCOUNT_ID}:saml-provider/AWSSSO_*`,
    any: '*',
  };
};

type ResourceArns = ReturnType<typeof resourceArns>;

const stepGrants = (
  step: Step,
  arns: ResourceArns,
  scope: PermissionScope,
): readonly Grant[] => {
  const permissionSet = [arns.ssoInstance, arns.ssoPermissionSets];
  const assignment = [...permissionSet, arns.ssoAccounts];

  switch (step) {
    case 'read-request':
      return [];
    case 'check-provisioning':
      return [
        {
          actions: [
            'sso:DescribePermissionSet',
            'sso:DescribeAccountAssignmentCreationStatus',
            'sso:ListAccountAssignments',
            'sso:ListPermissionSetsProvisionedToAccount',
          ],
          resources: assignment,
        },
        { actions: ['sso:ListInstances'], resources: [arns.any] },
        {
          actions: ['organizations:DescribeAccount'],
          resources: [arns.organizationsAccounts],
        },
        {
          actions: [
            'identitystore:DescribeUser',
            'identitystore:DescribeGroup',
            'identitystore:ListGroupMembershipsForMember',
          ],
          resources: [
            arns.identityStore,
            arns.identityUsers,
            arns.identityGroups,
            arns.identityMemberships,
          ],
        },
      ];
    case 'reprovision':
      return [
        {
          actions: [
            'sso:ProvisionPermissionSet',
            'sso:CreateAccountAssignment',
            'sso:DescribePermissionSetProvisioningStatus',
            'sso:DescribeAccountAssignmentCreationStatus',
          ],
          resources: assignment,
        },
        ...(scope.healManagementAccount
          ? [
              {
                actions: MANAGEMENT_ACCOUNT_ROLE_ACTIONS,
                resources: [arns.reservedRoles],
              },
              {
                actions: MANAGEMENT_ACCOUNT_SAML_ACTIONS,
                resources: [arns.samlProviders],
              },
            ]
          : []),
      ];
    case 'validate-policies':
      return [
        {
          actions: [
            'sso:DescribePermissionSet',
            'sso:GetInlinePolicyForPermissionSet',
            'sso:ListManagedPoliciesInPermissionSet',
            'sso:ListCustomerManagedPolicyReferencesInPermissionSet',
            'sso:GetPermissionsBoundaryForPermissionSet',
          ],
          resources: permissionSet,
        },
        { actions: ['access-analyzer:ValidatePolicy'], resources: [arns.any] },
      ];
    case 'report':
      return [
        { actions: ['sso:DescribePermissionSet'], resources: permissionSet },
        {
          actions: ['organizations:DescribeAccount'],
          resources: [arns.organizationsAccounts],
        },
      ];
  }
};

const wildcardReasons = (arns: ResourceArns): Map<string, string> =>
  new Map([
    [
      arns.ssoPermissionSets,
      'Any permission set of the configured instance can be assigned, ' +
        'including ones created after deployment; the instance is fixed.',
    ],
    [
      arns.ssoAccounts,
      'Assignments can target any account of the organization; excluded ' +
        'accounts are filtered by the rule before the workflow starts.',
    ],
    [
      arns.organizationsAccounts,
      'DescribeAccount needs the account resource, whose ARN holds the ' +
        'organization id and management account, unknown at synth.',
    ],
    [
      arns.identityStore,
      'The identity store is owned by the management account, unknown at ' +
        'synth; its id is looked up at run time when not configured.',
    ],
    [
      arns.identityUsers,
      'Assignments can name any user of the identity store.',
    ],
    [
      arns.identityGroups,
      'Assignments can name any group of the identity store.',
    ],
    [
      arns.identityMemberships,
      'Group memberships of any assigned user are read to explain access.',
    ],
    [
      arns.reservedRoles,
      'Identity Center names permission set roles AWSReservedSSO_<name>_' +
        '<hash> under this reserved path; only those roles are reachable.',
    ],
    [
      arns.samlProviders,
      'Identity Center names its SAML provider AWSSSO_<id>_DO_NOT_DELETE; ' +
        'only providers with that prefix are reachable.',
    ],
  ]);
