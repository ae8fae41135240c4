import { WorldDefinitionError } from './errors';
import type {
  AccountRecord,
  AssignmentRecord,
  GroupRecord,
  PermissionSetRecord,
  PrincipalType,
  UserRecord,
  WorldState,
} from './state';
import type { AssignmentRef, PrincipalRef } from './types';

/**
 * Resolves the names a scenario uses to the records they name. Each
 * resolver accepts an id too, and throws a {@link WorldDefinitionError}
 * that names what was asked for and what exists.
 */
const found = <T>(
  record: T | undefined,
  ref: string,
  what: string,
  use: string,
  known: () => string[],
): T => {
  if (!record) {
    const names = known().join(', ') || 'none';
    throw new WorldDefinitionError(
      `Unknown ${what} '${ref}': use ${use} (known: ${names})`,
    );
  }

  return record;
};

export const findAccount = (
  state: WorldState,
  ref: string,
): AccountRecord | undefined =>
  state.accounts.get(ref) ??
  [...state.accounts.values()].find((account) => account.name === ref);

export const accountOf = (state: WorldState, ref: string): AccountRecord =>
  found(
    findAccount(state, ref),
    ref,
    'account',
    'an account id or name declared in accounts',
    () => [...state.accounts.values()].map((a) => `${a.name} (${a.id})`),
  );

export const findPermissionSet = (
  state: WorldState,
  ref: string,
): PermissionSetRecord | undefined =>
  state.permissionSets.get(ref) ??
  [...state.permissionSets.values()].find(
    (ps) => ps.name === ref || ps.arn === ref,
  );

export const permissionSetOf = (
  state: WorldState,
  ref: string,
): PermissionSetRecord =>
  found(
    findPermissionSet(state, ref),
    ref,
    'permission set',
    'a name declared in permissionSets',
    () => [...state.permissionSets.values()].map((p) => p.name),
  );

export const findUser = (
  state: WorldState,
  ref: string,
): UserRecord | undefined =>
  state.users.get(ref) ??
  [...state.users.values()].find((user) => user.userName === ref);

export const userOf = (state: WorldState, ref: string): UserRecord =>
  found(findUser(state, ref), ref, 'user', 'a userName declared in users', () =>
    [...state.users.values()].map((u) => u.userName),
  );

export const findGroup = (
  state: WorldState,
  ref: string,
): GroupRecord | undefined =>
  state.groups.get(ref) ??
  [...state.groups.values()].find((group) => group.displayName === ref);

export const groupOf = (state: WorldState, ref: string): GroupRecord =>
  found(findGroup(state, ref), ref, 'group', 'a name declared in groups', () =>
    [...state.groups.values()].map((g) => g.displayName),
  );

const PRINCIPAL_ID =
  /^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/;

/**
 * The type and id of a principal reference. An id that the identity store
 * does not know is kept as it is, so a scenario can name a principal that
 * was deleted or never existed.
 */
export const principalOf = (
  state: WorldState,
  ref: PrincipalRef,
): { readonly type: PrincipalType; readonly id: string } => {
  if ('user' in ref) {
    const user = findUser(state, ref.user);

    return {
      type: 'USER',
      id:
        user?.id ??
        (PRINCIPAL_ID.test(ref.user) ? ref.user : userOf(state, ref.user).id),
    };
  }
  const group = findGroup(state, ref.group);

  return {
    type: 'GROUP',
    id:
      group?.id ??
      (PRINCIPAL_ID.test(ref.group) ? ref.group : groupOf(state, ref.group).id),
  };
};

/**
 * The assignment a reference names, with its permission set. Names resolve
 * in the order they are declared: account, permission set, principal.
 */
export const assignmentOf = (
  state: WorldState,
  ref: AssignmentRef,
): { readonly record: AssignmentRecord; readonly ps: PermissionSetRecord } => {
  const account = accountOf(state, ref.account);
  const ps = permissionSetOf(state, ref.permissionSet);
  const principal = principalOf(state, ref);

  return {
    ps,
    record: {
      accountId: account.id,
      permissionSetId: ps.id,
      principalType: principal.type,
      principalId: principal.id,
    },
  };
};
