import type {
  CaughtFailure,
  CauseCode,
  Outcome,
  PolicyValidation,
  Request,
  WorkflowState,
} from './types';

/**
 * The words of the report for each outcome and cause: a short title and a
 * one-sentence headline that names what is wrong, where.
 */

export const OUTCOME_TITLES: Readonly<Record<Outcome, string>> = {
  HEALTHY: 'Healthy',
  HEALED: 'Healed',
  NEEDS_ATTENTION: 'Needs attention',
  INVALID_REQUEST: 'Invalid request',
  WORKFLOW_ERROR: 'Workflow error',
};

export const CAUSE_TITLES: Readonly<Record<CauseCode, string>> = {
  NONE: 'Nothing wrong',
  INVALID_INPUT: 'The input is invalid',
  PERMISSION_SET_NOT_PROVISIONED: 'Permission set not provisioned',
  PERMISSION_SET_OUTDATED: 'Permission set not at its latest version',
  ASSIGNMENT_CREATION_FAILED: 'Assignment creation failed',
  CUSTOMER_MANAGED_POLICY_MISSING: 'Customer managed policy missing',
  INLINE_POLICY_INVALID: 'Inline policy invalid',
  PERMISSIONS_BOUNDARY_MISSING: 'Permissions boundary policy missing',
  ACCOUNT_SUSPENDED: 'Account suspended or closed',
  ACCOUNT_NOT_READY: 'Account not active yet',
  MANAGEMENT_ACCOUNT_ACCESS_DENIED: 'IAM denied the caller',
  IAM_ROLE_QUOTA: 'IAM quota reached in the account',
  PRINCIPAL_NOT_FOUND: 'User or group not found',
  PERMISSION_SET_NOT_FOUND: 'Permission set not found',
  ACCOUNT_NOT_FOUND: 'Account not found',
  ASSIGNMENT_DELETED: 'Assignment removed',
  GROUP_MEMBERSHIP_MISSING: 'User not in an assigned group',
  PROVISIONING_TIMEOUT: 'Provisioning did not finish in time',
  TRANSIENT_SERVICE_ERROR: 'Transient AWS error',
  UNKNOWN: 'Cause not known',
};

type CustomerManagedPolicy =
  PolicyValidation['customerManagedPolicies'][number];

/** What the headline and the next steps are built from. */
export interface CauseContext {
  readonly state: WorkflowState;
  /** Absent only for an invalid request or an early workflow error. */
  readonly request?: Request;
  /** The `FailureReason` that decided the cause, or the latest one. */
  readonly failureReason?: string;
  readonly failureRequestId?: string;
  /** Customer managed policies that a `FailureReason` named. */
  readonly missingPolicies: readonly CustomerManagedPolicy[];
  /** The boundary policy, when a `FailureReason` named it. */
  readonly missingBoundary?: CustomerManagedPolicy;
  readonly accountLabel: string;
  readonly permissionSetLabel: string;
  readonly principalLabel?: string;
  readonly identityStoreId?: string;
  readonly dryRun: boolean;
}

export const policyPath = (policy: CustomerManagedPolicy): string =>
  `${policy.path}${policy.name}`;

const plural = (count: number, word: string): string =>
  `${count} ${word}${count === 1 ? '' : 's'}`;

const caughtError = (failure: CaughtFailure | undefined): string =>
  failure ? failure.Error : 'an unknown error';

const inlineErrors = (ctx: CauseContext): number =>
  (ctx.state.validation?.findings ?? []).filter(
    (finding) =>
      finding.subject === 'INLINE_POLICY' && finding.severity === 'ERROR',
  ).length;

const saidAws = (ctx: CauseContext): string =>
  ctx.failureReason ? ` AWS said: "${ctx.failureReason}"` : '';

const notAtLatest = (ctx: CauseContext, what: string): string => {
  const tries = ctx.state.counters?.reprovisions ?? 0;
  if (ctx.dryRun) {
    return `${what}; dry run: the healer only describes the writes it would have made.`;
  }

  return `${what}, after ${plural(tries, 're-provisioning attempt')}.${saidAws(ctx)}`;
};

