import { SimulatedClock } from '../world/clock';
import { World } from '../world/world';
import { type CloudTrailEvent, creationEvent } from './cloudtrail-event';
import type { Scenario, ScenarioTrigger } from './types';

/** The console input of a manual check, with the world's ids. */
export interface ManualInput {
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType?: 'USER' | 'GROUP';
  readonly principalId?: string;
}

const manualInput = (
  world: World,
  trigger: Extract<ScenarioTrigger, { kind: 'MANUAL' }>,
): ManualInput => {
  const { principal } = trigger;

  return {
    accountId: world.accountId(trigger.account),
    permissionSetArn: world.permissionSetArn(trigger.permissionSet),
    ...(principal
      ? {
          principalType: 'user' in principal ? 'USER' : 'GROUP',
          principalId: world.principalId(principal),
        }
      : {}),
  };
};

/** The execution input of a scenario, built from its world. */
export const triggerInput = (
  scenario: Pick<Scenario, 'trigger'>,
  world: World,
): CloudTrailEvent | ManualInput =>
  scenario.trigger.kind === 'EVENT'
    ? creationEvent(world, scenario.trigger.creationRequestId)
    : manualInput(world, scenario.trigger);

/**
 * The scenario's world without a server, at time 0: enough to build its
 * trigger, for a test of the rule or for printing ids.
 */
export const offlineWorld = (scenario: Pick<Scenario, 'world'>): World =>
  new World(scenario.world, new SimulatedClock());
