import { logger } from '../../../lambdas/core/logger';
import { emitReportMetric } from '../../../lambdas/core/metrics';
import { emfWrittenBy } from '../report/emf';

describe('emitReportMetric', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('counts one report by outcome and by outcome and cause', async () => {
    // Prepare
    const warn = jest.spyOn(logger, 'warn');

    // Act
    const documents = await emfWrittenBy(() =>
      emitReportMetric('NEEDS_ATTENTION', 'IAM_ROLE_QUOTA'),
    );

    // Assess
    expect(documents).toEqual([
      {
        _aws: {
          Timestamp: expect.any(Number),
          CloudWatchMetrics: [
            {
              Namespace: 'AssignmentHealer',
              Dimensions: [
                ['service', 'Outcome'],
                ['service', 'Outcome', 'Cause'],
              ],
              Metrics: [{ Name: 'Reports', Unit: 'Count' }],
            },
          ],
        },
        service: 'assignment-healer',
        Outcome: 'NEEDS_ATTENTION',
        Cause: 'IAM_ROLE_QUOTA',
        Reports: 1,
      },
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('takes the namespace from the environment when set', async () => {
    // Prepare
    process.env.POWERTOOLS_METRICS_NAMESPACE = 'Custom';

    // Act
    const documents = await emfWrittenBy(() =>
      emitReportMetric('HEALTHY', 'NONE'),
    );
    delete process.env.POWERTOOLS_METRICS_NAMESPACE;

    // Assess
    expect(documents[0]).toEqual(
      expect.objectContaining({
        _aws: expect.objectContaining({
          CloudWatchMetrics: [expect.objectContaining({ Namespace: 'Custom' })],
        }),
      }),
    );
  });
});
