import type { PolicyValidation } from './policy-types';

export type {
  FindingSeverity,
  PolicyFinding,
  PolicyValidation,
} from './policy-types';

/**
 * The contracts between the steps of the workflow.
 *
 * Every task of the state machine receives the whole {@link WorkflowState}
 * and returns it, updated, as its result (the state machine writes each
 * result back over `$`). Choice states read only the fields documented
 * here, so a change to a field name is a change to the state machine too.
 */

/** How Identity Center names the two kinds of principal. */
export type PrincipalType = 'USER' | 'GROUP';

/** A user or group of the instance's identity store. */
export interface Principal {
  readonly type: PrincipalType;
  readonly id: string;
}

/** Where the request came from. */
export type Trigger =
  | {
      readonly kind: 'EVENT';
      /** CloudTrail's `detail.eventID`. */
      readonly eventId: string;
      /** CloudTrail's `detail.eventTime` (ISO 8601). */
      readonly eventTime: string;
      /** Who made the call: the session name or IAM ARN, for people. */
      readonly actor: string;
      /** `detail.userIdentity.arn`, when CloudTrail recorded one. */
      readonly actorArn?: string;
      readonly sourceIp?: string;
      readonly userAgent?: string;
    }
  | {
      readonly kind: 'MANUAL';
      /** When the execution started (ISO 8601). */
      readonly startedAt: string;
    };

/** What every step after "Read request" works on. */
export interface Request {
  readonly instanceArn: string;
  readonly accountId: string;
  readonly permissionSetArn: string;
  /** Absent when a manual check named no principal. */
  readonly principal?: Principal;
  /** `accountAssignmentCreationStatus.requestId` of the original call. */
  readonly creationRequestId?: string;
  readonly trigger: Trigger;
}

