import {
  type HealerDefinition,
  readHealerDefinition,
  synthesizeHealer,
} from '../definition';
import type { ScenarioConfig } from './types';

/** The synthesized healer, with the configuration it was made from. */
export interface PreparedHealer extends HealerDefinition {
  readonly config: ScenarioConfig;
}

/** Synthesizes the stack with a scenario's configuration. */
export const prepareHealer = (config: ScenarioConfig = {}): PreparedHealer => ({
  ...readHealerDefinition(synthesizeHealer(config)),
  config,
});

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
