import {
  type Spec,
  type StructureSpec,
  struct,
} from '../../protocols/validation';

/**
 * SSO Admin input constraints, copied from the service model (botocore
 * `sso-admin/2020-07-20/service-2.json`).
 */
const INSTANCE_ARN: Spec = {
  kind: 'string',
  min: 10,
  max: 1224,
  pattern:
    'arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}',
};

const PERMISSION_SET_ARN: Spec = {
  kind: 'string',
  min: 10,
  max: 1224,
  pattern:
    'arn:aws(-[a-z]{1,5}){0,3}:sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}',
};

const ACCOUNT_ID: Spec = {
  kind: 'string',
  min: 12,
  max: 12,
  pattern: '\\d{12}',
};

const TARGET_TYPE: Spec = { kind: 'string', enum: ['AWS_ACCOUNT'] };

const PRINCIPAL_TYPE: Spec = { kind: 'string', enum: ['USER', 'GROUP'] };

const PRINCIPAL_ID: Spec = {
  kind: 'string',
  min: 1,
  max: 47,
  pattern:
    '([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}',
};

const UUID: Spec = {
  kind: 'string',
  min: 36,
  max: 36,
  pattern:
    '\\b[0-9a-f]{8}\\b-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-\\b[0-9a-f]{12}\\b',
};

const MAX_RESULTS: Spec = { kind: 'integer', min: 1, max: 100 };

const TOKEN: Spec = {
  kind: 'string',
  min: 0,
  max: 2048,
  pattern: '[-a-zA-Z0-9+=/_]*',
};

const PROVISIONING_STATUS: Spec = {
  kind: 'string',
  enum: [
    'LATEST_PERMISSION_SET_PROVISIONED',
    'LATEST_PERMISSION_SET_NOT_PROVISIONED',
  ],
};

const STATUS_FILTER = struct({
  Status: { kind: 'string', enum: ['IN_PROGRESS', 'FAILED', 'SUCCEEDED'] },
});

const PAGE = { MaxResults: MAX_RESULTS, NextToken: TOKEN };

const PERMISSION_SET = struct(
  { InstanceArn: INSTANCE_ARN, PermissionSetArn: PERMISSION_SET_ARN },
  ['InstanceArn', 'PermissionSetArn'],
);

const PERMISSION_SET_PAGE = struct(
  { InstanceArn: INSTANCE_ARN, PermissionSetArn: PERMISSION_SET_ARN, ...PAGE },
  ['InstanceArn', 'PermissionSetArn'],
);

const ASSIGNMENT = struct(
  {
    InstanceArn: INSTANCE_ARN,
    TargetId: ACCOUNT_ID,
    TargetType: TARGET_TYPE,
    PermissionSetArn: PERMISSION_SET_ARN,
    PrincipalType: PRINCIPAL_TYPE,
    PrincipalId: PRINCIPAL_ID,
  },
  [
    'InstanceArn',
    'TargetId',
    'TargetType',
    'PermissionSetArn',
    'PrincipalType',
    'PrincipalId',
  ],
);

const STATUS_LIST = struct(
  { InstanceArn: INSTANCE_ARN, ...PAGE, Filter: STATUS_FILTER },
  ['InstanceArn'],
);

export const SSO_ADMIN_INPUTS = {
  ListInstances: struct(PAGE),
  ListPermissionSets: struct({ InstanceArn: INSTANCE_ARN, ...PAGE }, [
    'InstanceArn',
  ]),
  DescribePermissionSet: PERMISSION_SET,
  GetInlinePolicyForPermissionSet: PERMISSION_SET,
  PutInlinePolicyToPermissionSet: struct(
    {
      InstanceArn: INSTANCE_ARN,
      PermissionSetArn: PERMISSION_SET_ARN,
      InlinePolicy: {
        kind: 'string',
        min: 1,
        max: 32768,
        pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
      },
    },
    ['InstanceArn', 'PermissionSetArn', 'InlinePolicy'],
  ),
  ListManagedPoliciesInPermissionSet: PERMISSION_SET_PAGE,
  ListCustomerManagedPolicyReferencesInPermissionSet: PERMISSION_SET_PAGE,
  GetPermissionsBoundaryForPermissionSet: PERMISSION_SET,
  ListAccountAssignments: struct(
    {
      InstanceArn: INSTANCE_ARN,
      AccountId: ACCOUNT_ID,
      PermissionSetArn: PERMISSION_SET_ARN,
      ...PAGE,
    },
    ['InstanceArn', 'AccountId', 'PermissionSetArn'],
  ),
  ListAccountAssignmentsForPrincipal: struct(
    {
      InstanceArn: INSTANCE_ARN,
      PrincipalId: PRINCIPAL_ID,
      PrincipalType: PRINCIPAL_TYPE,
      Filter: struct({ AccountId: ACCOUNT_ID }),
      ...PAGE,
    },
    ['InstanceArn', 'PrincipalId', 'PrincipalType'],
  ),
  CreateAccountAssignment: ASSIGNMENT,
  DeleteAccountAssignment: ASSIGNMENT,
  DescribeAccountAssignmentCreationStatus: struct(
    { InstanceArn: INSTANCE_ARN, AccountAssignmentCreationRequestId: UUID },
    ['InstanceArn', 'AccountAssignmentCreationRequestId'],
  ),
  DescribeAccountAssignmentDeletionStatus: struct(
    { InstanceArn: INSTANCE_ARN, AccountAssignmentDeletionRequestId: UUID },
    ['InstanceArn', 'AccountAssignmentDeletionRequestId'],
  ),
  ListAccountAssignmentCreationStatus: STATUS_LIST,
  ListAccountAssignmentDeletionStatus: STATUS_LIST,
  ListPermissionSetsProvisionedToAccount: struct(
    {
      InstanceArn: INSTANCE_ARN,
      AccountId: ACCOUNT_ID,
      ProvisioningStatus: PROVISIONING_STATUS,
      ...PAGE,
    },
    ['InstanceArn', 'AccountId'],
  ),
  ListAccountsForProvisionedPermissionSet: struct(
    {
      InstanceArn: INSTANCE_ARN,
      PermissionSetArn: PERMISSION_SET_ARN,
      ProvisioningStatus: PROVISIONING_STATUS,
      ...PAGE,
    },
    ['InstanceArn', 'PermissionSetArn'],
  ),
  ProvisionPermissionSet: struct(
    {
      InstanceArn: INSTANCE_ARN,
      PermissionSetArn: PERMISSION_SET_ARN,
      TargetId: ACCOUNT_ID,
      TargetType: {
        kind: 'string',
        enum: ['AWS_ACCOUNT', 'ALL_PROVISIONED_ACCOUNTS'],
      },
    },
    ['InstanceArn', 'PermissionSetArn', 'TargetType'],
  ),
  DescribePermissionSetProvisioningStatus: struct(
    { InstanceArn: INSTANCE_ARN, ProvisionPermissionSetRequestId: UUID },
    ['InstanceArn', 'ProvisionPermissionSetRequestId'],
  ),
  ListPermissionSetProvisioningStatus: STATUS_LIST,
} as const satisfies Readonly<Record<string, StructureSpec>>;
