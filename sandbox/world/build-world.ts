import { WorldDefinitionError } from './errors';
import {
  identityStoreIdFor,
  instanceArnOf,
  instanceIdFor,
  organizationIdFor,
  permissionSetArnOf,
  permissionSetIdFor,
  principalIdFor,
} from './ids';
import { accountOf, assignmentOf, permissionSetOf, userOf } from './lookup';
import {
  type AccountRecord,
  type BoundaryRecord,
  normalizePolicy,
  type PermissionSetRecord,
  policyKey,
  policyText,
  provisionKey,
  type WorldState,
} from './state';
import type {
  AccountDefinition,
  PermissionSetDefinition,
  WorldDefinition,
} from './types';
import { checkChangeReferences } from './world-changes';

const ACCOUNT_ID = /^\d{12}$/;
const PERMISSION_SET_NAME = /^[\w+=,.@-]{1,32}$/;

const buildAccount = (
  definition: AccountDefinition,
  startEpochMs: number,
): AccountRecord => {
  if (!ACCOUNT_ID.test(definition.id)) {
    throw new WorldDefinitionError(
      `accounts: id must be 12 digits, received '${definition.id}'`,
    );
  }
  const name = definition.name ?? `account-${definition.id}`;

  return {
    id: definition.id,
    name,
    email: definition.email ?? `${name}@example.com`,
    state: definition.state ?? 'ACTIVE',
    joinedEpochMs: startEpochMs - 86_400_000,
    customerManagedPolicies: new Set(
      (definition.customerManagedPolicies ?? []).map((ref) =>
        policyKey(normalizePolicy(ref)),
      ),
    ),
    iamRoleQuotaReached: definition.iamRoleQuotaReached ?? false,
  };
};

const buildPermissionSet = (
  definition: PermissionSetDefinition,
  instanceId: string,
  startEpochMs: number,
): PermissionSetRecord => {
  if (!PERMISSION_SET_NAME.test(definition.name)) {
    throw new WorldDefinitionError(
      'permissionSets: name must be 1-32 characters of [\\w+=,.@-], ' +
        `received '${definition.name}'`,
    );
  }
  const id = definition.id ?? permissionSetIdFor(definition.name);
  if (!/^ps-[a-zA-Z0-9-./]{16}$/.test(id)) {
    throw new WorldDefinitionError(
      `permissionSets: id must be 'ps-' and 16 characters, received '${id}'`,
    );
  }
  const boundary = definition.permissionsBoundary;
  const permissionsBoundary: BoundaryRecord | undefined =
    boundary === undefined
      ? undefined
      : 'managedPolicyArn' in boundary
        ? { managedPolicyArn: boundary.managedPolicyArn }
        : {
            customerManagedPolicy: normalizePolicy(
              boundary.customerManagedPolicy,
            ),
          };

  return {
    id,
    arn: permissionSetArnOf(instanceId, id),
    name: definition.name,
    description: definition.description,
    sessionDuration: definition.sessionDuration ?? 'PT1H',
    relayState: definition.relayState,
    createdEpochMs: startEpochMs - 86_400_000,
    inlinePolicy: policyText(definition.inlinePolicy),
    managedPolicyArns: [...(definition.managedPolicyArns ?? [])],
    customerManagedPolicies: (definition.customerManagedPolicies ?? []).map(
      normalizePolicy,
    ),
    permissionsBoundary,
    version: 1,
  };
};

const byKey = <T>(
  items: readonly T[],
  key: (item: T) => string,
  what: string,
) => {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(key(item))) {
      throw new WorldDefinitionError(
        `${what}: '${key(item)}' is declared twice`,
      );
    }
    map.set(key(item), item);
  }

  return map;
};

