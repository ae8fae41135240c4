import type { Principal, Request } from './types';

/**
 * AWS CLI commands for the next steps of a report, filled in with the real
 * ids so that an on-call engineer can paste them. Each is one line; the
 * renderers break it for email and chat. Ids that the API constrains (ARNs,
 * account ids, principal ids, policy names and paths) contain no character
 * that a POSIX shell would interpret, so only JSON input is quoted.
 */

/** The ids a command about the assignment needs. */
export type AssignmentIds = Pick<
  Request,
  'instanceArn' | 'accountId' | 'permissionSetArn'
>;

/** Where a request id is not known yet: the previous command prints it. */
const FROM_PROVISION = '<RequestId printed by provision-permission-set>';

export const provisionCommand = (ids: AssignmentIds): string =>
  'aws sso-admin provision-permission-set ' +
  `--instance-arn ${ids.instanceArn} ` +
  `--permission-set-arn ${ids.permissionSetArn} ` +
  `--target-type AWS_ACCOUNT --target-id ${ids.accountId}`;

export const provisionEverywhereCommand = (ids: AssignmentIds): string =>
  'aws sso-admin provision-permission-set ' +
  `--instance-arn ${ids.instanceArn} ` +
  `--permission-set-arn ${ids.permissionSetArn} ` +
  '--target-type ALL_PROVISIONED_ACCOUNTS';

export const provisioningStatusCommand = (
  instanceArn: string,
  requestId?: string,
): string =>
  'aws sso-admin describe-permission-set-provisioning-status ' +
  `--instance-arn ${instanceArn} ` +
  `--provision-permission-set-request-id ${requestId ?? FROM_PROVISION}`;

export const creationStatusCommand = (
  instanceArn: string,
  requestId?: string,
): string =>
  'aws sso-admin describe-account-assignment-creation-status ' +
  `--instance-arn ${instanceArn} ` +
  '--account-assignment-creation-request-id ' +
  (requestId ?? '<RequestId printed by create-account-assignment>');

export const createAssignmentCommand = (
  ids: AssignmentIds,
  principal: Principal | undefined,
): string =>
  'aws sso-admin create-account-assignment ' +
  `--instance-arn ${ids.instanceArn} ` +
  `--target-id ${ids.accountId} --target-type AWS_ACCOUNT ` +
  `--permission-set-arn ${ids.permissionSetArn} ` +
  `--principal-type ${principal?.type ?? '<USER or GROUP>'} ` +
  `--principal-id ${principal?.id ?? '<principal id>'}`;

export const notProvisionedListCommand = (ids: AssignmentIds): string =>
  'aws sso-admin list-permission-sets-provisioned-to-account ' +
  `--instance-arn ${ids.instanceArn} --account-id ${ids.accountId} ` +
  '--provisioning-status LATEST_PERMISSION_SET_NOT_PROVISIONED';

export const assignmentsCommand = (ids: AssignmentIds): string =>
  'aws sso-admin list-account-assignments ' +
  `--instance-arn ${ids.instanceArn} --account-id ${ids.accountId} ` +
  `--permission-set-arn ${ids.permissionSetArn}`;

export const describePermissionSetCommand = (
  ids: Pick<Request, 'instanceArn' | 'permissionSetArn'>,
): string =>
  'aws sso-admin describe-permission-set ' +
  `--instance-arn ${ids.instanceArn} ` +
  `--permission-set-arn ${ids.permissionSetArn}`;

export const listPermissionSetsCommand = (instanceArn: string): string =>
  `aws sso-admin list-permission-sets --instance-arn ${instanceArn}`;

export const describeAccountCommand = (accountId: string): string =>
  `aws organizations describe-account --account-id ${accountId}`;

/** Run with credentials for the member account that lacks the policy. */
export const createPolicyCommand = (policy: {
  readonly name: string;
  readonly path: string;
}): string =>
  `aws iam create-policy --policy-name ${policy.name} ` +
  `--path ${policy.path} --policy-document file://${policy.name}.json`;

export const getInlinePolicyCommand = (
  ids: Pick<Request, 'instanceArn' | 'permissionSetArn'>,
): string =>
  'aws sso-admin get-inline-policy-for-permission-set ' +
  `--instance-arn ${ids.instanceArn} ` +
  `--permission-set-arn ${ids.permissionSetArn} ` +
  '--query InlinePolicy --output text > inline-policy.json';

export const validatePolicyCommand = (): string =>
  'aws accessanalyzer validate-policy --policy-type IDENTITY_POLICY ' +
  '--policy-document file://inline-policy.json';

export const putInlinePolicyCommand = (
  ids: Pick<Request, 'instanceArn' | 'permissionSetArn'>,
): string =>
  'aws sso-admin put-inline-policy-to-permission-set ' +
  `--instance-arn ${ids.instanceArn} ` +
  `--permission-set-arn ${ids.permissionSetArn} ` +
  '--inline-policy file://inline-policy.json';

const IDENTITY_STORE_ID = '<identity store id>';

export const identityStoreIdCommand = (instanceArn: string): string =>
  'aws sso-admin list-instances ' +
  `--query "Instances[?InstanceArn=='${instanceArn}'].IdentityStoreId" ` +
  '--output text';

export const describePrincipalCommand = (
  principal: Principal,
  identityStoreId = IDENTITY_STORE_ID,
): string =>
  principal.type === 'USER'
    ? `aws identitystore describe-user --identity-store-id ${identityStoreId} ` +
      `--user-id ${principal.id}`
    : `aws identitystore describe-group --identity-store-id ${identityStoreId} ` +
      `--group-id ${principal.id}`;

export const addMembershipCommand = (
  userId: string,
  groupId: string,
  identityStoreId = IDENTITY_STORE_ID,
): string =>
  'aws identitystore create-group-membership ' +
  `--identity-store-id ${identityStoreId} --group-id ${groupId} ` +
  `--member-id UserId=${userId}`;

export const deletionEventsCommand = (since?: string): string =>
  'aws cloudtrail lookup-events --lookup-attributes ' +
  'AttributeKey=EventName,AttributeValue=DeleteAccountAssignment' +
  (since ? ` --start-time ${since}` : '');

/** The manual input that checks the same assignment again. */
export const manualInputOf = (request: Request): Record<string, string> => ({
  accountId: request.accountId,
  permissionSetArn: request.permissionSetArn,
  ...(request.principal
    ? {
        principalType: request.principal.type,
        principalId: request.principal.id,
      }
    : {}),
});

/** The state machine of an execution, from the execution's ARN. */
export const stateMachineArnOf = (executionArn: string): string | undefined => {
  const match =
    /^(arn:[^:]+:states:[^:]*:\d{12}):execution:([^:]+):[^:]+$/.exec(
      executionArn,
    );

  return match ? `${match[1]}:stateMachine:${match[2]}` : undefined;
};

export const startCheckCommand = (
  executionArn: string,
  input: Record<string, string>,
): string =>
  'aws stepfunctions start-execution --state-machine-arn ' +
  `${stateMachineArnOf(executionArn) ?? '<state machine ARN>'} ` +
  `--input '${JSON.stringify(input)}'`;

/** A valid manual input, shown when an input was not. */
export const EXAMPLE_MANUAL_INPUT: Readonly<Record<string, string>> = {
  accountId: '444455556666',
  permissionSetArn:
    'arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef',
  principalType: 'USER',
  principalId: '906712345a-0123abcd-4567-89ab-cdef-0123456789ab',
};
