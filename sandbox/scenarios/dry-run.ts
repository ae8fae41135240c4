import { sampleOrg } from '../world/sample-org';
import type { Scenario } from './types';

const REQUEST_ID = '85baa7fb-adb4-4129-a31d-f04dd3626d42';

/**
 * The transient failure again, deployed with `dryRun`: the healer writes
 * nothing, and the report says what it would have done.
 */
export const dryRun: Scenario = {
  name: 'dry-run',
  title: 'bob gets ReadOnlyAccess to dev; AWS fails it; dry run',
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
  config: { dryRun: true },
  expect: {
    outcome: 'NEEDS_ATTENTION',
    cause: 'TRANSIENT_SERVICE_ERROR',
    writes: 0,
    states: ['Re-provision permission set', 'Validate policies'],
  },
};
