import {
  findScenario,
  SCENARIOS,
  UnknownScenarioError,
} from '../../../sandbox/scenarios/index';
import { offlineWorld, triggerInput } from '../../../sandbox/scenarios/trigger';

describe('SCENARIOS', () => {
  it('names each scenario once, in kebab case', () => {
    // Act
    const names = SCENARIOS.map((scenario) => scenario.name);

    // Assess
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });
});

describe('triggerInput', () => {
  it.each(
    SCENARIOS.filter((scenario) => scenario.trigger.kind === 'EVENT').map(
      (scenario) => ({ case: scenario.name, scenario }),
    ),
  )('builds the event of $case from its creation request', ({ scenario }) => {
    // Prepare
    const world = offlineWorld(scenario);
    const requestId =
      scenario.trigger.kind === 'EVENT'
        ? scenario.trigger.creationRequestId
        : '';
    const request = world.request(requestId);

    // Act
    const event = triggerInput(scenario, world);

    // Assess
    expect(event).toMatchObject({
      source: 'aws.sso',
      'detail-type': 'AWS API Call via CloudTrail',
      detail: {
        eventName: 'CreateAccountAssignment',
        requestParameters: {
          instanceArn: world.instanceArn,
          targetId: request?.accountId,
          targetType: 'AWS_ACCOUNT',
          permissionSetArn: request?.permissionSetArn,
          principalType: request?.principalType,
          principalId: request?.principalId,
        },
        responseElements: {
          accountAssignmentCreationStatus: { status: 'IN_PROGRESS', requestId },
        },
      },
    });
  });

  it.each(
    SCENARIOS.filter((scenario) => scenario.trigger.kind === 'MANUAL').map(
      (scenario) => ({ case: scenario.name, scenario }),
    ),
  )('builds the manual input of $case with ids', ({ scenario }) => {
    // Prepare
    const world = offlineWorld(scenario);
    const trigger = scenario.trigger as Extract<
      typeof scenario.trigger,
      { kind: 'MANUAL' }
    >;

    // Act
    const input = triggerInput(scenario, world);

    // Assess
    expect(input).toEqual({
      accountId: world.accountId(trigger.account),
      permissionSetArn: world.permissionSetArn(trigger.permissionSet),
      ...(trigger.principal
        ? {
            principalType: 'user' in trigger.principal ? 'USER' : 'GROUP',
            principalId: world.principalId(trigger.principal),
          }
        : {}),
    });
  });

  it('throws when the event names no creation request of the world', () => {
    // Prepare
    const scenario = SCENARIOS[0];
    if (!scenario) {
      throw new Error('no scenario');
    }

    // Act & Assess
    expect(() =>
      triggerInput(
        { trigger: { kind: 'EVENT', creationRequestId: 'unknown-id' } },
        offlineWorld(scenario),
      ),
    ).toThrow(
      'Expected a CreateAccountAssignment request unknown-id in the world, received none; declare it in creationRequests with this requestId.',
    );
  });
});

describe('findScenario', () => {
  it('returns the scenario with the name', () => {
    // Act
    const scenario = findScenario('account-suspended');

    // Assess
    expect(scenario.expect.cause).toBe('ACCOUNT_SUSPENDED');
  });

  it('throws naming every scenario for an unknown name', () => {
    // Act & Assess
    expect(() => findScenario('nope')).toThrow(UnknownScenarioError);
    expect(() => findScenario('nope')).toThrow(
      /^Unknown scenario 'nope'; expected one of: healthy, slow-provisioning, .*, dry-run\.$/,
    );
  });
});
