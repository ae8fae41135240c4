import { sampleOrg } from '../world/sample-org';
import type { Scenario } from './types';

const REQUEST_ID = '2cc26235-79ed-4e84-947f-0e6bde79c41a';

const ASSIGNMENT = {
  account: 'prod',
  permissionSet: 'ReadOnlyAccess',
  group: 'platform-admins',
} as const;

/**
 * The assignment is made and works; two minutes later someone deletes
 * it. The healer never makes again what someone removed on purpose.
 */
export const assignmentDeleted: Scenario = {
  name: 'assignment-deleted',
  title: 'platform-admins get ReadOnlyAccess to prod; it is then deleted',
  symptom: 'Assignment disappears after appearing.',
  world: sampleOrg({
    creationRequests: [{ ...ASSIGNMENT, requestId: REQUEST_ID }],
    events: [{ atSeconds: 120, deleteAssignment: ASSIGNMENT }],
  }),
  trigger: { kind: 'EVENT', creationRequestId: REQUEST_ID },
  expect: {
    outcome: 'NEEDS_ATTENTION',
    cause: 'ASSIGNMENT_DELETED',
    writes: 0,
    states: ['Validate policies', 'Needs attention'],
  },
};
