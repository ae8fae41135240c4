import { type CauseContext, headlineOf } from './causes';
import {
  causeOfFailureReason,
  mentionsPolicy,
  type ReportedFailure,
  reportedFailures,
} from './failure-reasons';
import { type NextStep, nextStepsOf } from './next-steps';
import { TRANSIENT_ERRORS } from './settings';
import type {
  CauseCode,
  Outcome,
  PolicyValidation,
  WorkflowState,
} from './types';

/**
 * The classifier: what the workflow's final state means for a person. Pure:
 * it reads the state and nothing else.
 */

/** The outcome, its cause, and what to do about it. */
export interface Classification {
  readonly outcome: Outcome;
  readonly cause: CauseCode;
  /** One sentence: what is wrong, where. */
  readonly headline: string;
  readonly nextSteps: readonly NextStep[];
}

/** What the classifier may know beyond the state. */
export interface ClassifyOptions {
  /** Fills in identity store commands; a placeholder otherwise. */
  readonly identityStoreId?: string;
  /** Names that the evidence lacked and the report looked up. */
  readonly accountName?: string;
  readonly permissionSetName?: string;
  readonly dryRun?: boolean;
}

/** The outcome and cause, and the failure that decided the cause. */
export interface Decision {
  readonly outcome: Outcome;
  readonly cause: CauseCode;
  readonly failure?: ReportedFailure;
}

const TRANSIENT = new Set<string>(TRANSIENT_ERRORS);

type CustomerManagedPolicy =
  PolicyValidation['customerManagedPolicies'][number];

const boundaryPolicy = (
  validation: PolicyValidation | undefined,
): CustomerManagedPolicy | undefined => {
  const boundary = validation?.permissionsBoundary;

  return boundary && 'customerManagedPolicy' in boundary
    ? boundary.customerManagedPolicy
    : undefined;
};

const namedPolicies = (
  reason: string | undefined,
  validation: PolicyValidation | undefined,
): CustomerManagedPolicy[] =>
  reason
    ? (validation?.customerManagedPolicies ?? []).filter((policy) =>
        mentionsPolicy(reason, policy.name),
      )
    : [];

const namesBoundary = (reason: string, state: WorkflowState): boolean => {
  const boundary = boundaryPolicy(state.validation);
  if (namedPolicies(reason, state.validation).length > 0) {
    return false;
  }

  return (
    (boundary !== undefined && mentionsPolicy(reason, boundary.name)) ||
    (state.validation?.findings ?? []).some(
      (finding) => finding.code === 'PERMISSIONS_BOUNDARY_MISSING',
    )
  );
};

/** The cause of a result that needs a person, most specific first. */
const attentionCause = (state: WorkflowState): Decision => {
  // An account that is still activating explains the "takes longer than
  // usual" failures it causes; reading that text alone would call it
  // suspended.
  const evidence = state.verdict?.evidence;
  if (
    state.verdict?.state === 'ACCOUNT_UNAVAILABLE' &&
    evidence?.account?.state === 'PENDING_ACTIVATION'
  ) {
    return { outcome: 'NEEDS_ATTENTION', cause: 'ACCOUNT_NOT_READY' };
  }

  const failure = reportedFailures(state).find(
    ({ reason }) => causeOfFailureReason(reason) !== undefined,
  );
  const byReason = failure && causeOfFailureReason(failure.reason);
  if (failure && byReason) {
    const cause =
      byReason === 'CUSTOMER_MANAGED_POLICY_MISSING' &&
      namesBoundary(failure.reason, state)
        ? 'PERMISSIONS_BOUNDARY_MISSING'
        : byReason;

    return { outcome: 'NEEDS_ATTENTION', cause, failure };
  }

  const attention = (cause: CauseCode): Decision => ({
    outcome: 'NEEDS_ATTENTION',
    cause,
  });
  const verdict = state.verdict;
  // These states have causes that no policy can explain, so they come
  // before the inline policy; its findings still appear in the report.
  switch (verdict?.state) {
    case 'ACCOUNT_UNAVAILABLE':
      return attention(
        evidence?.account?.state === 'PENDING_ACTIVATION'
          ? 'ACCOUNT_NOT_READY'
          : 'ACCOUNT_SUSPENDED',
      );
    case 'ASSIGNMENT_MISSING': {
      const groups = evidence?.groupAccess;

      return attention(
        groups &&
          groups.assignedGroupIds.length > 0 &&
          groups.memberOf.length === 0
          ? 'GROUP_MEMBERSHIP_MISSING'
          : 'ASSIGNMENT_DELETED',
      );
    }
    case 'NOT_FOUND':
      return attention(
        evidence?.missing === 'PRINCIPAL'
          ? 'PRINCIPAL_NOT_FOUND'
          : evidence?.missing === 'PERMISSION_SET'
            ? 'PERMISSION_SET_NOT_FOUND'
            : evidence?.missing === 'ACCOUNT'
              ? 'ACCOUNT_NOT_FOUND'
              : 'UNKNOWN',
      );
  }

  const inlineErrors = (state.validation?.findings ?? []).some(
    (finding) =>
      finding.subject === 'INLINE_POLICY' && finding.severity === 'ERROR',
  );
  if (inlineErrors) {
    return attention('INLINE_POLICY_INVALID');
  }

  if (state.pending?.status === 'TIMED_OUT' || verdict?.state === 'PENDING') {
    return attention('PROVISIONING_TIMEOUT');
  }

  switch (verdict?.state) {
    case 'NOT_PROVISIONED':
      return attention('PERMISSION_SET_NOT_PROVISIONED');
    case 'OUTDATED':
      return attention('PERMISSION_SET_OUTDATED');
    case 'CREATION_FAILED':
      return attention('ASSIGNMENT_CREATION_FAILED');
    default:
      return attention('UNKNOWN');
  }
};

