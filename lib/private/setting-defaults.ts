import type { HealerConfig } from '../config';

/** Log levels that Powertools understands. */
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'] as const;

/** The defaults, as documented on {@link HealerProps}. */
export const HEALER_DEFAULTS = {
  propagationWaitSeconds: 180,
  recheckWaitSeconds: 60,
  pendingRechecks: 3,
  provisioningPollSeconds: 10,
  provisioningPollLimit: 30,
  reprovisionAttempts: 2,
  dryRun: false,
  notifyOnHealthy: false,
  alertEmails: [],
  excludedAccountIds: [],
  logLevel: 'INFO',
  healManagementAccount: false,
} as const satisfies Partial<HealerConfig>;

/** Bounds of the integer settings. */
export const INTEGER_RANGES = {
  propagationWaitSeconds: { min: 0, max: 3600 },
  recheckWaitSeconds: { min: 1, max: 3600 },
  pendingRechecks: { min: 0, max: 20 },
  provisioningPollSeconds: { min: 1, max: 300 },
  provisioningPollLimit: { min: 1, max: 360 },
  reprovisionAttempts: { min: 0, max: 5 },
} as const;
