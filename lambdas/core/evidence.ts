import { RequestMismatchError } from './errors';
import {
  type CreationRecord,
  describeAccount,
  describeCreation,
  describePermissionSet,
  listAssignedPrincipals,
  listProvisionedPermissionSets,
} from './evidence-reads';
import {
  describePrincipal,
  findIdentityStoreId,
  listGroupIdsOfUser,
} from './identity-store';
import { withoutUndefined } from './state';
import type {
  ActionTaken,
  Evidence,
  Principal,
  Request,
  WorkflowState,
} from './types';

/**
 * Gathers the evidence of "Check provisioning" with read-only calls, in
 * the order of the rules in `verdict.ts`, and stops as soon as the
 * evidence decides the verdict: a check of a closed account lists nothing.
 */

/** The evidence, and the request completed with what AWS recorded. */
export interface Gathered {
  readonly evidence: Evidence;
  /** With the principal of the creation when the input named none. */
  readonly request: Request;
}

const UNAVAILABLE: ReadonlySet<string> = new Set([
  'PENDING_ACTIVATION',
  'SUSPENDED',
  'PENDING_CLOSURE',
  'CLOSED',
]);

export const gatherEvidence = async (
  state: WorkflowState,
  request: Request,
  configuredIdentityStoreId: string | undefined,
): Promise<Gathered> => {
  const creationRequestId =
    healerCreationRequestId(state.actions) ?? request.creationRequestId;
  const [account, permissionSet, creation] = await Promise.all([
    describeAccount(request.accountId),
    describePermissionSet(request),
    creationRequestId
      ? describeCreation(request.instanceArn, creationRequestId)
      : undefined,
  ]);
  checkCreationMatches(request, creation);

  const principal = request.principal ?? creation?.principal;
  const known: Request = principal ? { ...request, principal } : request;
  let evidence: Evidence = withoutUndefined({
    account: account.account,
    permissionSet: permissionSet.permissionSet,
    creation: creation?.status,
    missing: !account.found
      ? ('ACCOUNT' as const)
      : !permissionSet.found
        ? ('PERMISSION_SET' as const)
        : undefined,
  });
  if (evidence.missing !== undefined || principal === undefined) {
    return finish(evidence, known);
  }

  const identityStoreId = await findIdentityStoreId(
    request.instanceArn,
    configuredIdentityStoreId,
  );
  if (identityStoreId === undefined) {
    return { evidence: { ...evidence, missing: 'INSTANCE' }, request: known };
  }

  const record = await describePrincipal(identityStoreId, principal);
  evidence = {
    ...evidence,
    principal: withoutUndefined({ ...principal, ...record }),
    ...(record.exists ? {} : { missing: 'PRINCIPAL' as const }),
  };
  if (isDecided(evidence)) {
    return { evidence, request: known };
  }

  const assigned = await listAssignedPrincipals(known);
  const assignmentExists = assigned.some(
    (other) => other.type === principal.type && other.id === principal.id,
  );
  evidence = { ...evidence, assignmentExists };
  if (!assignmentExists && principal.type === 'USER') {
    evidence = {
      ...evidence,
      groupAccess: await groupAccessOf(identityStoreId, principal, assigned),
    };
  }

  return finish(evidence, known);
};

/**
 * The request id of the healer's own `CreateAccountAssignment` when it
 * succeeded or may still be running (a timed-out poll last saw it in
 * progress): from then on its status, not the original call's, tells
 * whether the assignment was created.
 */
export const healerCreationRequestId = (
  actions: readonly ActionTaken[],
): string | undefined =>
  actions.findLast(
    (action) =>
      action.operation === 'CreateAccountAssignment' &&
      !action.dryRun &&
      action.requestId !== undefined &&
      ['SUCCEEDED', 'IN_PROGRESS', 'TIMED_OUT'].includes(action.status),
  )?.requestId;

/** Adds provisioning to the evidence unless it is decided already. */
const finish = async (
  evidence: Evidence,
  request: Request,
): Promise<Gathered> => {
  if (isDecided(evidence)) {
    return { evidence, request };
  }

  const provisioned = (await listProvisionedPermissionSets(request)).includes(
    request.permissionSetArn,
  );
  if (!provisioned) {
    return { evidence: { ...evidence, provisioned }, request };
  }

  const outdated = (
    await listProvisionedPermissionSets(
      request,
      'LATEST_PERMISSION_SET_NOT_PROVISIONED',
    )
  ).includes(request.permissionSetArn);

  return { evidence: { ...evidence, provisioned, outdated }, request };
};

/** True when the evidence so far already decides the verdict. */
const isDecided = (evidence: Evidence): boolean =>
  evidence.missing !== undefined ||
  UNAVAILABLE.has(evidence.account?.state ?? '') ||
  evidence.creation?.status === 'IN_PROGRESS' ||
  (evidence.creation?.status === 'FAILED' &&
    evidence.assignmentExists !== true &&
    // Without a principal nothing more can show the assignment exists.
    (evidence.principal === undefined ||
      evidence.assignmentExists === false)) ||
  (evidence.assignmentExists === false &&
    (evidence.groupAccess?.memberOf.length ?? 0) === 0);

const groupAccessOf = async (
  identityStoreId: string,
  user: Principal,
  assigned: readonly Principal[],
): Promise<NonNullable<Evidence['groupAccess']>> => {
  const assignedGroupIds = assigned
    .filter((other) => other.type === 'GROUP')
    .map((group) => group.id);
  if (assignedGroupIds.length === 0) {
    return { assignedGroupIds, memberOf: [] };
  }

  const groupIds = new Set(await listGroupIdsOfUser(identityStoreId, user.id));

  return {
    assignedGroupIds,
    memberOf: assignedGroupIds.filter((id) => groupIds.has(id)),
  };
};

/**
 * A creation request id that belongs to another assignment would make
 * every conclusion of the check wrong, so it stops the check.
 */
const checkCreationMatches = (
  request: Request,
  creation: CreationRecord | undefined,
): void => {
  if (creation === undefined) {
    return;
  }

  const { principal } = request;
  const other =
    (creation.accountId !== undefined &&
      creation.accountId !== request.accountId) ||
    (creation.permissionSetArn !== undefined &&
      creation.permissionSetArn !== request.permissionSetArn) ||
    (principal !== undefined &&
      creation.principal !== undefined &&
      (creation.principal.type !== principal.type ||
        creation.principal.id !== principal.id));
  if (other) {
    const whose = creation.principal
      ? ` for ${creation.principal.type} ${creation.principal.id}`
      : '';
    throw new RequestMismatchError({
      field: 'creationRequestId',
      message:
        `Expected creation request ${creation.status.requestId} to be about ` +
        `account ${request.accountId} and permission set ` +
        `${request.permissionSetArn}, received one about account ` +
        `${creation.accountId} and ${creation.permissionSetArn}` +
        `${whose}; ` +
        'give the request id of this assignment, or leave it out.',
    });
  }
};
