import { sampleOrg } from '../world/sample-org';
import type { Scenario } from './types';

const REQUEST_ID = '80697731-53a7-45a0-affe-7df870b3b23e';

/**
 * DataEngineer references the customer managed policy DataLakeAccess,
 * which exists in dev only. Assigning it in prod fails, and so does the
 * healer's re-provisioning: someone must create the policy in prod.
 */
export const customerManagedPolicyMissing: Scenario = {
  name: 'customer-managed-policy-missing',
  title: 'data-engineers get DataEngineer on prod; prod lacks its policy',
  symptom:
    'Provisioning fails with "Received a 404 status error: Not supported policy".',
  world: sampleOrg({
    creationRequests: [
      {
        account: 'prod',
        permissionSet: 'DataEngineer',
        group: 'data-engineers',
        requestId: REQUEST_ID,
      },
    ],
  }),
  trigger: { kind: 'EVENT', creationRequestId: REQUEST_ID },
  expect: {
    outcome: 'NEEDS_ATTENTION',
    cause: 'CUSTOMER_MANAGED_POLICY_MISSING',
    writes: 1,
    states: ['Re-provision permission set', 'Validate policies'],
  },
};
