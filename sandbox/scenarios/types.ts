import type { CauseCode, Outcome } from '../../lambdas/core/types';
import type { HealerProps } from '../../lib/config';
import type { PrincipalRef, WorldDefinition } from '../world/types';

/**
 * What starts a scenario's execution, as it would start in AWS.
 *
 * `EVENT`: the EventBridge event of a `CreateAccountAssignment` call made
 * at time 0; the call is the world's creation request with this id (see
 * `WorldDefinition.creationRequests`), and the event is built from it.
 *
 * `MANUAL`: the input an engineer types in the Step Functions console,
 * with names that the world turns into ids.
 */
export type ScenarioTrigger =
  | { readonly kind: 'EVENT'; readonly creationRequestId: string }
  | {
      readonly kind: 'MANUAL';
      /** Account name or id. */
      readonly account: string;
      /** Permission set name. */
      readonly permissionSet: string;
      /** @default no principal: the permission set in the account only */
      readonly principal?: PrincipalRef;
    };

/** The configuration a scenario deploys with, beyond the defaults. */
export type ScenarioConfig = Partial<Omit<HealerProps, 'instanceArn'>>;

/** What the scenario must end in; any difference fails it. */
export interface ScenarioExpectation {
  readonly outcome: Outcome;
  readonly cause: CauseCode;
  /** `ProvisionPermissionSet` and `CreateAccountAssignment` calls made. */
  readonly writes: number;
  /** States the execution must enter, in any order. @default none */
  readonly states?: readonly string[];
  /** Issue codes that "Validate policies" must find. @default none */
  readonly findings?: readonly string[];
}

/** One story the sandbox can tell end to end. */
export interface Scenario {
  /** Kebab-case; `npm start -- <name>` runs it alone. */
  readonly name: string;
  /** One line: what happens. */
  readonly title: string;
  /** What the user sees, in the words of the symptoms table. */
  readonly symptom: string;
  readonly world: WorldDefinition;
  readonly trigger: ScenarioTrigger;
  /** @default the stack's defaults */
  readonly config?: ScenarioConfig;
  readonly expect: ScenarioExpectation;
}
