import { pager } from '../../protocols/pagination';
import { ServiceError } from '../../protocols/service-error';
import type { Spec } from '../../protocols/validation';
import { principalIdFor } from '../../world/ids';
import type { GroupRecord, UserRecord, WorldState } from '../../world/state';
import type { OperationContext, OperationInput } from '../service';

/** Constraints from botocore `identitystore/2020-06-15/service-2.json`. */
export const STORE_ID: Spec = {
  kind: 'string',
  min: 1,
  max: 36,
  pattern:
    'd-[0-9a-f]{10}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
};

export const RESOURCE_ID: Spec = {
  kind: 'string',
  min: 1,
  max: 47,
  pattern:
    '([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}',
};

export const PAGE: Readonly<Record<string, Spec>> = {
  MaxResults: { kind: 'integer', min: 1, max: 100 },
  NextToken: {
    kind: 'string',
    min: 1,
    max: 65535,
    pattern: '[-a-zA-Z0-9+=/:_]*',
  },
};

export const FILTERS: Spec = {
  kind: 'list',
  min: 0,
  max: 1,
  member: {
    kind: 'structure',
    members: {
      AttributePath: { kind: 'string', min: 1, max: 255 },
      AttributeValue: { kind: 'string', min: 1, max: 1024 },
    },
    required: ['AttributePath', 'AttributeValue'],
  },
};

export const notFound = (type: string, id: string): ServiceError =>
  new ServiceError('ResourceNotFoundException', `${type} not found.`, {
    status: 404,
    fields: { ResourceType: type, ResourceId: id },
  });

export const store = (
  context: OperationContext,
  input: OperationInput,
): WorldState => {
  const state = context.world.state;
  const id = input.IdentityStoreId as string;
  if (id !== state.instance.identityStoreId) {
    throw notFound('IDENTITY_STORE', id);
  }

  return state;
};

export const pageOf = pager(
  100,
  () => new ServiceError('ValidationException', 'Invalid NextToken'),
);

/** The one filter Identity Store lists accept: an attribute path and value. */
export const filterOf = (
  input: OperationInput,
  path: string,
): string | undefined => {
  const filter = (
    input.Filters as
      | { AttributePath: string; AttributeValue: string }[]
      | undefined
  )?.[0];
  if (filter && filter.AttributePath !== path) {
    throw new ServiceError(
      'ValidationException',
      `Filtering by attribute path ${filter.AttributePath} is not ` +
        `supported; use ${path}`,
    );
  }

  return filter?.AttributeValue;
};

export const userShape = (state: WorldState, user: UserRecord) => {
  const [given = user.displayName, ...family] = user.displayName.split(' ');

  return {
    IdentityStoreId: state.instance.identityStoreId,
    UserId: user.id,
    UserName: user.userName,
    DisplayName: user.displayName,
    Name: {
      Formatted: user.displayName,
      GivenName: given,
      FamilyName: family.join(' ') || given,
    },
    Emails: [{ Value: user.email, Type: 'work', Primary: true }],
  };
};

export const groupShape = (state: WorldState, group: GroupRecord) => ({
  IdentityStoreId: state.instance.identityStoreId,
  GroupId: group.id,
  DisplayName: group.displayName,
  Description: group.description,
});

export const membershipShape = (
  state: WorldState,
  group: GroupRecord,
  userId: string,
) => ({
  IdentityStoreId: state.instance.identityStoreId,
  MembershipId: principalIdFor('membership', `${group.id}:${userId}`),
  GroupId: group.id,
  MemberId: { UserId: userId },
});
