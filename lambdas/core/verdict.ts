import { lastSegment } from './arns';
import type { AccountState, Evidence, Verdict, VerdictState } from './types';

/**
 * The decision of "Check provisioning": evidence in, verdict out. Pure, so
 * every rule can be tested without AWS. The rules apply in order; the
 * first that matches decides.
 */

/** Account states in which Identity Center cannot grant access. */
const UNAVAILABLE_ACCOUNT_STATES: ReadonlySet<AccountState> = new Set([
  'PENDING_ACTIVATION',
  'SUSPENDED',
  'PENDING_CLOSURE',
  'CLOSED',
]);

/**
 * True when the verdict means "wait and check again": the creation is
 * still in progress, or the account is not active yet.
 */
export const isWaitVerdict = (
  verdict: Pick<Verdict, 'state' | 'evidence'>,
): boolean =>
  verdict.state === 'PENDING' ||
  (verdict.state === 'ACCOUNT_UNAVAILABLE' &&
    verdict.evidence.account?.state === 'PENDING_ACTIVATION');

/** Applies the rules to the evidence. */
export const decideVerdict = (
  evidence: Evidence,
  checkedAt: string,
): Verdict => {
  const [state, summary] = decide(evidence);

  return { state, summary, evidence, checkedAt };
};

const decide = (evidence: Evidence): [VerdictState, string] => {
  const { account, creation, principal } = evidence;
  const names = namesOf(evidence);

  if (evidence.missing !== undefined) {
    return ['NOT_FOUND', missingSummary(evidence, names)];
  }

  if (account?.state && UNAVAILABLE_ACCOUNT_STATES.has(account.state)) {
    return ['ACCOUNT_UNAVAILABLE', accountSummary(account.state, names)];
  }

  if (creation?.status === 'IN_PROGRESS') {
    return [
      'PENDING',
      `Creation of the assignment (request ${creation.requestId}) is ` +
        'still in progress.',
    ];
  }

  if (creation?.status === 'FAILED' && evidence.assignmentExists !== true) {
    return [
      'CREATION_FAILED',
      `Creation of the assignment of ${names.principal} to ` +
        `${names.account} failed: ` +
        `${creation.failureReason ?? 'AWS gave no reason'}`,
    ];
  }

  const hasGroupAccess =
    principal?.type === 'USER' &&
    (evidence.groupAccess?.memberOf.length ?? 0) > 0;
  if (
    principal !== undefined &&
    evidence.assignmentExists === false &&
    !hasGroupAccess
  ) {
    return ['ASSIGNMENT_MISSING', assignmentMissingSummary(evidence, names)];
  }

  if (evidence.provisioned === false) {
    return [
      'NOT_PROVISIONED',
      `Permission set ${names.permissionSet} is not provisioned to ` +
        `${names.account}, so the access portal does not show it.`,
    ];
  }

  if (evidence.outdated === true) {
    return [
      'OUTDATED',
      `Permission set ${names.permissionSet} is provisioned to ` +
        `${names.account}, but not at its latest version.`,
    ];
  }

  return ['HEALTHY', healthySummary(evidence, names)];
};

interface Names {
  readonly account: string;
  readonly permissionSet: string;
  readonly principal: string;
}

const namesOf = (evidence: Evidence): Names => {
  const { account, permissionSet, principal } = evidence;
  const principalKind = principal?.type === 'GROUP' ? 'group' : 'user';

  return {
    account: account
      ? `account ${account.id}${account.name ? ` (${account.name})` : ''}`
      : 'the account',
    permissionSet: permissionSet
      ? (permissionSet.name ?? lastSegment(permissionSet.arn))
      : 'of the request',
    principal: principal
      ? `${principalKind} ${principal.displayName ?? principal.id}`
      : 'the principal',
  };
};

const missingSummary = (evidence: Evidence, names: Names): string => {
  switch (evidence.missing) {
    case 'ACCOUNT':
      return `${capitalise(names.account)} is not in the organization.`;
    case 'PERMISSION_SET':
      return (
        `Permission set ${evidence.permissionSet?.arn ?? ''} does not ` +
        'exist in the Identity Center instance.'
      );
    case 'PRINCIPAL':
      return `${capitalise(names.principal)} does not exist in the identity store.`;
    default:
      return 'The Identity Center instance of the request does not exist in this account and Region.';
  }
};

const accountSummary = (state: AccountState, names: Names): string => {
  const account = capitalise(names.account);
  switch (state) {
    case 'PENDING_ACTIVATION':
      return `${account} is not active yet, so access cannot work until it is.`;
    case 'SUSPENDED':
      return `${account} is suspended, so Identity Center cannot grant access to it.`;
    default:
      return `${account} is ${state === 'CLOSED' ? 'closed' : 'closing'}, so Identity Center cannot grant access to it.`;
  }
};

const assignmentMissingSummary = (evidence: Evidence, names: Names): string => {
  const assignment =
    `${names.principal} has no assignment to ${names.account} with ` +
    `permission set ${names.permissionSet}`;
  if (evidence.creation?.status === 'SUCCEEDED') {
    return `The assignment was created, but ${assignment} now: it was deleted after it succeeded.`;
  }

  if (evidence.principal?.type === 'USER') {
    const groups = evidence.groupAccess?.assignedGroupIds.length ?? 0;

    return groups > 0
      ? `${capitalise(assignment)}, and the user is not in any of the ${groups} assigned groups.`
      : `${capitalise(assignment)}, and no group has one either.`;
  }

  return `${capitalise(assignment)}.`;
};

const healthySummary = (evidence: Evidence, names: Names): string => {
  const current =
    `permission set ${names.permissionSet} is provisioned to ` +
    `${names.account} at its latest version`;
  if (evidence.principal === undefined) {
    return `${capitalise(current)}.`;
  }

  const memberOf = evidence.groupAccess?.memberOf ?? [];
  const through =
    evidence.assignmentExists === false && memberOf.length > 0
      ? ` through group ${memberOf.join(', ')}`
      : '';

  return `${capitalise(names.principal)} is assigned${through}, and ${current}.`;
};

const capitalise = (text: string): string =>
  text.charAt(0).toUpperCase() + text.slice(1);
