import { sampleOrg } from '../world/sample-org';
import type { Scenario } from './types';

const REQUEST_ID = '9b16201b-c7d1-4b08-b7ba-4f3377a7b25d';

/**
 * Identity Center fails the creation once with its cause-less internal
 * error. The healer provisions the permission set to the account, then
 * makes the same assignment again, and both succeed.
 */
export const provisioningFailedTransiently: Scenario = {
  name: 'provisioning-failed-transiently',
  title: 'bob gets ReadOnlyAccess to dev; AWS fails it once',
  symptom: 'Assignment created, account missing from the portal.',
  world: sampleOrg({
    asyncFailures: [{ operation: 'ASSIGNMENT_CREATION', times: 1 }],
    creationRequests: [
      {
        account: 'dev',
        permissionSet: 'ReadOnlyAccess',
        user: 'bob',
        requestId: REQUEST_ID,
      },
    ],
  }),
  trigger: { kind: 'EVENT', creationRequestId: REQUEST_ID },
  expect: {
    outcome: 'HEALED',
    cause: 'ASSIGNMENT_CREATION_FAILED',
    writes: 2,
    states: ['Re-provision permission set', 'Re-create assignment', 'Healed'],
  },
};
