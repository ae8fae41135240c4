import {
  accountOf,
  assignmentOf,
  groupOf,
  permissionSetOf,
  userOf,
} from './lookup';
import {
  type AssignmentRecord,
  normalizePolicy,
  type PermissionSetRecord,
  policyKey,
  policyText,
  provisionKey,
  type WorldState,
} from './state';
import type { WorldChange } from './types';

const sameAssignment = (a: AssignmentRecord, b: AssignmentRecord): boolean =>
  a.accountId === b.accountId &&
  a.permissionSetId === b.permissionSetId &&
  a.principalType === b.principalType &&
  a.principalId === b.principalId;

/** Adds an assignment (once) and provisions its permission set. */
export const addAssignment = (
  state: WorldState,
  assignment: AssignmentRecord,
  ps: PermissionSetRecord,
): void => {
  if (!state.assignments.some((a) => sameAssignment(a, assignment))) {
    state.assignments.push(assignment);
  }
  state.provisioned.set(provisionKey(ps.id, assignment.accountId), ps.version);
};

/**
 * Removes an assignment. When it was the last one of its permission set in
 * the account, Identity Center removes the role too, so the permission set
 * is no longer provisioned there.
 *
 * @returns false when there was no such assignment
 */
export const removeAssignment = (
  state: WorldState,
  assignment: AssignmentRecord,
): boolean => {
  const index = state.assignments.findIndex((a) =>
    sameAssignment(a, assignment),
  );
  if (index < 0) {
    return false;
  }
  state.assignments.splice(index, 1);

  const stillUsed = state.assignments.some(
    (a) =>
      a.accountId === assignment.accountId &&
      a.permissionSetId === assignment.permissionSetId,
  );
  if (!stillUsed) {
    state.provisioned.delete(
      provisionKey(assignment.permissionSetId, assignment.accountId),
    );
  }

  return true;
};

/** Replaces the inline policy; like every edit, it bumps the version. */
export const putInlinePolicy = (
  ps: PermissionSetRecord,
  policy: string,
): void => {
  ps.inlinePolicy = policy;
  ps.version += 1;
};

/** Applies one change to the world, at once. */
export const applyChange = (state: WorldState, change: WorldChange): void => {
  if ('deleteAssignment' in change) {
    removeAssignment(
      state,
      assignmentOf(state, change.deleteAssignment).record,
    );
  } else if ('createAssignment' in change) {
    const { record, ps } = assignmentOf(state, change.createAssignment);
    addAssignment(state, record, ps);
  } else if ('addMember' in change) {
    const { group, user } = change.addMember;
    groupOf(state, group).members.add(userOf(state, user).id);
  } else if ('removeMember' in change) {
    const { group, user } = change.removeMember;
    groupOf(state, group).members.delete(userOf(state, user).id);
  } else if ('deleteUser' in change) {
    const user = userOf(state, change.deleteUser);
    state.users.delete(user.id);
    for (const group of state.groups.values()) {
      group.members.delete(user.id);
    }
  } else if ('deleteGroup' in change) {
    state.groups.delete(groupOf(state, change.deleteGroup).id);
  } else if ('setAccountState' in change) {
    accountOf(state, change.setAccountState.account).state =
      change.setAccountState.state;
  } else if ('putInlinePolicy' in change) {
    const { permissionSet, policy } = change.putInlinePolicy;
    putInlinePolicy(permissionSetOf(state, permissionSet), policyText(policy));
  } else if ('addCustomerManagedPolicy' in change) {
    const { account, policy } = change.addCustomerManagedPolicy;
    accountOf(state, account).customerManagedPolicies.add(
      policyKey(normalizePolicy(policy)),
    );
  } else {
    const { account, policy } = change.removeCustomerManagedPolicy;
    accountOf(state, account).customerManagedPolicies.delete(
      policyKey(normalizePolicy(policy)),
    );
  }
};

/**
 * Resolves every name a change uses, without applying it, so a scripted
 * event with a typo fails when the world is built, not minutes later.
 */
export const checkChangeReferences = (
  state: WorldState,
  change: WorldChange,
): void => {
  if ('deleteAssignment' in change) {
    assignmentOf(state, change.deleteAssignment);
  } else if ('createAssignment' in change) {
    assignmentOf(state, change.createAssignment);
  } else if ('addMember' in change || 'removeMember' in change) {
    const { group, user } =
      'addMember' in change ? change.addMember : change.removeMember;
    groupOf(state, group);
    userOf(state, user);
  } else if ('deleteUser' in change) {
    userOf(state, change.deleteUser);
  } else if ('deleteGroup' in change) {
    groupOf(state, change.deleteGroup);
  } else if ('setAccountState' in change) {
    accountOf(state, change.setAccountState.account);
  } else if ('putInlinePolicy' in change) {
    permissionSetOf(state, change.putInlinePolicy.permissionSet);
  } else if ('addCustomerManagedPolicy' in change) {
    accountOf(state, change.addCustomerManagedPolicy.account);
  } else {
    accountOf(state, change.removeCustomerManagedPolicy.account);
  }
};
