import type { CauseCode, WorkflowState } from './types';

/**
 * What Identity Center's `FailureReason` strings say, read by pattern.
 * The strings are free text: these fragments are the parts that public
 * records show verbatim, so each pattern matches a fragment, not a whole
 * sentence, and ignores case.
 */
const REASON_PATTERNS: readonly {
  readonly pattern: RegExp;
  readonly cause: CauseCode;
}[] = [
  // Provisioning of a permission set that references a customer managed
  // policy (or boundary) that does not exist in the target account.
  {
    pattern: /Not supported policy/i,
    cause: 'CUSTOMER_MANAGED_POLICY_MISSING',
  },
  // Identity Center cannot reach a suspended, closing or closed account.
  {
    pattern:
      /Obtaining permissions to manage your AWS account|takes longer than usual/i,
    cause: 'ACCOUNT_SUSPENDED',
  },
  // In the management account Identity Center calls IAM with the caller's
  // own credentials.
  {
    pattern: /Access denied by IAM|Received a 403 status error/i,
    cause: 'MANAGEMENT_ACCOUNT_ACCESS_DENIED',
  },
  { pattern: /Cannot exceed quota|LimitExceeded/i, cause: 'IAM_ROLE_QUOTA' },
  // IAM's own error code when it refuses the policy of the role it creates.
  { pattern: /MalformedPolicyDocument/i, cause: 'INLINE_POLICY_INVALID' },
  { pattern: /was not found in directory/i, cause: 'PRINCIPAL_NOT_FOUND' },
  {
    pattern: /An unexpected internal service exception/i,
    cause: 'TRANSIENT_SERVICE_ERROR',
  },
];

/** The cause a `FailureReason` names, or `undefined` when none matches. */
export const causeOfFailureReason = (reason: string): CauseCode | undefined =>
  REASON_PATTERNS.find(({ pattern }) => pattern.test(reason))?.cause;

/** True when the reason says that a policy is missing in the account. */
export const saysPolicyMissing = (reason: string): boolean =>
  causeOfFailureReason(reason) === 'CUSTOMER_MANAGED_POLICY_MISSING';

// The characters IAM allows in a policy name; a name counts as mentioned
// only when no such character touches it on either side, except a full
// stop that ends the sentence.
const NAME_CHARACTER = '[\\w+=,.@-]';
const AFTER_NAME = `(?![\\w+=,@-]|\\.${NAME_CHARACTER})`;

/** True when `reason` names the IAM policy `name` as a whole word. */
export const mentionsPolicy = (reason: string, name: string): boolean => {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `(?<!${NAME_CHARACTER})${escaped}${AFTER_NAME}`,
    'u',
  );

  return pattern.test(reason);
};

/** A failure that AWS reported for a write or for the original creation. */
export interface ReportedFailure {
  readonly reason: string;
  readonly source: 'PENDING_WRITE' | 'ACTION' | 'CREATION';
  readonly requestId?: string;
}

/**
 * The failures the workflow recorded, latest first: the write it waited on,
 * the actions it took, then the status of the original creation.
 */
export const reportedFailures = (
  state: Pick<WorkflowState, 'pending' | 'actions' | 'verdict'>,
): ReportedFailure[] => {
  const failures: ReportedFailure[] = [];
  const { pending } = state;
  if (pending?.status === 'FAILED' && pending.failureReason) {
    failures.push({
      reason: pending.failureReason,
      source: 'PENDING_WRITE',
      requestId: pending.requestId,
    });
  }

  for (const action of [...(state.actions ?? [])].reverse()) {
    const known = failures.some(
      (failure) =>
        failure.requestId !== undefined &&
        failure.requestId === action.requestId,
    );
    if (action.status === 'FAILED' && action.failureReason && !known) {
      failures.push({
        reason: action.failureReason,
        source: 'ACTION',
        requestId: action.requestId,
      });
    }
  }

  const creation = state.verdict?.evidence.creation;
  if (creation?.status === 'FAILED' && creation.failureReason) {
    failures.push({
      reason: creation.failureReason,
      source: 'CREATION',
      requestId: creation.requestId,
    });
  }

  return failures;
};
