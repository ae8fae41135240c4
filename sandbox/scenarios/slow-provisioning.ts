import { sampleOrg } from '../world/sample-org';
import type { Scenario } from './types';

const REQUEST_ID = '1e1c3d43-7d30-4290-ae9a-0bc8805999c7';

/**
 * The creation takes four and a half minutes: still in progress at the
 * first check (after 3), done by the second or third. Waiting it out is
 * the whole fix, so nothing is written and nobody is told.
 */
export const slowProvisioning: Scenario = {
  name: 'slow-provisioning',
  title: 'alice gets ReadOnlyAccess to prod; it takes 4.5 minutes',
  symptom: 'Account appears only after 5+ minutes.',
  world: sampleOrg({
    timing: { assignmentCreationSeconds: 270 },
    creationRequests: [
      {
        account: 'prod',
        permissionSet: 'ReadOnlyAccess',
        user: 'alice',
        requestId: REQUEST_ID,
      },
    ],
  }),
  trigger: { kind: 'EVENT', creationRequestId: REQUEST_ID },
  expect: {
    outcome: 'HEALTHY',
    cause: 'NONE',
    writes: 0,
    states: ['Wait before checking again', 'Healthy'],
  },
};
