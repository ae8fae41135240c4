import { ServiceError } from '../../protocols/service-error';
import {
  accessDeniedFor,
  identityCenterInternalError,
  requestValidationError,
  unknownOperation,
} from '../common-errors';
import type { ServiceDefinition } from '../service';
import { assignmentOperations } from './assignments';
import { conflictError } from './common';
import { permissionSetOperations } from './permission-sets';
import { provisioningOperations } from './provisioning';

/**
 * SSO Admin (`SWBExternalService`, AWS JSON 1.1). Throttling and conflicts
 * answer with HTTP 400, as observed from the real service (facts §2.5),
 * not with the 429 and 409 the model declares.
 */
export const ssoAdmin: ServiceDefinition = {
  name: 'sso-admin',
  identityCenter: true,
  operations: {
    ...permissionSetOperations,
    ...assignmentOperations,
    ...provisioningOperations,
  },
  errors: {
    validation: requestValidationError,
    throttling: () => new ServiceError('ThrottlingException', 'Rate exceeded'),
    conflict: conflictError,
    internal: identityCenterInternalError,
    accessDenied: accessDeniedFor('sso'),
    unknownOperation,
  },
};
