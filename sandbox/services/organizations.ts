import { pager } from '../protocols/pagination';
import { ServiceError } from '../protocols/service-error';
import { type Spec, struct, type Violation } from '../protocols/validation';
import type { AccountRecord, WorldState } from '../world/state';
import type { AccountState } from '../world/types';
import { accessDeniedFor, unknownOperation } from './common-errors';
import type { ServiceDefinition } from './service';

const ACCOUNT_ID: Spec = { kind: 'string', max: 12, pattern: '^\\d{12}$' };

const NEXT_TOKEN: Spec = { kind: 'string', max: 100000, pattern: '[\\s\\S]*' };

const REASONS: Readonly<Record<Violation['constraint'], [string, string]>> = {
  required: [
    'INPUT_REQUIRED',
    'You must specify a value for a required parameter.',
  ],
  type: ['INVALID_ENUM', 'You specified an invalid value.'],
  enum: ['INVALID_ENUM', 'You specified an invalid value.'],
  pattern: [
    'INVALID_PATTERN',
    'You provided a value that does not match the required pattern.',
  ],
  minLength: [
    'MIN_LENGTH_EXCEEDED',
    'You provided a string parameter that is shorter than allowed.',
  ],
  maxLength: [
    'MAX_LENGTH_EXCEEDED',
    'You provided a string parameter that is longer than allowed.',
  ],
  minValue: [
    'MIN_VALUE_EXCEEDED',
    'You provided a value that is less than the minimum allowed value.',
  ],
  maxValue: [
    'MAX_VALUE_EXCEEDED',
    'You provided a value that exceeds the maximum allowed value.',
  ],
};

/**
 * Organizations words bad input as `InvalidInputException` with a
 * `Reason`, one problem at a time; the messages restate the documented
 * meaning of each reason.
 */
const invalidInput = (violations: readonly Violation[]): ServiceError => {
  const first = violations[0];
  const [reason, message] = REASONS[first?.constraint ?? 'type'];

  return new ServiceError('InvalidInputException', message, {
    fields: { Reason: reason },
  });
};

/**
 * `Status` is the field Organizations retires in favour of `State`; it has
 * no PENDING_ACTIVATION or CLOSED, so those map to the nearest old value.
 */
const LEGACY_STATUS: Readonly<Record<AccountState, string>> = {
  PENDING_ACTIVATION: 'ACTIVE',
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  PENDING_CLOSURE: 'PENDING_CLOSURE',
  CLOSED: 'SUSPENDED',
};

/** ARNs of the organization's resources live in the management account. */
const arnOf = (state: WorldState, resource: string): string =>
  `arn:aws:organizations::${state.managementAccountId}:${resource}`;

const accountArn = (state: WorldState, accountId: string): string =>
  arnOf(state, `account/${state.organizationId}/${accountId}`);

const accountShape = (state: WorldState, account: AccountRecord) => ({
  Id: account.id,
  Arn: accountArn(state, account.id),
  Email: account.email,
  Name: account.name,
  Status: LEGACY_STATUS[account.state],
  State: account.state,
  JoinedMethod:
    account.id === state.managementAccountId ? 'CREATED' : 'INVITED',
  JoinedTimestamp: account.joinedEpochMs / 1000,
});

const pageOf = pager(
  20,
  () =>
    new ServiceError(
      'InvalidInputException',
      'You specified an invalid value for nextToken.',
      { fields: { Reason: 'INVALID_NEXT_TOKEN' } },
    ),
);

/** Organizations (`AWSOrganizationsV20161128`, AWS JSON 1.1). */
export const organizations: ServiceDefinition = {
  name: 'organizations',
  identityCenter: false,
  operations: {
    DescribeAccount: {
      input: struct({ AccountId: ACCOUNT_ID }, ['AccountId']),
      handler: (input, context) => {
        const state = context.world.state;
        const account = state.accounts.get(input.AccountId as string);
        if (!account) {
          throw new ServiceError(
            'AccountNotFoundException',
            "You specified an account that doesn't exist.",
            { status: 404 },
          );
        }

        return { Account: accountShape(state, account) };
      },
    },

    ListAccounts: {
      input: struct({
        NextToken: NEXT_TOKEN,
        MaxResults: { kind: 'integer', min: 1, max: 20 },
      }),
      handler: (input, context) => {
        const state = context.world.state;
        const accounts = [...state.accounts.values()];
        const page = pageOf(context, 'ListAccounts', accounts, input);

        return {
          Accounts: page.items.map((a) => accountShape(state, a)),
          NextToken: page.nextToken,
        };
      },
    },

    DescribeOrganization: {
      handler: (_input, context) => {
        const state = context.world.state;
        const management = state.accounts.get(state.managementAccountId);

        return {
          Organization: {
            Id: state.organizationId,
            Arn: arnOf(state, `organization/${state.organizationId}`),
            FeatureSet: 'ALL',
            MasterAccountArn: accountArn(state, state.managementAccountId),
            MasterAccountId: state.managementAccountId,
            MasterAccountEmail: management?.email,
            AvailablePolicyTypes: [],
          },
        };
      },
    },
  },
  errors: {
    validation: invalidInput,
    throttling: () =>
      new ServiceError(
        'TooManyRequestsException',
        'You have sent too many requests in too short a period of time. ' +
          'The quota helps protect against denial-of-service attacks. ' +
          'Try again later.',
      ),
    conflict: () =>
      new ServiceError(
        'ConcurrentModificationException',
        'The target of the operation is currently being modified by a ' +
          'different request. Try again later.',
        { status: 409 },
      ),
    internal: () =>
      new ServiceError(
        'ServiceException',
        "AWS Organizations can't complete your request because of an " +
          'internal service error. Try again later.',
        { status: 500 },
      ),
    accessDenied: accessDeniedFor('organizations'),
    unknownOperation,
  },
};
