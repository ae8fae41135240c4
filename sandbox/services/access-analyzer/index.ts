import { paginate } from '../../protocols/pagination';
import { ServiceError } from '../../protocols/service-error';
import type { StructureSpec, Violation } from '../../protocols/validation';
import {
  validationMessage,
  violationText,
} from '../../protocols/validation-messages';
import { accessDeniedFor } from '../common-errors';
import type { ServiceDefinition } from '../service';
import type { PolicyType } from './policy-grammar';
import { validatePolicy } from './validate-policy';

const INPUT: StructureSpec = {
  kind: 'structure',
  required: ['policyDocument', 'policyType'],
  members: {
    locale: {
      kind: 'string',
      enum: [
        'DE',
        'EN',
        'ES',
        'FR',
        'IT',
        'JA',
        'KO',
        'PT_BR',
        'ZH_CN',
        'ZH_TW',
      ],
    },
    maxResults: { kind: 'integer' },
    nextToken: { kind: 'string' },
    policyDocument: { kind: 'string' },
    policyType: {
      kind: 'string',
      enum: [
        'IDENTITY_POLICY',
        'RESOURCE_POLICY',
        'SERVICE_CONTROL_POLICY',
        'RESOURCE_CONTROL_POLICY',
      ],
    },
  },
};

/** Access Analyzer's `ValidationException` lists each field at fault. */
const validation = (violations: readonly Violation[]): ServiceError =>
  new ServiceError('ValidationException', validationMessage(violations), {
    fields: {
      reason: 'fieldValidationFailed',
      fieldList: violations.map((v) => ({
        name: v.path,
        message: violationText(v),
      })),
    },
  });

/** IAM Access Analyzer (REST-JSON): only `ValidatePolicy`. */
export const accessAnalyzer: ServiceDefinition = {
  name: 'access-analyzer',
  identityCenter: false,
  operations: {
    ValidatePolicy: {
      input: INPUT,
      handler: async (input, context) => {
        const findings = await validatePolicy(
          input.policyDocument as string,
          input.policyType as PolicyType,
        );
        const page = paginate(findings, {
          scope: 'ValidatePolicy',
          maxResults: input.maxResults as number | undefined,
          nextToken: input.nextToken as string | undefined,
          defaultSize: 100,
          cap: context.pageSizeCap,
          invalidToken: () =>
            new ServiceError('ValidationException', 'Invalid nextToken', {
              fields: { reason: 'other' },
            }),
        });

        return { findings: page.items, nextToken: page.nextToken };
      },
    },
  },
  errors: {
    validation,
    throttling: () =>
      new ServiceError('ThrottlingException', 'Rate exceeded', { status: 429 }),
    conflict: () =>
      new ServiceError('ConflictException', 'Conflict', { status: 409 }),
    internal: () =>
      new ServiceError('InternalServerException', 'Internal server error', {
        status: 500,
      }),
    accessDenied: accessDeniedFor('access-analyzer'),
    unknownOperation: (operation) =>
      new ServiceError(
        'UnknownOperationException',
        `Unknown operation ${operation}`,
        { status: 404 },
      ),
  },
};
