import { SETTING_NAMES } from '../../lambdas/core/settings';
import {
  type HealerDefinition,
  readHealerDefinition,
  resolveReferences,
  type SynthesizedTemplate,
  synthesizeHealer,
} from '../definition';
import type { ScenarioConfig } from './types';

/**
 * The deployed healer, as far as a local run needs it: the workflow and
 * rule from the synthesized stack, and the environment the stack gives
 * its functions.
 */
export interface PreparedHealer extends HealerDefinition {
  readonly config: ScenarioConfig;
  /**
   * The functions' environment variables as synthesized, with placeholder
   * ARNs; the runner points the topic and instance at the sandbox.
   */
  readonly environment: Readonly<Record<string, string>>;
}

// Set per function or by the runner itself, not shared settings.
const LOCAL_OVERRIDES = new Set([
  SETTING_NAMES.step,
  'NODE_OPTIONS',
  'POWERTOOLS_LOG_LEVEL',
]);

const functionEnvironment = (
  template: SynthesizedTemplate,
): Record<string, string> => {
  const report = Object.values(template.Resources ?? {}).find((resource) => {
    const environment = resource.Properties?.Environment as
      | { Variables?: Record<string, unknown> }
      | undefined;

    return (
      resource.Type === 'AWS::Lambda::Function' &&
      environment?.Variables?.[SETTING_NAMES.step] === 'report'
    );
  });
  const variables = resolveReferences(
    (report?.Properties?.Environment as { Variables?: unknown } | undefined)
      ?.Variables ?? {},
    template,
  ) as Record<string, unknown>;

  return Object.fromEntries(
    Object.entries(variables)
      .filter(([name]) => !LOCAL_OVERRIDES.has(name))
      .map(([name, value]) => [name, String(value)]),
  );
};

/** Synthesizes the stack with a scenario's configuration. */
export const prepareHealer = (config: ScenarioConfig = {}): PreparedHealer => {
  const template = synthesizeHealer(config);

  return {
    ...readHealerDefinition(template),
    config,
    environment: functionEnvironment(template),
  };
};

const keyOf = (config: ScenarioConfig): string =>
  JSON.stringify(Object.entries(config).sort(([a], [b]) => a.localeCompare(b)));

/**
 * A {@link prepareHealer} that synthesizes each distinct configuration
 * once: synthesis takes about a second, a scenario run less.
 */
export const healerCache = (): ((
  config?: ScenarioConfig,
) => PreparedHealer) => {
  const prepared = new Map<string, PreparedHealer>();

  return (config = {}) => {
    const key = keyOf(config);
    const found = prepared.get(key) ?? prepareHealer(config);
    prepared.set(key, found);

    return found;
  };
};
