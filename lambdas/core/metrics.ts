import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from './logger';
import { METRICS, SETTING_NAMES } from './settings';
import type { CauseCode, Outcome } from './types';

/**
 * Emits the report count in Embedded Metric Format, once per invocation,
 * with two dimension sets: `[service, Outcome]` and
 * `[service, Outcome, Cause]`.
 *
 * The outcome is a default dimension of a fresh `Metrics` for this one
 * metric, and the two sets are `{}` and `{ Cause }` on top of it. Adding
 * `Outcome` to both sets instead gives the same output but makes
 * Powertools warn, on every invocation, that the key is defined twice.
 */
export const emitReportMetric = (outcome: Outcome, cause: CauseCode): void => {
  const metrics = new Metrics({
    namespace: process.env[SETTING_NAMES.metricsNamespace] || METRICS.namespace,
    serviceName: METRICS.service,
    defaultDimensions: { Outcome: outcome },
    logger,
  });
  metrics.addMetric(METRICS.reports, MetricUnit.Count, 1);
  metrics.addDimensions({});
  metrics.addDimensions({ Cause: cause });
  metrics.publishStoredMetrics();
};
