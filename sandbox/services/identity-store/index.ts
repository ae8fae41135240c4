import { ServiceError } from '../../protocols/service-error';
import {
  accessDeniedFor,
  identityCenterInternalError,
  requestValidationError,
  unknownOperation,
} from '../common-errors';
import type { ServiceDefinition } from '../service';
import { identityStoreOperations } from './operations';

/** Identity Store (`AWSIdentityStore`, AWS JSON 1.1). */
export const identityStore: ServiceDefinition = {
  name: 'identitystore',
  identityCenter: true,
  operations: identityStoreOperations,
  errors: {
    validation: requestValidationError,
    throttling: () =>
      new ServiceError('ThrottlingException', 'Rate exceeded', { status: 429 }),
    conflict: () =>
      new ServiceError(
        'ConflictException',
        'There is a conflicting operation in process.',
        { status: 409 },
      ),
    internal: identityCenterInternalError,
    accessDenied: accessDeniedFor('identitystore'),
    unknownOperation,
  },
};
