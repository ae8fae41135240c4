import { WorldDefinitionError } from './errors';
import type {
  AccountRecord,
  GroupRecord,
  PermissionSetRecord,
  PrincipalType,
  UserRecord,
  WorldState,
} from './state';
import type { PrincipalRef } from './types';

/**
 * Resolves the names a scenario uses to the records they name. Each
 * resolver accepts an id too, and throws a {@link WorldDefinitionError}
 * that names what was asked for and what exists.
 */
const known = (names: Iterable<string>): string =>
  [...names].join(', ') || 'none';

export const findAccount = (
  state: WorldState,
  ref: string,
): AccountRecord | undefined =>
  state.accounts.get(ref) ??
  [...state.accounts.values()].find((account) => account.name === ref);

export const accountOf = (state: WorldState, ref: string): AccountRecord => {
  const account = findAccount(state, ref);
  if (!account) {
    const names = [...state.accounts.values()].map(
      (a) => `${a.name} (${a.id})`,
    );
    throw new WorldDefinitionError(
      `Unknown account '${ref}': use an account id or name declared in accounts (known: ${known(names)})`,
    );
  }

  return account;
};

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
): PermissionSetRecord => {
  const ps = findPermissionSet(state, ref);
  if (!ps) {
    const names = [...state.permissionSets.values()].map((p) => p.name);
    throw new WorldDefinitionError(
      `Unknown permission set '${ref}': use a name declared in permissionSets (known: ${known(names)})`,
    );
  }

  return ps;
};

export const findUser = (
  state: WorldState,
  ref: string,
): UserRecord | undefined =>
  state.users.get(ref) ??
  [...state.users.values()].find((user) => user.userName === ref);

export const userOf = (state: WorldState, ref: string): UserRecord => {
  const user = findUser(state, ref);
  if (!user) {
    const names = [...state.users.values()].map((u) => u.userName);
    throw new WorldDefinitionError(
      `Unknown user '${ref}': use a userName declared in users (known: ${known(names)})`,
    );
  }

  return user;
};

export const findGroup = (
  state: WorldState,
  ref: string,
): GroupRecord | undefined =>
  state.groups.get(ref) ??
  [...state.groups.values()].find((group) => group.displayName === ref);

export const groupOf = (state: WorldState, ref: string): GroupRecord => {
  const group = findGroup(state, ref);
  if (!group) {
    const names = [...state.groups.values()].map((g) => g.displayName);
    throw new WorldDefinitionError(
      `Unknown group '${ref}': use a name declared in groups (known: ${known(names)})`,
    );
  }

  return group;
};

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