type Headline = (ctx: CauseContext) => string;

const ATTENTION_HEADLINES: Readonly<Record<CauseCode, Headline>> = {
  NONE: (ctx) => `The assignment in account ${ctx.accountLabel} works.`,
  INVALID_INPUT: () => 'The input of the check is invalid.',
  PERMISSION_SET_NOT_PROVISIONED: (ctx) =>
    notAtLatest(
      ctx,
      `Permission set ${ctx.permissionSetLabel} is not provisioned to ` +
        `account ${ctx.accountLabel}`,
    ),
  PERMISSION_SET_OUTDATED: (ctx) =>
    notAtLatest(
      ctx,
      `Account ${ctx.accountLabel} has an older version of permission set ` +
        `${ctx.permissionSetLabel}`,
    ),
  ASSIGNMENT_CREATION_FAILED: (ctx) =>
    notAtLatest(
      ctx,
      `Creating the assignment of ${ctx.permissionSetLabel} in account ` +
        `${ctx.accountLabel} failed`,
    ),
  CUSTOMER_MANAGED_POLICY_MISSING: (ctx) =>
    `Permission set ${ctx.permissionSetLabel} cannot be provisioned to ` +
    `account ${ctx.accountLabel}: ` +
    (ctx.missingPolicies.length > 0
      ? `customer managed policy ${ctx.missingPolicies.map(policyPath).join(', ')} ` +
        'does not exist in that account.'
      : 'a customer managed policy it references does not exist in that ' +
        'account.'),
  PERMISSIONS_BOUNDARY_MISSING: (ctx) =>
    `Permission set ${ctx.permissionSetLabel} cannot be provisioned to ` +
    `account ${ctx.accountLabel}: its permissions boundary policy ` +
    `${ctx.missingBoundary ? `${policyPath(ctx.missingBoundary)} ` : ''}` +
    'does not exist in that account.',
  INLINE_POLICY_INVALID: (ctx) => {
    const errors = inlineErrors(ctx);
    const where =
      `Permission set ${ctx.permissionSetLabel} is not working in account ` +
      `${ctx.accountLabel}`;

    return errors > 0
      ? `${where}, and its inline policy has ${plural(errors, 'error')}.`
      : `${where}: IAM refused its inline policy.${saidAws(ctx)}`;
  },
  ACCOUNT_SUSPENDED: (ctx) => {
    const state = ctx.state.verdict?.evidence.account?.state;
    if (
      state === 'SUSPENDED' ||
      state === 'PENDING_CLOSURE' ||
      state === 'CLOSED'
    ) {
      return (
        `Account ${ctx.accountLabel} is ` +
        `${state.replaceAll('_', ' ').toLowerCase()}: Identity Center ` +
        'cannot provision permission sets to it.'
      );
    }

    return (
      'Identity Center cannot obtain permissions to manage account ' +
      `${ctx.accountLabel}, which happens when an account is suspended or ` +
      `closed; Organizations reports it as ${state ?? 'unknown'}.`
    );
  },
  ACCOUNT_NOT_READY: (ctx) =>
    `Account ${ctx.accountLabel} is not active yet (PENDING_ACTIVATION): ` +
    'permission sets cannot be provisioned to it until it is.',
  MANAGEMENT_ACCOUNT_ACCESS_DENIED: (ctx) =>
    `IAM denied Identity Center in account ${ctx.accountLabel}: in the ` +
    'management account Identity Center acts with the IAM permissions of ' +
    'whoever makes the call.',
  IAM_ROLE_QUOTA: (ctx) =>
    `Identity Center could not create the role of ` +
    `${ctx.permissionSetLabel} in account ${ctx.accountLabel}: an IAM ` +
    'quota of that account is reached.',
  PRINCIPAL_NOT_FOUND: (ctx) =>
    `${ctx.principalLabel ?? 'The user or group'} does not exist in the ` +
    'identity store of the instance.',
  PERMISSION_SET_NOT_FOUND: (ctx) =>
    `Permission set ${ctx.request?.permissionSetArn} does not exist in the ` +
    'instance.',
  ACCOUNT_NOT_FOUND: (ctx) =>
    `Account ${ctx.request?.accountId} is not a member of the organization.`,
  ASSIGNMENT_DELETED: (ctx) =>
    `The assignment of ${ctx.permissionSetLabel} to ` +
    `${ctx.principalLabel ?? 'the principal'} in account ` +
    `${ctx.accountLabel} does not exist: it was removed, or never created. ` +
    'The healer does not re-create removed assignments.',
  GROUP_MEMBERSHIP_MISSING: (ctx) => {
    const groups =
      ctx.state.verdict?.evidence.groupAccess?.assignedGroupIds.length ?? 0;

    return (
      `${ctx.principalLabel ?? 'The user'} has no assignment of ` +
      `${ctx.permissionSetLabel} in account ${ctx.accountLabel} and is ` +
      (groups === 1
        ? 'not a member of the group assigned to it.'
        : `a member of none of the ${groups} groups assigned to it.`)
    );
  },
  PROVISIONING_TIMEOUT: (ctx) =>
    ctx.state.pending?.status === 'TIMED_OUT'
      ? `The write for ${ctx.permissionSetLabel} in account ` +
        `${ctx.accountLabel} was still in progress after ` +
        `${plural(ctx.state.pending.polls, 'status read')}.`
      : `Provisioning of ${ctx.permissionSetLabel} to account ` +
        `${ctx.accountLabel} was still in progress after ` +
        `${plural(ctx.state.counters?.checks ?? 0, 'check')}.`,
  TRANSIENT_SERVICE_ERROR: (ctx) =>
    `AWS reported an internal error for ${ctx.permissionSetLabel} in ` +
    `account ${ctx.accountLabel}.${saidAws(ctx)}`,
  UNKNOWN: (ctx) => {
    const verdict = ctx.state.verdict;

    return verdict
      ? `The check of ${ctx.permissionSetLabel} in account ` +
          `${ctx.accountLabel} ended in state ${verdict.state}: ` +
          `${verdict.summary}${saidAws(ctx)}`
      : 'The workflow reached the report without a check.';
  },
};

