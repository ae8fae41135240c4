import { randomUUID } from 'node:crypto';
import { assignmentMissing, permissionSetMissing } from './failure-reasons';
import { permissionSetIdOf } from './ids';
import {
  creationFailure,
  provisioningFailure,
  scriptedFailure,
} from './outcomes';
import {
  type AssignmentRecord,
  type AsyncRequest,
  type PermissionSetRecord,
  type PrincipalType,
  provisionKey,
  type WorldState,
} from './state';
import type { AsyncOperation } from './types';
import { addAssignment, removeAssignment } from './world-changes';

/** What a request is about, before it gets an id and times. */
export interface RequestTarget {
  readonly permissionSetArn: string;
  readonly accountId?: string;
  readonly principalType?: PrincipalType;
  readonly principalId?: string;
}

const durationSeconds = (state: WorldState, kind: AsyncOperation): number => {
  switch (kind) {
    case 'ASSIGNMENT_CREATION':
      return state.timing.assignmentCreationSeconds;
    case 'ASSIGNMENT_DELETION':
      return state.timing.assignmentDeletionSeconds;
    case 'PROVISIONING':
      return state.timing.provisioningSeconds;
  }
};

/** Records a new asynchronous request, IN_PROGRESS until its time comes. */
export const submitRequest = (
  state: WorldState,
  kind: AsyncOperation,
  target: RequestTarget,
  nowMs: number,
  requestId: string = randomUUID(),
): AsyncRequest => {
  const request: AsyncRequest = {
    kind,
    requestId,
    createdMs: nowMs,
    completesMs: nowMs + durationSeconds(state, kind) * 1000,
    status: 'IN_PROGRESS',
    ...target,
  };
  state.requests.set(requestId, request);

  return request;
};

const fail = (request: AsyncRequest, reason: string): void => {
  request.status = 'FAILED';
  request.failureReason = reason;
};

const assignmentOf = (request: AsyncRequest): AssignmentRecord => ({
  accountId: request.accountId ?? '',
  permissionSetId: permissionSetIdOf(request.permissionSetArn),
  principalType: request.principalType ?? 'USER',
  principalId: request.principalId ?? '',
});

const provision = (
  state: WorldState,
  request: AsyncRequest,
  ps: PermissionSetRecord,
): void => {
  const targets = request.accountId
    ? [request.accountId]
    : [...state.accounts.keys()].filter((id) =>
        state.provisioned.has(provisionKey(ps.id, id)),
      );
  let firstFailure: string | undefined;

  for (const accountId of targets) {
    const reason = provisioningFailure(state, ps, accountId);
    if (reason === undefined) {
      state.provisioned.set(provisionKey(ps.id, accountId), ps.version);
    } else {
      firstFailure ??= reason;
    }
  }

  if (firstFailure === undefined) {
    request.status = 'SUCCEEDED';
  } else {
    fail(request, firstFailure);
  }
};

/**
 * Ends a request the way Identity Center would, given the world as it is
 * at the request's completion time.
 */
export const completeRequest = (
  state: WorldState,
  request: AsyncRequest,
): void => {
  const ps = state.permissionSets.get(
    permissionSetIdOf(request.permissionSetArn),
  );
  if (!ps) {
    fail(request, permissionSetMissing(request.permissionSetArn));
    return;
  }

  const scripted = scriptedFailure(state, request, ps.name);
  if (scripted !== undefined) {
    fail(request, scripted);
    return;
  }

  switch (request.kind) {
    case 'ASSIGNMENT_CREATION': {
      const reason = creationFailure(state, request, ps);
      if (reason !== undefined) {
        fail(request, reason);
        return;
      }
      addAssignment(state, assignmentOf(request), ps);
      request.status = 'SUCCEEDED';
      return;
    }
    case 'ASSIGNMENT_DELETION':
      if (removeAssignment(state, assignmentOf(request))) {
        request.status = 'SUCCEEDED';
      } else {
        fail(
          request,
          assignmentMissing(
            request.principalId ?? '',
            request.accountId ?? '',
            request.permissionSetArn,
            state.instance.id,
          ),
        );
      }
      return;
    case 'PROVISIONING':
      provision(state, request, ps);
      return;
  }
};

/** IN_PROGRESS requests of one kind, optionally for one target. */
export const inProgress = (
  state: WorldState,
  kind: AsyncOperation,
  match: (request: AsyncRequest) => boolean = () => true,
): AsyncRequest[] =>
  [...state.requests.values()].filter(
    (r) => r.kind === kind && r.status === 'IN_PROGRESS' && match(r),
  );
