import { UnexpectedResponseError } from './errors';
import type { AsyncStatus, StatusEvidence } from './types';

/** The shape every SSO Admin `*Status` object shares. */
interface AwsStatus {
  readonly Status?: string;
  readonly RequestId?: string;
  readonly FailureReason?: string;
  readonly CreatedDate?: Date;
}

const STATUSES: ReadonlySet<string> = new Set([
  'IN_PROGRESS',
  'SUCCEEDED',
  'FAILED',
]);

/**
 * Reads an SSO Admin status object.
 *
 * @throws UnexpectedResponseError when AWS sent no status, or one that
 *   the API does not define.
 */
export const toStatusEvidence = (
  status: AwsStatus | undefined,
  requestId?: string,
): StatusEvidence => {
  const id = status?.RequestId ?? requestId;
  if (id === undefined || !STATUSES.has(status?.Status ?? '')) {
    throw new UnexpectedResponseError(
      'Expected a status with a request id and IN_PROGRESS, SUCCEEDED or ' +
        `FAILED, received ${JSON.stringify(status ?? null)}.`,
    );
  }

  return {
    requestId: id,
    status: status?.Status as AsyncStatus,
    ...(status?.FailureReason ? { failureReason: status.FailureReason } : {}),
    ...(status?.CreatedDate
      ? { createdDate: new Date(status.CreatedDate).toISOString() }
      : {}),
  };
};
