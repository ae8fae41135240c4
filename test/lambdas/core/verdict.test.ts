import type { Evidence } from '../../../lambdas/core/types';
import { decideVerdict, isWaitVerdict } from '../../../lambdas/core/verdict';
import {
  ACCOUNT_ID,
  CREATION_REQUEST_ID,
  FAILURE_REASONS,
  GROUP_ID,
  OTHER_GROUP_ID,
  PERMISSION_SET_ARN,
  USER_ID,
} from './workflow-fixtures';

const CHECKED_AT = '2026-05-04T09:33:00.000Z';

/** Evidence of a healthy assignment of a user, to vary one fact at a time. */
const healthy: Evidence = {
  account: { id: ACCOUNT_ID, name: 'Production', state: 'ACTIVE' },
  permissionSet: { arn: PERMISSION_SET_ARN, name: 'DataReadOnly' },
  principal: {
    type: 'USER',
    id: USER_ID,
    exists: true,
    displayName: 'Jane Doe',
  },
  creation: { requestId: CREATION_REQUEST_ID, status: 'SUCCEEDED' },
  assignmentExists: true,
  provisioned: true,
  outdated: false,
};

describe('decideVerdict', () => {
  it.each([
    {
      case: 'the account is not in the organization',
      evidence: { ...healthy, account: { id: ACCOUNT_ID }, missing: 'ACCOUNT' },
      state: 'NOT_FOUND',
      summary: 'Account 444455556666 is not in the organization.',
    },
    {
      case: 'the permission set does not exist',
      evidence: {
        ...healthy,
        permissionSet: { arn: PERMISSION_SET_ARN },
        missing: 'PERMISSION_SET',
      },
      state: 'NOT_FOUND',
      summary:
        `Permission set ${PERMISSION_SET_ARN} does not exist in the ` +
        'Identity Center instance.',
    },
    {
      case: 'the principal does not exist',
      evidence: {
        ...healthy,
        principal: { type: 'GROUP', id: GROUP_ID, exists: false },
        missing: 'PRINCIPAL',
      },
      state: 'NOT_FOUND',
      summary: `Group ${GROUP_ID} does not exist in the identity store.`,
    },
    {
      case: 'the instance does not exist',
      evidence: { ...healthy, missing: 'INSTANCE' },
      state: 'NOT_FOUND',
      summary: expect.stringMatching(/^The Identity Center instance/),
    },
    {
      case: 'the account is suspended',
      evidence: {
        ...healthy,
        account: { id: ACCOUNT_ID, name: 'Production', state: 'SUSPENDED' },
      },
      state: 'ACCOUNT_UNAVAILABLE',
      summary:
        'Account 444455556666 (Production) is suspended, so Identity ' +
        'Center cannot grant access to it.',
    },
    {
      case: 'the account is closing',
      evidence: {
        ...healthy,
        account: { id: ACCOUNT_ID, state: 'PENDING_CLOSURE' },
      },
      state: 'ACCOUNT_UNAVAILABLE',
      summary: expect.stringMatching(/^Account 444455556666 is closing/),
    },
    {
      case: 'the account is closed',
      evidence: { ...healthy, account: { id: ACCOUNT_ID, state: 'CLOSED' } },
      state: 'ACCOUNT_UNAVAILABLE',
      summary: expect.stringMatching(/^Account 444455556666 is closed/),
    },
    {
      case: 'the account is not active yet',
      evidence: {
        ...healthy,
        account: { id: ACCOUNT_ID, state: 'PENDING_ACTIVATION' },
      },
      state: 'ACCOUNT_UNAVAILABLE',
      summary: expect.stringMatching(/is not active yet/),
    },
    {
      case: 'the creation is still in progress',
      evidence: {
        ...healthy,
        creation: { requestId: CREATION_REQUEST_ID, status: 'IN_PROGRESS' },
        assignmentExists: undefined,
      },
      state: 'PENDING',
      summary:
        `Creation of the assignment (request ${CREATION_REQUEST_ID}) is ` +
        'still in progress.',
    },
    {
      case: 'the creation failed and no assignment exists',
      evidence: {
        ...healthy,
        creation: {
          requestId: CREATION_REQUEST_ID,
          status: 'FAILED',
          failureReason: FAILURE_REASONS.policyMissing,
        },
        assignmentExists: false,
      },
      state: 'CREATION_FAILED',
      summary:
        'Creation of the assignment of user Jane Doe to account ' +
        `444455556666 (Production) failed: ${FAILURE_REASONS.policyMissing}`,
    },
    {
      case: 'the creation failed without a principal to look up',
      evidence: {
        ...healthy,
        principal: undefined,
        assignmentExists: undefined,
        creation: { requestId: CREATION_REQUEST_ID, status: 'FAILED' },
      },
      state: 'CREATION_FAILED',
      summary: expect.stringMatching(/failed: AWS gave no reason$/),
    },
    {
      case: 'the assignment was deleted after it succeeded',
      evidence: { ...healthy, assignmentExists: false },
      state: 'ASSIGNMENT_MISSING',
      summary:
        'The assignment was created, but user Jane Doe has no assignment ' +
        'to account 444455556666 (Production) with permission set ' +
        'DataReadOnly now: it was deleted after it succeeded.',
    },
    {
      case: 'the user is in none of the assigned groups',
      evidence: {
        ...healthy,
        creation: undefined,
        assignmentExists: false,
        groupAccess: { assignedGroupIds: [GROUP_ID], memberOf: [] },
      },
      state: 'ASSIGNMENT_MISSING',
      summary:
        'User Jane Doe has no assignment to account 444455556666 ' +
        '(Production) with permission set DataReadOnly, and the user is ' +
        'not in any of the 1 assigned groups.',
    },
    {
      case: 'neither the user nor any group is assigned',
      evidence: {
        ...healthy,
        creation: undefined,
        assignmentExists: false,
        groupAccess: { assignedGroupIds: [], memberOf: [] },
      },
      state: 'ASSIGNMENT_MISSING',
      summary: expect.stringMatching(/and no group has one either\.$/),
    },
    {
      case: 'a group has no assignment',
      evidence: {
        ...healthy,
        creation: undefined,
        principal: { type: 'GROUP', id: GROUP_ID, exists: true },
        assignmentExists: false,
      },
      state: 'ASSIGNMENT_MISSING',
      summary:
        `Group ${GROUP_ID} has no assignment to account 444455556666 ` +
        '(Production) with permission set DataReadOnly.',
    },
    {
      case: 'the permission set is not provisioned',
      evidence: { ...healthy, provisioned: false, outdated: undefined },
      state: 'NOT_PROVISIONED',
      summary:
        'Permission set DataReadOnly is not provisioned to account ' +
        '444455556666 (Production), so the access portal does not show it.',
    },
    {
      case: 'the permission set is outdated',
      evidence: { ...healthy, outdated: true },
      state: 'OUTDATED',
      summary:
        'Permission set DataReadOnly is provisioned to account ' +
        '444455556666 (Production), but not at its latest version.',
    },
    {
      case: 'everything is in place',
      evidence: healthy,
      state: 'HEALTHY',
      summary:
        'User Jane Doe is assigned, and permission set DataReadOnly is ' +
        'provisioned to account 444455556666 (Production) at its latest ' +
        'version.',
    },
    {
      case: 'the user has access through a group',
      evidence: {
        ...healthy,
        assignmentExists: false,
        creation: undefined,
        groupAccess: {
          assignedGroupIds: [OTHER_GROUP_ID, GROUP_ID],
          memberOf: [GROUP_ID],
        },
      },
      state: 'HEALTHY',
      summary: expect.stringMatching(
        new RegExp(`^User Jane Doe is assigned through group ${GROUP_ID},`),
      ),
    },
    {
      case: 'a check without a principal finds it current',
      evidence: { ...healthy, principal: undefined, creation: undefined },
      state: 'HEALTHY',
      summary:
        'Permission set DataReadOnly is provisioned to account ' +
        '444455556666 (Production) at its latest version.',
    },
  ] as const)('decides $state when $case', ({ evidence, state, summary }) => {
    // Act
    const verdict = decideVerdict(evidence as Evidence, CHECKED_AT);

    // Assess
    expect(verdict).toEqual({
      state,
      summary,
      evidence,
      checkedAt: CHECKED_AT,
    });
  });

  it.each([
    {
      case: 'a missing account over an unavailable one',
      evidence: {
        ...healthy,
        account: { id: ACCOUNT_ID, state: 'SUSPENDED' },
        missing: 'PERMISSION_SET',
      },
      state: 'NOT_FOUND',
    },
    {
      case: 'an unavailable account over a pending creation',
      evidence: {
        ...healthy,
        account: { id: ACCOUNT_ID, state: 'SUSPENDED' },
        creation: { requestId: CREATION_REQUEST_ID, status: 'IN_PROGRESS' },
      },
      state: 'ACCOUNT_UNAVAILABLE',
    },
    {
      case: 'a failed creation over a missing provisioning',
      evidence: {
        ...healthy,
        creation: { requestId: CREATION_REQUEST_ID, status: 'FAILED' },
        assignmentExists: false,
        provisioned: false,
      },
      state: 'CREATION_FAILED',
    },
    {
      case: 'an existing assignment over a failed creation',
      evidence: {
        ...healthy,
        creation: { requestId: CREATION_REQUEST_ID, status: 'FAILED' },
        provisioned: false,
      },
      state: 'NOT_PROVISIONED',
    },
    {
      case: 'a missing assignment over a missing provisioning',
      evidence: { ...healthy, assignmentExists: false, provisioned: false },
      state: 'ASSIGNMENT_MISSING',
    },
    {
      case: 'a missing provisioning over an outdated one',
      evidence: { ...healthy, provisioned: false, outdated: true },
      state: 'NOT_PROVISIONED',
    },
  ] as const)('puts $case', ({ evidence, state }) => {
    // Act
    const verdict = decideVerdict(evidence as Evidence, CHECKED_AT);

    // Assess
    expect(verdict.state).toBe(state);
  });
});

describe('isWaitVerdict', () => {
  it.each([
    {
      case: 'a pending creation',
      state: 'PENDING',
      account: 'ACTIVE',
      wait: true,
    },
    {
      case: 'an account not active yet',
      state: 'ACCOUNT_UNAVAILABLE',
      account: 'PENDING_ACTIVATION',
      wait: true,
    },
    {
      case: 'a suspended account',
      state: 'ACCOUNT_UNAVAILABLE',
      account: 'SUSPENDED',
      wait: false,
    },
    {
      case: 'a healthy check',
      state: 'HEALTHY',
      account: 'ACTIVE',
      wait: false,
    },
    {
      case: 'a failed creation',
      state: 'CREATION_FAILED',
      account: 'ACTIVE',
      wait: false,
    },
  ] as const)('returns $wait for $case', ({ state, account, wait }) => {
    // Act
    const result = isWaitVerdict({
      state,
      evidence: { account: { id: ACCOUNT_ID, state: account } },
    });

    // Assess
    expect(result).toBe(wait);
  });
});
