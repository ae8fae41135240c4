import { pager } from '../../protocols/pagination';
import { ServiceError } from '../../protocols/service-error';
import type { StructureSpec } from '../../protocols/validation';
import { permissionSetIdOf } from '../../world/ids';
import type {
  AsyncRequest,
  PermissionSetRecord,
  WorldState,
} from '../../world/state';
import type { World } from '../../world/world';
import type { Operation, OperationInput } from '../service';

export const str = (input: OperationInput, name: string): string =>
  (input[name] as string | undefined) ?? '';

export const notFound = (message: string): ServiceError =>
  new ServiceError('ResourceNotFoundException', message, { status: 404 });

/** One write at a time: a second one on the same target conflicts. */
export const conflictError = (): ServiceError =>
  new ServiceError(
    'ConflictException',
    'There is a conflicting operation in process.',
  );

/** Refuses an instance ARN other than the world's one. */
export const checkInstance = (world: World, input: OperationInput): void => {
  const arn = str(input, 'InstanceArn');
  if (arn !== world.instanceArn) {
    throw notFound(`Could not find Instance with arn ${arn}`);
  }
};

/** The permission set the input's `PermissionSetArn` names. */
export const permissionSetOf = (
  state: WorldState,
  input: OperationInput,
): PermissionSetRecord => {
  const arn = str(input, 'PermissionSetArn');
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
export const pageOf = pager(
  100,
  () => new ServiceError('ValidationException', 'The NextToken is not valid.'),
);

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

/** `[{Status, RequestId, CreatedDate}]` of one kind, filtered by status. */
export const statusMetadata = (
  world: World,
  kind: AsyncRequest['kind'],
  input: OperationInput,
) => {
  const filter = (input.Filter as { Status?: string } | undefined)?.Status;

  return [...world.state.requests.values()]
    .filter((r) => r.kind === kind && (!filter || r.status === filter))
    .map((r) => ({
      Status: r.status,
      RequestId: r.requestId,
      CreatedDate: epochSeconds(world, r.createdMs),
    }));
};

/** What a `List…` operation pages: the items, and the list they belong to. */
export interface Listing<T> {
  /** Names the list, so a token from one list is refused by another. */
  readonly scope: string;
  readonly items: readonly T[];
}

/**
 * A `List…` operation on the instance: checks the instance ARN, then
 * answers one page of what `list` finds, under the `output` member, with
 * the `NextToken` of the next page.
 */
export const listOperation = <T>(options: {
  readonly input: StructureSpec;
  readonly output: string;
  readonly list: (input: OperationInput, world: World) => Listing<T>;
}): Operation => ({
  input: options.input,
  handler: (input, context) => {
    checkInstance(context.world, input);
    const { scope, items } = options.list(input, context.world);
    const page = pageOf(context, scope, items, input);

    return { [options.output]: page.items, NextToken: page.nextToken };
  },
});

/**
 * A `Describe…Status` operation: the request of one kind whose id is in
 * the `requestId` member, shaped under the `output` member.
 */
export const describeStatusOperation = (options: {
  readonly input: StructureSpec;
  readonly requestId: string;
  readonly kind: AsyncRequest['kind'];
  readonly output: string;
  readonly shape: (world: World, request: AsyncRequest) => unknown;
}): Operation => ({
  input: options.input,
  handler: (input, context) => {
    checkInstance(context.world, input);
    const requestId = str(input, options.requestId);
    const request = context.world.state.requests.get(requestId);
    if (!request || request.kind !== options.kind) {
      throw notFound(`Could not find request with id ${requestId}`);
    }

    return { [options.output]: options.shape(context.world, request) };
  },
});
