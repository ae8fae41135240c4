import { provisioningFailedTransiently } from './provisioning-failed-transiently';
import type { Scenario } from './types';

/**
 * The transient failure again, deployed with `dryRun`: the healer writes
 * nothing, and the report says what it would have done.
 */
export const dryRun: Scenario = {
  ...provisioningFailedTransiently,
  name: 'dry-run',
  title: 'bob gets ReadOnlyAccess to dev; AWS fails it; dry run',
  config: { dryRun: true },
  expect: {
    outcome: 'NEEDS_ATTENTION',
    cause: 'TRANSIENT_SERVICE_ERROR',
    writes: 0,
    states: ['Re-provision permission set', 'Validate policies'],
  },
};