/** Decides the outcome and the cause of a workflow's final state. */
export const decide = (state: WorkflowState): Decision => {
  if (state.problems !== undefined) {
    return { outcome: 'INVALID_REQUEST', cause: 'INVALID_INPUT' };
  }

  if (state.failure) {
    return {
      outcome: 'WORKFLOW_ERROR',
      cause: TRANSIENT.has(state.failure.Error)
        ? 'TRANSIENT_SERVICE_ERROR'
        : 'UNKNOWN',
    };
  }

  if (!state.request || !state.verdict) {
    return { outcome: 'WORKFLOW_ERROR', cause: 'UNKNOWN' };
  }

  if (state.verdict.state !== 'HEALTHY') {
    return attentionCause(state);
  }

  // The report sees only the last verdict, so what was wrong before the
  // heal is read from the writes that fixed it: each records the verdict
  // it answered. A write without one (from an older execution) falls back
  // to what its operation implies.
  const writes = (state.actions ?? []).filter((action) => !action.dryRun);
  if (writes.length === 0) {
    return { outcome: 'HEALTHY', cause: 'NONE' };
  }

  const repaired = new Set(
    writes.map(
      (write) =>
        write.repairs ??
        (write.operation === 'CreateAccountAssignment'
          ? 'CREATION_FAILED'
          : 'NOT_PROVISIONED'),
    ),
  );

  return {
    outcome: 'HEALED',
    cause: repaired.has('CREATION_FAILED')
      ? 'ASSIGNMENT_CREATION_FAILED'
      : repaired.has('OUTDATED')
        ? 'PERMISSION_SET_OUTDATED'
        : 'PERMISSION_SET_NOT_PROVISIONED',
  };
};

const contextOf = (
  state: WorkflowState,
  decision: Decision,
  options: ClassifyOptions,
): CauseContext => {
  const { request, verdict } = state;
  const evidence = verdict?.evidence;
  const latest = decision.failure ?? reportedFailures(state)[0];
  const accountName = evidence?.account?.name ?? options.accountName;
  const accountId = request?.accountId ?? '';
  const permissionSetName =
    evidence?.permissionSet?.name ?? options.permissionSetName;
  const principal = request?.principal;
  const displayName = evidence?.principal?.displayName;
  const boundary = boundaryPolicy(state.validation);
  const reason = decision.failure?.reason;

  return {
    state,
    request,
    failureReason: latest?.reason,
    failureRequestId: latest?.requestId,
    missingPolicies: namedPolicies(reason, state.validation),
    missingBoundary:
      reason && boundary && mentionsPolicy(reason, boundary.name)
        ? boundary
        : undefined,
    accountLabel: accountName ? `${accountName} (${accountId})` : accountId,
    permissionSetLabel: permissionSetName ?? request?.permissionSetArn ?? '',
    principalLabel: principal
      ? `${principal.type === 'USER' ? 'user' : 'group'} ` +
        `${displayName ? `${displayName} ` : ''}(${principal.id})`
      : undefined,
    identityStoreId: options.identityStoreId,
    dryRun:
      options.dryRun === true ||
      (state.actions ?? []).some((action) => action.dryRun),
  };
};

/** Classifies a workflow's final state for the report. */
export const classify = (
  state: WorkflowState,
  options: ClassifyOptions = {},
): Classification => {
  const decision = decide(state);
  const ctx = contextOf(state, decision, options);

  return {
    outcome: decision.outcome,
    cause: decision.cause,
    headline: headlineOf(decision.outcome, decision.cause, ctx),
    nextSteps: nextStepsOf(decision.outcome, decision.cause, ctx),
  };
};
