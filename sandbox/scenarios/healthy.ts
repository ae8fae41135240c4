import { sampleOrg } from '../world/sample-org';
import type { Scenario } from './types';

const REQUEST_ID = '6c8a9667-c850-42cc-b7d0-a0edf51eb497';

/** The baseline: the assignment works, so nobody is told. */
export const healthy: Scenario = {
  name: 'healthy',
  title: 'carol gets ReadOnlyAccess to prod; it works',
  symptom: 'None: the account appears in the access portal.',
  world: sampleOrg({
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
  expect: { outcome: 'HEALTHY', cause: 'NONE', writes: 0, states: ['Healthy'] },
};
