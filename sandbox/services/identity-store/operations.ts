import { struct } from '../../protocols/validation';
import type { Operation } from '../service';
import {
  FILTERS,
  filterOf,
  groupShape,
  membershipShape,
  notFound,
  PAGE,
  pageOf,
  RESOURCE_ID,
  STORE_ID,
  store,
  userShape,
} from './common';

/** Users, groups and memberships of the instance's identity store. */
export const identityStoreOperations: Readonly<Record<string, Operation>> = {
  DescribeUser: {
    input: struct({ IdentityStoreId: STORE_ID, UserId: RESOURCE_ID }, [
      'IdentityStoreId',
      'UserId',
    ]),
    handler: (input, context) => {
      const state = store(context, input);
      const user = state.users.get(input.UserId as string);
      if (!user) {
        throw notFound('USER', input.UserId as string);
      }

      return userShape(state, user);
    },
  },

  DescribeGroup: {
    input: struct({ IdentityStoreId: STORE_ID, GroupId: RESOURCE_ID }, [
      'IdentityStoreId',
      'GroupId',
    ]),
    handler: (input, context) => {
      const state = store(context, input);
      const group = state.groups.get(input.GroupId as string);
      if (!group) {
        throw notFound('GROUP', input.GroupId as string);
      }

      return groupShape(state, group);
    },
  },

  ListUsers: {
    input: struct({ IdentityStoreId: STORE_ID, Filters: FILTERS, ...PAGE }, [
      'IdentityStoreId',
    ]),
    handler: (input, context) => {
      const state = store(context, input);
      const wanted = filterOf(input, 'UserName');
      const users = [...state.users.values()].filter(
        (u) => wanted === undefined || u.userName === wanted,
      );
      const page = pageOf(context, `ListUsers:${wanted ?? '*'}`, users, input);

      return {
        Users: page.items.map((u) => userShape(state, u)),
        NextToken: page.nextToken,
      };
    },
  },

  ListGroups: {
    input: struct({ IdentityStoreId: STORE_ID, Filters: FILTERS, ...PAGE }, [
      'IdentityStoreId',
    ]),
    handler: (input, context) => {
      const state = store(context, input);
      const wanted = filterOf(input, 'DisplayName');
      const groups = [...state.groups.values()].filter(
        (g) => wanted === undefined || g.displayName === wanted,
      );
      const page = pageOf(
        context,
        `ListGroups:${wanted ?? '*'}`,
        groups,
        input,
      );

      return {
        Groups: page.items.map((g) => groupShape(state, g)),
        NextToken: page.nextToken,
      };
    },
  },

  ListGroupMembershipsForMember: {
    input: struct(
      {
        IdentityStoreId: STORE_ID,
        MemberId: { kind: 'structure', members: { UserId: RESOURCE_ID } },
        ...PAGE,
      },
      ['IdentityStoreId', 'MemberId'],
    ),
    handler: (input, context) => {
      const state = store(context, input);
      const userId = (input.MemberId as { UserId?: string }).UserId ?? '';
      if (!state.users.has(userId)) {
        throw notFound('USER', userId);
      }
      const memberships = [...state.groups.values()]
        .filter((g) => g.members.has(userId))
        .map((g) => membershipShape(state, g, userId));
      const page = pageOf(
        context,
        `MembershipsFor:${userId}`,
        memberships,
        input,
      );

      return { GroupMemberships: page.items, NextToken: page.nextToken };
    },
  },

  ListGroupMemberships: {
    input: struct(
      { IdentityStoreId: STORE_ID, GroupId: RESOURCE_ID, ...PAGE },
      ['IdentityStoreId', 'GroupId'],
    ),
    handler: (input, context) => {
      const state = store(context, input);
      const group = state.groups.get(input.GroupId as string);
      if (!group) {
        throw notFound('GROUP', input.GroupId as string);
      }
      const memberships = [...group.members].map((id) =>
        membershipShape(state, group, id),
      );
      const page = pageOf(
        context,
        `Memberships:${group.id}`,
        memberships,
        input,
      );

      return { GroupMemberships: page.items, NextToken: page.nextToken };
    },
  },
};
