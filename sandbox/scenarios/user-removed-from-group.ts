import { sampleOrg } from '../world/sample-org';
import type { Scenario } from './types';

/**
 * platform-admins holds AdministratorAccess on dev, but the identity
 * provider's sync has just removed alice from the group. She reports that
 * dev is gone and an engineer starts a check by hand.
 */
export const userRemovedFromGroup: Scenario = {
  name: 'user-removed-from-group',
  title: 'manual check: alice lost dev when she left platform-admins',
  symptom: 'Assignment disappears after appearing (group membership).',
  world: sampleOrg({
    events: [
      {
        atSeconds: 30,
        removeMember: { group: 'platform-admins', user: 'alice' },
      },
    ],
  }),
  trigger: {
    kind: 'MANUAL',
    account: 'dev',
    permissionSet: 'AdministratorAccess',
    principal: { user: 'alice' },
  },
  expect: {
    outcome: 'NEEDS_ATTENTION',
    cause: 'GROUP_MEMBERSHIP_MISSING',
    writes: 0,
    states: ['Validate policies', 'Needs attention'],
  },
};
