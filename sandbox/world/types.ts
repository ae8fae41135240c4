/**
 * What a scenario declares: a small organization with one IAM Identity
 * Center instance. Everything but the management account has a default,
 * and references use names (account names or ids, permission set names,
 * user names, group display names), so a scenario reads like the story it
 * tells. Times are simulated seconds since the sandbox started.
 */

/** Organizations `State`. */
export type AccountState =
  | 'PENDING_ACTIVATION'
  | 'ACTIVE'
  | 'SUSPENDED'
  | 'PENDING_CLOSURE'
  | 'CLOSED';

/** A customer managed policy by name and path, as Identity Center names it. */
export interface PolicyReference {
  readonly name: string;
  /** @default '/' */
  readonly path?: string;
}

/** `Name`, `/path/Name`, or a {@link PolicyReference}. */
export type PolicyRef = string | PolicyReference;

export interface AccountDefinition {
  /** Twelve digits. */
  readonly id: string;
  /** @default `account-<id>` */
  readonly name?: string;
  /** @default `<name>@example.com` */
  readonly email?: string;
  /** @default 'ACTIVE' */
  readonly state?: AccountState;
  /** The account becomes ACTIVE this many simulated seconds after start. */
  readonly activatesAfterSeconds?: number;
  /** Customer managed policies that exist in the account's IAM. */
  readonly customerManagedPolicies?: readonly PolicyRef[];
  /**
   * The account is at its IAM roles quota, so a permission set that is
   * not yet provisioned there cannot get its role.
   */
  readonly iamRoleQuotaReached?: boolean;
}

export type PermissionsBoundaryDefinition =
  | { readonly customerManagedPolicy: PolicyRef }
  | { readonly managedPolicyArn: string };

export interface PermissionSetDefinition {
  /** 1–32 characters of `[\w+=,.@-]`. */
  readonly name: string;
  /** `ps-` and 16 characters. @default derived from the name */
  readonly id?: string;
  readonly description?: string;
  /** ISO 8601 duration. @default 'PT1H' */
  readonly sessionDuration?: string;
  readonly relayState?: string;
  /** A JSON string, or an object that is serialized with 2-space indent. */
  readonly inlinePolicy?: string | object;
  /** AWS managed policy ARNs. */
  readonly managedPolicyArns?: readonly string[];
  readonly customerManagedPolicies?: readonly PolicyRef[];
  readonly permissionsBoundary?: PermissionsBoundaryDefinition;
}

export interface UserDefinition {
  readonly userName: string;
  /** @default derived from the user name */
  readonly id?: string;
  /** @default the user name */
  readonly displayName?: string;
  /** @default `<userName>@example.com` */
  readonly email?: string;
}

export interface GroupDefinition {
  /** The group's display name. */
  readonly name: string;
  /** @default derived from the name */
  readonly id?: string;
  readonly description?: string;
  /** User names (or ids) of the members. */
  readonly members?: readonly string[];
}

/** A user or group, by name or id. */
export type PrincipalRef =
  | { readonly user: string }
  | { readonly group: string };

/** An assignment: account (name or id), permission set (name), principal. */
export type AssignmentRef = {
  readonly account: string;
  readonly permissionSet: string;
} & PrincipalRef;

/** Which permission sets are provisioned where, beyond the assignments. */
export interface ProvisionedDefinition {
  readonly account: string;
  readonly permissionSet: string;
  /**
   * `OUTDATED` marks a permission set edited since it was provisioned.
   * @default 'LATEST'
   */
  readonly state?: 'LATEST' | 'OUTDATED';
}

/** A `CreateAccountAssignment` call already made when the sandbox starts. */
export type CreationRequestDefinition = AssignmentRef & {
  /** @default a random UUID */
  readonly requestId?: string;
};

export type AsyncOperation =
  | 'PROVISIONING'
  | 'ASSIGNMENT_CREATION'
  | 'ASSIGNMENT_DELETION';

/** Makes the next matching asynchronous requests fail, whatever the world. */
export interface AsyncFailureRule {
  /** @default any operation */
  readonly operation?: AsyncOperation;
  /** Account name or id. @default any account */
  readonly account?: string;
  /** Permission set name. @default any permission set */
  readonly permissionSet?: string;
  /** How many matching requests fail; later ones follow the world. @default 1 */
  readonly times?: number;
  /** @default 'An unexpected internal service exception was encountered' */
  readonly reason?: string;
}

/** How long asynchronous requests take, in simulated seconds. */
export interface TimingDefinition {
  /** @default 10 */
  readonly assignmentCreationSeconds?: number;
  /** @default 10 */
  readonly assignmentDeletionSeconds?: number;
  /** @default 15 */
  readonly provisioningSeconds?: number;
}

/** A change to the world, made by a scripted event or by a test. */
export type WorldChange =
  | { readonly deleteAssignment: AssignmentRef }
  | { readonly createAssignment: AssignmentRef }
  | { readonly addMember: { readonly group: string; readonly user: string } }
  | { readonly removeMember: { readonly group: string; readonly user: string } }
  | { readonly deleteUser: string }
  | { readonly deleteGroup: string }
  | {
      readonly setAccountState: {
        readonly account: string;
        readonly state: AccountState;
      };
    }
  | {
      readonly putInlinePolicy: {
        readonly permissionSet: string;
        readonly policy: string | object;
      };
    }
  | {
      readonly addCustomerManagedPolicy: {
        readonly account: string;
        readonly policy: PolicyRef;
      };
    }
  | {
      readonly removeCustomerManagedPolicy: {
        readonly account: string;
        readonly policy: PolicyRef;
      };
    };

/** A change that happens by itself at a simulated time. */
export type ScriptedEvent = { readonly atSeconds: number } & WorldChange;

export interface WorldDefinition {
  /** Twelve digits; added as an ACTIVE account when not in `accounts`. */
  readonly managementAccountId: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** @default an id derived from the management account */
  readonly organizationId?: string;
  readonly instance?: {
    /** `ssoins-` and 16 characters. */
    readonly id?: string;
    /** `d-` and 10 hex characters. */
    readonly identityStoreId?: string;
    readonly name?: string;
  };
  /**
   * The caller lacks the IAM permissions Identity Center needs in the
   * management account, so every write there fails.
   */
  readonly managementAccountIamDenied?: boolean;
  readonly accounts?: readonly AccountDefinition[];
  readonly permissionSets?: readonly PermissionSetDefinition[];
  readonly users?: readonly UserDefinition[];
  readonly groups?: readonly GroupDefinition[];
  /** Assignments that exist at start, provisioned at the latest version. */
  readonly assignments?: readonly AssignmentRef[];
  readonly provisioned?: readonly ProvisionedDefinition[];
  readonly creationRequests?: readonly CreationRequestDefinition[];
  readonly asyncFailures?: readonly AsyncFailureRule[];
  readonly timing?: TimingDefinition;
  readonly events?: readonly ScriptedEvent[];
  /** SNS topics that exist. @default any topic ARN is accepted */
  readonly snsTopics?: readonly string[];
}
