import { sampleOrg } from '../world/sample-org';
import type { Scenario } from './types';

const REQUEST_ID = '495cc179-eb5c-40a2-946d-31b2113dff96';

const NEW_ACCOUNT = '222233334444';

/**
 * A pipeline assigns the platform team to an account that Organizations
 * is still activating. The creation fails at once (the account is not
 * active), so waiting alone cannot fix it: the healer waits until the
 * account is active, then provisions and makes the assignment again.
 */
export const newAccountActivates: Scenario = {
  name: 'new-account-activates',
  title: 'platform-admins get AdministratorAccess to a new account',
  symptom: '"Obtaining permissions … takes longer than usual" (not active).',
  world: sampleOrg({
    accounts: [
      {
        id: NEW_ACCOUNT,
        name: 'analytics',
        state: 'PENDING_ACTIVATION',
        activatesAfterSeconds: 270,
      },
    ],
    creationRequests: [
      {
        account: 'analytics',
        permissionSet: 'AdministratorAccess',
        group: 'platform-admins',
        requestId: REQUEST_ID,
      },
    ],
  }),
  trigger: { kind: 'EVENT', creationRequestId: REQUEST_ID },
  expect: {
    outcome: 'HEALED',
    cause: 'ASSIGNMENT_CREATION_FAILED',
    writes: 2,
    states: ['Wait before checking again', 'Re-create assignment', 'Healed'],
  },
};
