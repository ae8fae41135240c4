import {
  AccountNotFoundException,
  DescribeAccountCommand,
  DescribeOrganizationCommand,
  InvalidInputException,
  OrganizationsClient,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import {
  SAMPLE_ORG,
  type Sandbox,
  sampleOrg,
} from '../../sandbox/server/index';
import { clientConfig, retryingConfig, useSandbox } from './support';

const world = sampleOrg({
  accounts: [
    { id: '222233334444', name: 'closing', state: 'PENDING_CLOSURE' },
    { id: '555566667777', name: 'closed', state: 'CLOSED' },
  ],
});

describe('sandbox Organizations', () => {
  let sandbox: Sandbox;
  let client: OrganizationsClient;

  useSandbox({ world }, (started) => {
    sandbox = started;
    client = new OrganizationsClient(clientConfig(started));

    return client;
  });

  it.each([
    {
      case: 'active',
      id: SAMPLE_ORG.accounts.dev,
      state: 'ACTIVE',
      status: 'ACTIVE',
    },
    {
      case: 'closing',
      id: '222233334444',
      state: 'PENDING_CLOSURE',
      status: 'PENDING_CLOSURE',
    },
    {
      case: 'closed',
      id: '555566667777',
      state: 'CLOSED',
      status: 'SUSPENDED',
    },
  ])(
    'describes a $case account with State and Status',
    async ({ id, state, status }) => {
      // Act
      const { Account } = await client.send(
        new DescribeAccountCommand({ AccountId: id }),
      );

      // Assess
      expect(Account).toMatchObject({ Id: id, State: state, Status: status });
      expect(Account?.Arn).toMatch(
        new RegExp(
          `^arn:aws:organizations::${SAMPLE_ORG.managementAccountId}:` +
            `account/o-[a-z0-9]{10}/${id}$`,
        ),
      );
    },
  );

  it('describes the organization and its management account', async () => {
    // Act
    const { Organization } = await client.send(
      new DescribeOrganizationCommand({}),
    );

    // Assess
    expect(Organization).toMatchObject({
      MasterAccountId: SAMPLE_ORG.managementAccountId,
      FeatureSet: 'ALL',
    });
  });

  it('refuses a malformed account id with InvalidInputException', async () => {
    // Act & Assess
    const call = client.send(
      new DescribeAccountCommand({ AccountId: '12345' }),
    );

    await expect(call).rejects.toBeInstanceOf(InvalidInputException);
    await expect(call).rejects.toMatchObject({
      Reason: 'INVALID_PATTERN',
      message: 'You provided a value that does not match the required pattern.',
    });
  });

  it('answers AccountNotFoundException for an unknown account', async () => {
    // Act & Assess
    const call = client.send(
      new DescribeAccountCommand({ AccountId: '999999999999' }),
    );

    await expect(call).rejects.toBeInstanceOf(AccountNotFoundException);
    await expect(call).rejects.toThrow(
      "You specified an account that doesn't exist.",
    );
  });

  it('pages accounts two at a time', async () => {
    // Act
    const pages: string[][] = [];
    for await (const page of paginateListAccounts(
      { client, pageSize: 2 },
      {},
    )) {
      pages.push((page.Accounts ?? []).map((a) => a.Id ?? ''));
    }

    // Assess
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toContain('555566667777');
  });

  it('retries TooManyRequestsException, which then succeeds', async () => {
    // Prepare
    const retrying = new OrganizationsClient(retryingConfig(sandbox));
    sandbox.injectFault({
      service: 'organizations',
      operation: 'DescribeAccount',
      fault: 'THROTTLING',
    });

    // Act
    const output = await retrying.send(
      new DescribeAccountCommand({ AccountId: SAMPLE_ORG.accounts.prod }),
    );

    // Assess
    const calls = sandbox.calls({ service: 'organizations' });
    expect(output.Account?.Name).toBe('prod');
    expect(calls.map((c) => c.errorCode)).toEqual([
      'TooManyRequestsException',
      undefined,
    ]);
    retrying.destroy();
  });
});
