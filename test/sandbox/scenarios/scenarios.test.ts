import { matchesEventPattern } from '../../../sandbox/event-pattern';
import { healerCache } from '../../../sandbox/scenarios/healer';
import { healthy } from '../../../sandbox/scenarios/healthy';
import { SCENARIOS, type Scenario } from '../../../sandbox/scenarios/index';
import {
  runScenario,
  type ScenarioRun,
} from '../../../sandbox/scenarios/run-scenario';
import { offlineWorld, triggerInput } from '../../../sandbox/scenarios/trigger';
import type { PublishedMessage } from '../../../sandbox/server/index';

// Each distinct configuration is synthesized once for the whole file, and
// each scenario runs once: the tests of a scenario read the same run.
const healerFor = healerCache();

const runs = new Map<string, Promise<ScenarioRun>>();

const runOf = (scenario: Scenario): Promise<ScenarioRun> => {
  const run =
    runs.get(scenario.name) ??
    runScenario(scenario, { healer: healerFor(scenario.config) });
  runs.set(scenario.name, run);

  return run;
};

const ALLOWED_WRITES = ['ProvisionPermissionSet', 'CreateAccountAssignment'];

const protocolsOf = (message: PublishedMessage) =>
  JSON.parse(message.message) as Record<string, unknown>;

const targetAccountOf = (run: ScenarioRun): string | undefined =>
  run.state?.request?.accountId;

describe('scenarios', () => {
  it.each(SCENARIOS.map((scenario) => ({ case: scenario.name, scenario })))(
    'ends $case with the declared outcome and cause',
    async ({ scenario }) => {
      // Act
      const run = await runOf(scenario);

      // Assess
      expect(run.mismatches).toEqual([]);
      expect(run.ruleMatched).toBe(
        scenario.trigger.kind === 'EVENT' ? true : undefined,
      );
      expect({ outcome: run.outcome, cause: run.cause }).toEqual({
        outcome: scenario.expect.outcome,
        cause: scenario.expect.cause,
      });
      expect(run.workflow?.endState).toBe(
        {
          HEALTHY: 'Healthy',
          HEALED: 'Healed',
          NEEDS_ATTENTION: 'Needs attention',
          INVALID_REQUEST: 'Invalid request',
          WORKFLOW_ERROR: 'Workflow error',
        }[scenario.expect.outcome],
      );
    },
  );

  it.each(SCENARIOS.map((scenario) => ({ case: scenario.name, scenario })))(
    'makes only the declared writes to one account in $case',
    async ({ scenario }) => {
      // Act
      const run = await runOf(scenario);

      // Assess
      expect(run.writes).toHaveLength(scenario.expect.writes);
      for (const write of run.writes) {
        expect(ALLOWED_WRITES).toContain(write.operation);
        expect(write.input.TargetId).toBe(targetAccountOf(run));
      }
      expect(
        run.state?.actions.filter((action) => !action.dryRun),
      ).toHaveLength(scenario.expect.writes);
    },
  );

  it.each(SCENARIOS.map((scenario) => ({ case: scenario.name, scenario })))(
    'publishes the report of $case as on-call reads it',
    async ({ scenario }) => {
      // Prepare
      const { outcome, cause } = scenario.expect;
      const silent = outcome === 'HEALTHY' && !scenario.config?.notifyOnHealthy;

      // Act
      const run = await runOf(scenario);

      // Assess
      expect(run.messages).toHaveLength(silent ? 0 : 1);
      expect(run.state?.report?.published).toBe(!silent);
      for (const message of run.messages) {
        expect(message.messageStructure).toBe('json');
        expect(message.subject).toContain(`[${outcome}] ${cause}: `);
        const protocols = protocolsOf(message);
        expect(protocols).toEqual({
          default: expect.any(String),
          email: expect.stringContaining(`Cause:   ${cause}`),
          https: expect.any(String),
        });
        expect(JSON.parse(String(protocols.https))).toMatchObject({
          version: '1.0',
          source: 'custom',
        });
      }
    },
  );

  it('publishes a healthy result when notify-on-healthy is on', async () => {
    // Prepare
    const healer = healerFor({ notifyOnHealthy: true });

    // Act
    const run = await runScenario(healthy, { healer });

    // Assess
    expect(run.outcome).toBe('HEALTHY');
    expect(run.messages).toHaveLength(1);
    expect(run.messages[0]?.subject).toMatch(/^\[HEALTHY\] NONE: prod /);
    expect(run.writes).toHaveLength(0);
  });
});

describe('scenario triggers', () => {
  const eventScenarios = SCENARIOS.filter(
    (scenario) => scenario.trigger.kind === 'EVENT',
  );

  it.each(
    eventScenarios.map((scenario) => ({ case: scenario.name, scenario })),
  )('matches the event of $case with the synthesized rule', ({ scenario }) => {
    // Prepare
    const { rulePattern } = healerFor(scenario.config);

    // Act
    const event = triggerInput(scenario, offlineWorld(scenario));

    // Assess
    expect(matchesEventPattern(rulePattern, event)).toBe(true);
  });

  it('leaves out the event when the healer role made the call', () => {
    // Prepare
    const { rulePattern, reprovisionRoleArn } = healerFor();
    const event = triggerInput(healthy, offlineWorld(healthy)) as {
      detail: {
        userIdentity: { sessionContext: { sessionIssuer: { arn: string } } };
      };
    };
    event.detail.userIdentity.sessionContext.sessionIssuer.arn =
      reprovisionRoleArn;

    // Act
    const matched = matchesEventPattern(rulePattern, event);

    // Assess
    expect(matched).toBe(false);
  });
});