/** The one-sentence headline of a report. */
export const headlineOf = (
  outcome: Outcome,
  cause: CauseCode,
  ctx: CauseContext,
): string => {
  const where = `${ctx.permissionSetLabel} in account ${ctx.accountLabel}`;
  switch (outcome) {
    case 'HEALTHY':
      return `The assignment of ${where} works: ${ctx.state.verdict?.summary ?? ''}`.trim();
    case 'HEALED':
      return cause === 'ASSIGNMENT_CREATION_FAILED'
        ? `Creating the assignment of ${where} had failed; the healer ` +
            're-provisioned the permission set and re-created the ' +
            'assignment, and it now works.'
        : cause === 'PERMISSION_SET_OUTDATED'
          ? `Permission set ${ctx.permissionSetLabel} had been edited and ` +
            `not provisioned again to account ${ctx.accountLabel}; the ` +
            'healer re-provisioned it, and the assignment now works.'
          : `Permission set ${ctx.permissionSetLabel} was not provisioned ` +
            `to account ${ctx.accountLabel}; the healer re-provisioned it, ` +
            'and the assignment now works.';
    case 'INVALID_REQUEST': {
      const problems = ctx.state.problems ?? [];
      const fields = problems.map((problem) => problem.field).join(', ');
      const count = plural(problems.length, 'problem');

      return `The input of the check has ${count}${fields ? `: ${fields}` : ''}.`;
    }
    case 'WORKFLOW_ERROR': {
      const subject = ctx.request ? ` of ${where}` : '';

      return cause === 'TRANSIENT_SERVICE_ERROR'
        ? `AWS kept answering ${caughtError(ctx.state.failure)} after ` +
            `the retries, so the check${subject} did not finish.`
        : `The workflow failed with ${caughtError(ctx.state.failure)}, so ` +
            `the check${subject} did not finish.`;
    }
    default:
      return upperFirst(ATTENTION_HEADLINES[cause](ctx));
  }
};

// Labels such as "group Platform admins" can open a sentence.
const upperFirst = (text: string): string =>
  text.charAt(0).toUpperCase() + text.slice(1);
