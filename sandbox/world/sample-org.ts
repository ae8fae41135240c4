import type { WorldDefinition } from './types';

/** The names and ids of the sample organization, for scenarios and tests. */
export const SAMPLE_ORG = {
  managementAccountId: '111122223333',
  accounts: {
    management: '111122223333',
    dev: '444455556666',
    prod: '777788889999',
  },
  permissionSets: {
    admin: 'AdministratorAccess',
    readOnly: 'ReadOnlyAccess',
    dataEngineer: 'DataEngineer',
  },
  /** The customer managed policy DataEngineer references; only dev has it. */
  customerManagedPolicy: 'DataLakeAccess',
  users: { alice: 'alice', bob: 'bob', carol: 'carol' },
  groups: {
    platformAdmins: 'platform-admins',
    dataEngineers: 'data-engineers',
  },
  topicArn: 'arn:aws:sns:us-east-1:111122223333:assignment-healer-reports',
} as const;

const READ_ONLY_EXTRA = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadCostAndUsage',
      Effect: 'Allow',
      Action: ['ce:GetCostAndUsage', 'ce:GetDimensionValues'],
      Resource: '*',
    },
  ],
};

const DATA_ENGINEER_INLINE = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadLakeBuckets',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::data-lake-*', 'arn:aws:s3:::data-lake-*/*'],
    },
  ],
};

const BASE: WorldDefinition = {
  managementAccountId: SAMPLE_ORG.managementAccountId,
  accounts: [
    { id: SAMPLE_ORG.accounts.management, name: 'management' },
    {
      id: SAMPLE_ORG.accounts.dev,
      name: 'dev',
      customerManagedPolicies: [SAMPLE_ORG.customerManagedPolicy],
    },
    { id: SAMPLE_ORG.accounts.prod, name: 'prod' },
  ],
  permissionSets: [
    {
      name: SAMPLE_ORG.permissionSets.admin,
      description: 'Full access for the platform team',
      managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    },
    {
      name: SAMPLE_ORG.permissionSets.readOnly,
      managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      inlinePolicy: READ_ONLY_EXTRA,
    },
    {
      name: SAMPLE_ORG.permissionSets.dataEngineer,
      inlinePolicy: DATA_ENGINEER_INLINE,
      customerManagedPolicies: [SAMPLE_ORG.customerManagedPolicy],
    },
  ],
  users: [
    { userName: 'alice', displayName: 'Alice Doe' },
    { userName: 'bob', displayName: 'Bob Roe' },
    { userName: 'carol', displayName: 'Carol Poe' },
  ],
  groups: [
    { name: SAMPLE_ORG.groups.platformAdmins, members: ['alice'] },
    { name: SAMPLE_ORG.groups.dataEngineers, members: ['bob'] },
  ],
  assignments: [
    {
      account: 'dev',
      permissionSet: 'AdministratorAccess',
      group: 'platform-admins',
    },
    {
      account: 'prod',
      permissionSet: 'AdministratorAccess',
      group: 'platform-admins',
    },
    { account: 'dev', permissionSet: 'DataEngineer', group: 'data-engineers' },
  ],
  snsTopics: [SAMPLE_ORG.topicArn],
};

const mergeKeyed = <T>(
  base: readonly T[] | undefined,
  extra: readonly T[] | undefined,
  key: (item: T) => string,
): T[] => {
  const replaced = new Set((extra ?? []).map(key));

  return [
    ...(base ?? []).filter((item) => !replaced.has(key(item))),
    ...(extra ?? []),
  ];
};

const concat = <T>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
): T[] => [...(a ?? []), ...(b ?? [])];

/**
 * A small organization to start a scenario from: a management account,
 * `dev` and `prod`; three permission sets; alice, bob and carol in two
 * groups; three assignments, all provisioned; one SNS topic.
 *
 * `extra` adds to it: accounts, permission sets, users and groups replace
 * the sample entry with the same id or name, or are added; list fields
 * such as `assignments` or `events` are appended; other fields replace.
 *
 * @example
 * sampleOrg({
 *   accounts: [{ id: SAMPLE_ORG.accounts.prod, name: 'prod', state: 'SUSPENDED' }],
 *   creationRequests: [{ account: 'prod', permissionSet: 'ReadOnlyAccess', user: 'carol' }],
 * })
 */
export const sampleOrg = (
  extra: Partial<WorldDefinition> = {},
): WorldDefinition => ({
  ...BASE,
  ...extra,
  accounts: mergeKeyed(BASE.accounts, extra.accounts, (a) => a.id),
  permissionSets: mergeKeyed(
    BASE.permissionSets,
    extra.permissionSets,
    (p) => p.name,
  ),
  users: mergeKeyed(BASE.users, extra.users, (u) => u.userName),
  groups: mergeKeyed(BASE.groups, extra.groups, (g) => g.name),
  assignments: concat(BASE.assignments, extra.assignments),
  provisioned: concat(BASE.provisioned, extra.provisioned),
  creationRequests: concat(BASE.creationRequests, extra.creationRequests),
  asyncFailures: concat(BASE.asyncFailures, extra.asyncFailures),
  events: concat(BASE.events, extra.events),
  snsTopics: concat(BASE.snsTopics, extra.snsTopics),
});
