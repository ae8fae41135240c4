import { toStatusEvidence } from '../../../lambdas/core/status';
import { FAILURE_REASONS, PROVISION_REQUEST_ID } from './workflow-fixtures';

describe('toStatusEvidence', () => {
  it('keeps the verbatim reason and the date as ISO 8601', () => {
    // Act
    const status = toStatusEvidence({
      Status: 'FAILED',
      RequestId: PROVISION_REQUEST_ID,
      FailureReason: FAILURE_REASONS.suspended,
      CreatedDate: new Date('2026-05-04T09:34:00.000Z'),
    });

    // Assess
    expect(status).toEqual({
      requestId: PROVISION_REQUEST_ID,
      status: 'FAILED',
      failureReason: FAILURE_REASONS.suspended,
      createdDate: '2026-05-04T09:34:00.000Z',
    });
  });

  it('takes the request id that was asked for when none came back', () => {
    // Act & Assess
    expect(
      toStatusEvidence({ Status: 'SUCCEEDED' }, PROVISION_REQUEST_ID),
    ).toEqual({ requestId: PROVISION_REQUEST_ID, status: 'SUCCEEDED' });
  });

  it.each([
    { case: 'no status object', status: undefined, requestId: undefined },
    {
      case: 'no request id',
      status: { Status: 'IN_PROGRESS' },
      requestId: undefined,
    },
    {
      case: 'an undefined status value',
      status: { Status: 'QUEUED', RequestId: PROVISION_REQUEST_ID },
      requestId: undefined,
    },
  ])('throws UnexpectedResponseError for $case', ({ status, requestId }) => {
    // Act & Assess
    expect(() => toStatusEvidence(status, requestId)).toThrow(
      expect.objectContaining({ name: 'UnexpectedResponseError' }),
    );
  });
});
