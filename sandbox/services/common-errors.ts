import { ServiceError } from '../protocols/service-error';
import type { Violation } from '../protocols/validation';
import { validationMessage } from '../protocols/validation-messages';

/** The caller every access-denied message names. */
export const CALLER_ARN =
  'arn:aws:sts::111122223333:assumed-role/AssignmentHealer/sandbox';

/**
 * `AccessDeniedException` for an operation, named as the IAM action of a
 * service prefix (`sso:ListInstances`), as IAM words the refusal.
 */
export const accessDeniedFor =
  (servicePrefix: string) =>
  (operation: string): ServiceError =>
    new ServiceError(
      'AccessDeniedException',
      `User: ${CALLER_ARN} is not authorized to perform: ` +
        `${servicePrefix}:${operation}`,
      { status: 403 },
    );

/** The internal error of SSO Admin and Identity Store, worded alike. */
export const identityCenterInternalError = (): ServiceError =>
  new ServiceError(
    'InternalServerException',
    'The request processing has failed because of an unknown error, ' +
      'exception or failure.',
    { status: 500 },
  );

/**
 * A wrong JSON type is refused before validation, as a
 * `SerializationException`; everything else is AWS's `ValidationException`
 * with the standard "N validation errors detected" message.
 */
export const requestValidationError = (
  violations: readonly Violation[],
): ServiceError => {
  const wrongType = violations.find((v) => v.constraint === 'type');
  if (wrongType) {
    return new ServiceError(
      'SerializationException',
      `Unexpected JSON type for member '${wrongType.path}': ` +
        `expected ${wrongType.limit}`,
    );
  }

  return new ServiceError('ValidationException', validationMessage(violations));
};

export const unknownOperation = (operation: string): ServiceError =>
  new ServiceError(
    'UnknownOperationException',
    `Unknown operation ${operation}`,
  );
