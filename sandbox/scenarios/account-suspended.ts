import { SAMPLE_ORG, sampleOrg } from '../world/sample-org';
import type { Scenario } from './types';

const REQUEST_ID = '42145d4d-abb4-4bb8-b949-cceda81440e1';

/**
 * prod is suspended: Identity Center cannot reach it, and no write of the
 * healer could change that, so it writes nothing and reports.
 */
export const accountSuspended: Scenario = {
  name: 'account-suspended',
  title: 'carol gets ReadOnlyAccess to prod; prod is suspended',
  symptom: '"Obtaining permissions … takes longer than usual".',
  world: sampleOrg({
    accounts: [
      { id: SAMPLE_ORG.accounts.prod, name: 'prod', state: 'SUSPENDED' },
    ],
    creationRequests: [
      {
        account: 'prod',
        permissionSet: 'ReadOnlyAccess',
        user: 'carol',
        requestId: REQUEST_ID,
      },
    ],
  }),
  trigger: { kind: 'EVENT', creationRequestId: REQUEST_ID },
  expect: {
    outcome: 'NEEDS_ATTENTION',
    cause: 'ACCOUNT_SUSPENDED',
    writes: 0,
    states: ['Validate policies', 'Needs attention'],
  },
};