/** Turns a scenario's declaration into the sandbox's live state. */
export const buildWorld = (
  definition: WorldDefinition,
  startEpochMs: number,
): WorldState => {
  const management = definition.managementAccountId;
  if (!ACCOUNT_ID.test(management)) {
    throw new WorldDefinitionError(
      `managementAccountId must be 12 digits, received '${management}'`,
    );
  }
  const declared = definition.accounts ?? [];
  const accounts = declared.some((a) => a.id === management)
    ? declared
    : [{ id: management, name: 'management' }, ...declared];
  const instanceId = definition.instance?.id ?? instanceIdFor(management);

  const state: WorldState = {
    region: definition.region ?? 'us-east-1',
    organizationId: definition.organizationId ?? organizationIdFor(management),
    managementAccountId: management,
    managementAccountIamDenied: definition.managementAccountIamDenied ?? false,
    instance: {
      id: instanceId,
      arn: instanceArnOf(instanceId),
      identityStoreId:
        definition.instance?.identityStoreId ?? identityStoreIdFor(management),
      name: definition.instance?.name ?? 'sandbox',
      createdEpochMs: startEpochMs - 86_400_000,
    },
    accounts: byKey(
      accounts.map((a) => buildAccount(a, startEpochMs)),
      (a) => a.id,
      'accounts',
    ),
    permissionSets: byKey(
      (definition.permissionSets ?? []).map((p) =>
        buildPermissionSet(p, instanceId, startEpochMs),
      ),
      (p) => p.id,
      'permissionSets',
    ),
    users: byKey(
      (definition.users ?? []).map((u) => ({
        id: u.id ?? principalIdFor('user', u.userName),
        userName: u.userName,
        displayName: u.displayName ?? u.userName,
        email: u.email ?? `${u.userName}@example.com`,
      })),
      (u) => u.id,
      'users',
    ),
    groups: new Map(),
    assignments: [],
    provisioned: new Map(),
    requests: new Map(),
    failureRules: (definition.asyncFailures ?? []).map((rule) => ({
      rule,
      remaining: rule.times ?? 1,
    })),
    pendingEvents: [...(definition.events ?? [])].sort(
      (a, b) => a.atSeconds - b.atSeconds,
    ),
    timing: {
      assignmentCreationSeconds:
        definition.timing?.assignmentCreationSeconds ?? 10,
      assignmentDeletionSeconds:
        definition.timing?.assignmentDeletionSeconds ?? 10,
      provisioningSeconds: definition.timing?.provisioningSeconds ?? 15,
    },
    snsTopics: definition.snsTopics ? new Set(definition.snsTopics) : undefined,
  };

  for (const g of definition.groups ?? []) {
    const id = g.id ?? principalIdFor('group', g.name);
    if (state.groups.has(id)) {
      throw new WorldDefinitionError(`groups: '${g.name}' is declared twice`);
    }
    state.groups.set(id, {
      id,
      displayName: g.name,
      description: g.description,
      members: new Set((g.members ?? []).map((m) => userOf(state, m).id)),
    });
  }

  // An edit since provisioning shows as a version ahead of the account's.
  for (const p of definition.provisioned ?? []) {
    if (p.state === 'OUTDATED') {
      permissionSetOf(state, p.permissionSet).version = 2;
    }
  }

  for (const ref of definition.assignments ?? []) {
    const { record, ps } = assignmentOf(state, ref);
    state.assignments.push(record);
    state.provisioned.set(provisionKey(ps.id, record.accountId), ps.version);
  }

  for (const p of definition.provisioned ?? []) {
    const account = accountOf(state, p.account);
    const ps = permissionSetOf(state, p.permissionSet);
    state.provisioned.set(
      provisionKey(ps.id, account.id),
      p.state === 'OUTDATED' ? ps.version - 1 : ps.version,
    );
  }

  for (const a of definition.accounts ?? []) {
    if (a.activatesAfterSeconds !== undefined) {
      state.pendingEvents.push({
        atSeconds: a.activatesAfterSeconds,
        setAccountState: { account: a.id, state: 'ACTIVE' },
      });
    }
  }
  state.pendingEvents.sort((a, b) => a.atSeconds - b.atSeconds);
  for (const event of state.pendingEvents) {
    checkChangeReferences(state, event);
  }
  for (const { rule } of state.failureRules) {
    if (rule.account !== undefined) {
      accountOf(state, rule.account);
    }
    if (rule.permissionSet !== undefined) {
      permissionSetOf(state, rule.permissionSet);
    }
  }

  return state;
};
