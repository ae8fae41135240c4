import { accountSuspended } from './account-suspended';
import { assignmentDeleted } from './assignment-deleted';
import { brokenInlinePolicy } from './broken-inline-policy';
import { customerManagedPolicyMissing } from './customer-managed-policy-missing';
import { dryRun } from './dry-run';
import { healthy } from './healthy';
import { newAccountActivates } from './new-account-activates';
import { permissionSetEdited } from './permission-set-edited';
import { provisioningFailedTransiently } from './provisioning-failed-transiently';
import { slowProvisioning } from './slow-provisioning';
import type { Scenario } from './types';
import { userRemovedFromGroup } from './user-removed-from-group';

export type {
  Scenario,
  ScenarioConfig,
  ScenarioExpectation,
  ScenarioTrigger,
} from './types';

/** Every scenario, in the order `npm start` runs them. */
export const SCENARIOS: readonly Scenario[] = [
  healthy,
  slowProvisioning,
  provisioningFailedTransiently,
  permissionSetEdited,
  brokenInlinePolicy,
  customerManagedPolicyMissing,
  accountSuspended,
  newAccountActivates,
  assignmentDeleted,
  userRemovedFromGroup,
  dryRun,
];

/** Thrown for a scenario name that no scenario has. */
export class UnknownScenarioError extends Error {
  public readonly names: readonly string[];

  public constructor(name: string, names: readonly string[]) {
    super(`Unknown scenario '${name}'; expected one of: ${names.join(', ')}.`);
    this.name = 'UnknownScenarioError';
    this.names = names;
  }
}

/** The scenario with this name. @throws UnknownScenarioError */
export const findScenario = (name: string): Scenario => {
  const found = SCENARIOS.find((scenario) => scenario.name === name);
  if (!found) {
    throw new UnknownScenarioError(
      name,
      SCENARIOS.map((scenario) => scenario.name),
    );
  }

  return found;
};
