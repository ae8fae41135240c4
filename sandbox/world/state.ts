import type {
  AccountState,
  AsyncFailureRule,
  AsyncOperation,
  PolicyReference,
  ScriptedEvent,
} from './types';

/** A policy reference with its path filled in. */
export interface NormalizedPolicyReference {
  readonly name: string;
  readonly path: string;
}

export interface AccountRecord {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  state: AccountState;
  readonly joinedEpochMs: number;
  /** `path + name` of each customer managed policy in the account. */
  readonly customerManagedPolicies: Set<string>;
  readonly iamRoleQuotaReached: boolean;
}

export type BoundaryRecord =
  | { readonly customerManagedPolicy: NormalizedPolicyReference }
  | { readonly managedPolicyArn: string };

export interface PermissionSetRecord {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly description?: string;
  readonly sessionDuration: string;
  readonly relayState?: string;
  readonly createdEpochMs: number;
  inlinePolicy: string;
  readonly managedPolicyArns: string[];
  readonly customerManagedPolicies: NormalizedPolicyReference[];
  readonly permissionsBoundary?: BoundaryRecord;
  /** Bumped by every edit; provisioning records the version it pushed. */
  version: number;
}

export interface UserRecord {
  readonly id: string;
  readonly userName: string;
  readonly displayName: string;
  readonly email: string;
}

export interface GroupRecord {
  readonly id: string;
  readonly displayName: string;
  readonly description?: string;
  /** User ids. */
  readonly members: Set<string>;
}

export type PrincipalType = 'USER' | 'GROUP';

export interface AssignmentRecord {
  readonly accountId: string;
  readonly permissionSetId: string;
  readonly principalType: PrincipalType;
  readonly principalId: string;
}

export type RequestStatus = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';

/** An asynchronous request: assignment creation, deletion or provisioning. */
export interface AsyncRequest {
  readonly kind: AsyncOperation;
  readonly requestId: string;
  /** Simulated milliseconds since start. */
  readonly createdMs: number;
  readonly completesMs: number;
  status: RequestStatus;
  failureReason?: string;
  readonly permissionSetArn: string;
  /** Absent for provisioning to all provisioned accounts. */
  readonly accountId?: string;
  readonly principalType?: PrincipalType;
  readonly principalId?: string;
}

/** A failure rule with its remaining count. */
export interface FailureRuleState {
  readonly rule: AsyncFailureRule;
  remaining: number;
}

/** Everything the sandbox knows, as it is now. */
export interface WorldState {
  readonly region: string;
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly managementAccountIamDenied: boolean;
  readonly instance: {
    readonly id: string;
    readonly arn: string;
    readonly identityStoreId: string;
    readonly name: string;
    readonly createdEpochMs: number;
  };
  readonly accounts: Map<string, AccountRecord>;
  /** By permission set id. */
  readonly permissionSets: Map<string, PermissionSetRecord>;
  readonly users: Map<string, UserRecord>;
  readonly groups: Map<string, GroupRecord>;
  readonly assignments: AssignmentRecord[];
  /** Provisioned version by `permissionSetId|accountId`. */
  readonly provisioned: Map<string, number>;
  /** By request id, in creation order. */
  readonly requests: Map<string, AsyncRequest>;
  readonly failureRules: FailureRuleState[];
  /** Scripted events not yet applied, in time order. */
  readonly pendingEvents: ScriptedEvent[];
  readonly timing: {
    readonly assignmentCreationSeconds: number;
    readonly assignmentDeletionSeconds: number;
    readonly provisioningSeconds: number;
  };
  readonly snsTopics?: ReadonlySet<string>;
}

export const provisionKey = (permissionSetId: string, accountId: string) =>
  `${permissionSetId}|${accountId}`;

/** `Name` or `/path/Name` or an object, with the path defaulted to `/`. */
export const normalizePolicy = (
  ref: string | PolicyReference,
): NormalizedPolicyReference => {
  if (typeof ref !== 'string') {
    return { name: ref.name, path: ref.path ?? '/' };
  }
  const cut = ref.lastIndexOf('/');

  return cut < 0
    ? { name: ref, path: '/' }
    : { name: ref.slice(cut + 1), path: ref.slice(0, cut + 1) };
};

export const policyKey = (ref: NormalizedPolicyReference): string =>
  `${ref.path}${ref.name}`;

/** Inline policies declared as objects are stored as AWS returns them. */
export const policyText = (policy: string | object | undefined): string =>
  policy === undefined
    ? ''
    : typeof policy === 'string'
      ? policy
      : JSON.stringify(policy, null, 2);
