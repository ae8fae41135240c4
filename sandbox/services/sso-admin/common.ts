import { type Page, paginate } from '../../protocols/pagination';
import { ServiceError } from '../../protocols/service-error';
import { permissionSetIdOf } from '../../world/ids';
import type {
  AsyncRequest,
  PermissionSetRecord,
  WorldState,
} from '../../world/state';
import type { World } from '../../world/world';
import type { OperationContext } from '../service';

/** The input members every SSO Admin handler reads, untyped on the wire. */
export type SsoInput = Readonly<Record<string, unknown>>;

export const str = (input: SsoInput, name: string): string =>
  (input[name] as string | undefined) ?? '';

export const notFound = (message: string): ServiceError =>
  new ServiceError('ResourceNotFoundException', message, { status: 404 });

/** Refuses an instance ARN other than the world's one. */
export const checkInstance = (world: World, input: SsoInput): void => {
  const arn = str(input, 'InstanceArn');
  if (arn !== world.instanceArn) {
    throw notFound(`Could not find Instance with arn ${arn}`);
  }
};

export const permissionSetOrThrow = (
  state: WorldState,
  arn: string,
): PermissionSetRecord => {
  const id = permissionSetIdOf(arn);
  const ps = state.permissionSets.get(id);
  if (!ps || ps.arn !== arn) {
    throw notFound(`Could not find PermissionSet with id ${id}`);
  }

  return ps;
};

/**
 * Stand-in wording: a target account must belong to the organization; the
 * text of AWS's refusal was not found.
 */
export const accountOrThrow = (state: WorldState, accountId: string): void => {
  if (!state.accounts.has(accountId)) {
    throw new ServiceError(
      'ValidationException',
      `The target account ${accountId} is not a member of the organization`,
    );
  }
};

/** Epoch seconds, as the JSON protocols send timestamps. */
export const epochSeconds = (world: World, elapsedMs: number): number =>
  world.clock.epochMsAt(elapsedMs) / 1000;

/** A page of a list, with SSO Admin's paging rules. */
export const pageOf = <T>(
  context: OperationContext,
  scope: string,
  list: readonly T[],
  input: SsoInput,
): Page<T> =>
  paginate(list, {
    scope,
    maxResults: input.MaxResults as number | undefined,
    nextToken: input.NextToken as string | undefined,
    defaultSize: 100,
    cap: context.pageSizeCap,
    invalidToken: () =>
      new ServiceError('ValidationException', 'The NextToken is not valid.'),
  });

/** `AccountAssignmentCreationStatus` / `…DeletionStatus`. */
export const assignmentStatus = (world: World, request: AsyncRequest) => ({
  Status: request.status,
  RequestId: request.requestId,
  FailureReason: request.failureReason,
  TargetId: request.accountId,
  TargetType: 'AWS_ACCOUNT',
  PermissionSetArn: request.permissionSetArn,
  PrincipalType: request.principalType,
  PrincipalId: request.principalId,
  CreatedDate: epochSeconds(world, request.createdMs),
});

/** `PermissionSetProvisioningStatus`. */
export const provisioningStatus = (world: World, request: AsyncRequest) => ({
  Status: request.status,
  RequestId: request.requestId,
  AccountId: request.accountId,
  PermissionSetArn: request.permissionSetArn,
  FailureReason: request.failureReason,
  CreatedDate: epochSeconds(world, request.createdMs),
});

/** A request by id and kind, or ResourceNotFoundException. */
export const requestOrThrow = (
  state: WorldState,
  requestId: string,
  kind: AsyncRequest['kind'],
): AsyncRequest => {
  const request = state.requests.get(requestId);
  if (!request || request.kind !== kind) {
    throw notFound(`Could not find request with id ${requestId}`);
  }

  return request;
};

/** `[{Status, RequestId, CreatedDate}]` of one kind, filtered by status. */
export const statusMetadata = (
  context: OperationContext,
  kind: AsyncRequest['kind'],
  input: SsoInput,
) => {
  const filter = (input.Filter as { Status?: string } | undefined)?.Status;
  const world = context.world;

  return [...world.state.requests.values()]
    .filter((r) => r.kind === kind && (!filter || r.status === filter))
    .map((r) => ({
      Status: r.status,
      RequestId: r.requestId,
      CreatedDate: epochSeconds(world, r.createdMs),
    }));
};