/** One invalid field of the input, for the person who typed it. */
export interface FieldProblem {
  /** Dotted path of the field in the input, e.g. `accountId`. */
  readonly field: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

export type VerdictState =
  | 'HEALTHY'
  | 'PENDING'
  | 'NOT_PROVISIONED'
  | 'OUTDATED'
  | 'CREATION_FAILED'
  | 'ASSIGNMENT_MISSING'
  | 'ACCOUNT_UNAVAILABLE'
  | 'NOT_FOUND';

/** Organizations `State`, or the older `Status` mapped onto it. */
export type AccountState =
  | 'PENDING_ACTIVATION'
  | 'ACTIVE'
  | 'SUSPENDED'
  | 'PENDING_CLOSURE'
  | 'CLOSED';

export type AsyncStatus = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';

/** A status read from `Describe*Status`. */
export interface StatusEvidence {
  readonly requestId: string;
  readonly status: AsyncStatus;
  /** Verbatim `FailureReason`, when AWS gave one. */
  readonly failureReason?: string;
  readonly createdDate?: string;
}

/** What the check saw; every field is absent when it was not looked at. */
export interface Evidence {
  /** Status of the assignment creation that this check is about. */
  readonly creation?: StatusEvidence;
  readonly account?: {
    readonly id: string;
    readonly name?: string;
    readonly email?: string;
    /** Absent when Organizations does not know the account. */
    readonly state?: AccountState;
  };
  readonly permissionSet?: {
    readonly arn: string;
    /** Absent when the permission set does not exist. */
    readonly name?: string;
  };
  readonly principal?: {
    readonly type: PrincipalType;
    readonly id: string;
    /** False when the identity store does not know the principal. */
    readonly exists?: boolean;
    readonly displayName?: string;
  };
  /** The permission set is provisioned to the account at any version. */
  readonly provisioned?: boolean;
  /** It is provisioned, but not at its latest version. */
  readonly outdated?: boolean;
  /** The assignment exists for the principal itself. */
  readonly assignmentExists?: boolean;
  /**
   * For a user without a direct assignment: the assigned groups and
   * whether the user is a member of any of them.
   */
  readonly groupAccess?: {
    readonly assignedGroupIds: readonly string[];
    readonly memberOf: readonly string[];
  };
  /** Which resource is missing, for `NOT_FOUND`. */
  readonly missing?: 'ACCOUNT' | 'PERMISSION_SET' | 'PRINCIPAL' | 'INSTANCE';
}

/** What "Check provisioning" returns. */
export interface Verdict {
  readonly state: VerdictState;
  /** One sentence for people: why this state. */
  readonly summary: string;
  readonly evidence: Evidence;
  /** ISO 8601. */
  readonly checkedAt: string;
}

export type WriteOperation =
  | 'ProvisionPermissionSet'
  | 'CreateAccountAssignment';

/** A write made, or one that dry-run mode only describes. */
export interface ActionTaken {
  readonly operation: WriteOperation;
  /** True when dry-run mode turned this write into a "would have". */
  readonly dryRun: boolean;
  /** AWS's request id of the write; absent in dry-run mode. */
  readonly requestId?: string;
  /** Last known status of the write; `SKIPPED` in dry-run mode. */
  readonly status: AsyncStatus | 'SKIPPED' | 'TIMED_OUT';
  readonly failureReason?: string;
  /** ISO 8601. */
  readonly at: string;
  /** The verdict this write answered, so a heal can say what was wrong. */
  readonly repairs?: VerdictState;
}

/**
 * The write the workflow waits on. "Did the write finish?" routes on
 * `status` and `kind`.
 */
export interface PendingWrite {
  readonly kind: 'PROVISIONING' | 'ASSIGNMENT_CREATION';
  readonly requestId?: string;
  /**
   * `TIMED_OUT` after the configured number of polls; `SKIPPED` when
   * dry-run mode made no write.
   */
  readonly status: AsyncStatus | 'TIMED_OUT' | 'SKIPPED';
  readonly failureReason?: string;
  /** Status reads made so far for this write. */
  readonly polls: number;
}

/** Counters that the Choice states compare with configured bounds. */
export interface Counters {
  /** Checks made so far. */
  readonly checks: number;
  /** Checks whose verdict said "wait and check again". */
  readonly waits: number;
  /** `ProvisionPermissionSet` calls made (or described, in dry run). */
  readonly reprovisions: number;
}

export type Outcome =
  | 'HEALTHY'
  | 'HEALED'
  | 'NEEDS_ATTENTION'
  | 'INVALID_REQUEST'
  | 'WORKFLOW_ERROR';

export type CauseCode =
  | 'NONE'
  | 'INVALID_INPUT'
  | 'PERMISSION_SET_NOT_PROVISIONED'
  | 'PERMISSION_SET_OUTDATED'
  | 'ASSIGNMENT_CREATION_FAILED'
  | 'CUSTOMER_MANAGED_POLICY_MISSING'
  | 'INLINE_POLICY_INVALID'
  | 'PERMISSIONS_BOUNDARY_MISSING'
  | 'ACCOUNT_SUSPENDED'
  | 'ACCOUNT_NOT_READY'
  | 'MANAGEMENT_ACCOUNT_ACCESS_DENIED'
  | 'IAM_ROLE_QUOTA'
  | 'PRINCIPAL_NOT_FOUND'
  | 'PERMISSION_SET_NOT_FOUND'
  | 'ACCOUNT_NOT_FOUND'
  | 'ASSIGNMENT_DELETED'
  | 'GROUP_MEMBERSHIP_MISSING'
  | 'PROVISIONING_TIMEOUT'
  | 'TRANSIENT_SERVICE_ERROR'
  | 'UNKNOWN';

/** The error a Catch recorded: Step Functions' `{ Error, Cause }`. */
export interface CaughtFailure {
  readonly Error: string;
  readonly Cause?: string;
}

/** What "Report outcome" adds; "Route by outcome" reads `outcome`. */
export interface ReportSummary {
  readonly outcome: Outcome;
  readonly cause: CauseCode;
  readonly subject: string;
  /** False when the result was healthy and healthy results are silent. */
  readonly published: boolean;
  readonly messageId?: string;
}

/** Identifies the execution, for correlation and the console link. */
export interface ExecutionInfo {
  /** `$$.Execution.Id`: the execution ARN. */
  readonly id: string;
  /** `$$.Execution.StartTime`. */
  readonly startTime: string;
}

/** The document that flows through the state machine as `$`. */
export interface WorkflowState {
  readonly execution: ExecutionInfo;
  /** Set by "Read request" when the input is valid. */
  readonly request?: Request;
  /** Set by "Read request" when the input is invalid. */
  readonly problems?: readonly FieldProblem[];
  readonly counters: Counters;
  readonly verdict?: Verdict;
  readonly pending?: PendingWrite;
  readonly actions: readonly ActionTaken[];
  readonly validation?: PolicyValidation;
  /** Written by a Catch (`ResultPath: $.failure`). */
  readonly failure?: CaughtFailure;
  readonly report?: ReportSummary;
}

/** What the state machine passes to "Read request". */
export interface ReadRequestEvent {
  /** The execution input, as the caller gave it. */
  readonly input: unknown;
  readonly execution: ExecutionInfo;
}

/** What the state machine passes to the re-provision function. */
export interface ReprovisionEvent {
  /**
   * `PROVISION`: call `ProvisionPermissionSet` for the one account.
   * `POLL`: read the status of `state.pending`.
   * `RECREATE`: call `CreateAccountAssignment` with the original fields.
   */
  readonly operation: 'PROVISION' | 'POLL' | 'RECREATE';
  readonly state: WorkflowState;
}
