import { SimulatedClock } from '../../../sandbox/world/clock';
import { WorldDefinitionError } from '../../../sandbox/world/errors';
import { SAMPLE_ORG, sampleOrg } from '../../../sandbox/world/sample-org';
import { World } from '../../../sandbox/world/world';

describe('sampleOrg', () => {
  it('replaces a sample account with the same id and appends lists', () => {
    // Act
    const definition = sampleOrg({
      accounts: [
        { id: SAMPLE_ORG.accounts.prod, name: 'prod', state: 'SUSPENDED' },
      ],
      assignments: [
        { account: 'prod', permissionSet: 'ReadOnlyAccess', user: 'carol' },
      ],
    });

    // Assess
    expect(
      definition.accounts?.filter((a) => a.id === SAMPLE_ORG.accounts.prod),
    ).toEqual([
      { id: SAMPLE_ORG.accounts.prod, name: 'prod', state: 'SUSPENDED' },
    ]);
    expect(definition.assignments).toHaveLength(4);
  });
});

describe('World', () => {
  it('gives the same ids for the same names on every build', () => {
    // Act
    const one = new World(sampleOrg(), new SimulatedClock());
    const two = new World(sampleOrg(), new SimulatedClock());

    // Assess
    expect(one.permissionSetArn('DataEngineer')).toBe(
      two.permissionSetArn('DataEngineer'),
    );
    expect(one.principalId({ user: 'alice' })).toBe(
      two.principalId({ user: 'alice' }),
    );
    expect(one.permissionSetArn('DataEngineer')).toMatch(
      /^arn:aws:sso:::permissionSet\/ssoins-[0-9a-f]{16}\/ps-[0-9a-f]{16}$/,
    );
  });

  it.each([
    {
      case: 'an account id of 11 digits',
      extra: { accounts: [{ id: '12345678901' }] },
      message: /accounts: id must be 12 digits, received '12345678901'/,
    },
    {
      case: 'an assignment to an unknown group',
      extra: {
        assignments: [
          { account: 'dev', permissionSet: 'ReadOnlyAccess', group: 'nobody' },
        ],
      },
      message: /Unknown group 'nobody'.*known: platform-admins, data-engineers/,
    },
    {
      case: 'a permission set name with spaces',
      extra: { permissionSets: [{ name: 'Read Only' }] },
      message: /permissionSets: name must be 1-32 characters/,
    },
    {
      case: 'a scripted event naming an unknown user',
      extra: {
        events: [
          {
            atSeconds: 5,
            removeMember: { group: 'platform-admins', user: 'zed' },
          },
        ],
      },
      message: /Unknown user 'zed'/,
    },
    {
      case: 'a failure rule naming an unknown account',
      extra: { asyncFailures: [{ account: 'staging' }] },
      message: /Unknown account 'staging'/,
    },
  ])('refuses $case with a message that names it', ({ extra, message }) => {
    // Act & Assess
    expect(() => new World(sampleOrg(extra), new SimulatedClock())).toThrow(
      WorldDefinitionError,
    );
    expect(() => new World(sampleOrg(extra), new SimulatedClock())).toThrow(
      message,
    );
  });

  it('marks a permission set outdated where it was declared so', () => {
    // Act
    const world = new World(
      sampleOrg({
        provisioned: [
          {
            account: 'prod',
            permissionSet: 'AdministratorAccess',
            state: 'OUTDATED',
          },
        ],
      }),
      new SimulatedClock(),
    );

    // Assess
    const admin = world
      .snapshot()
      .permissionSets.find((p) => p.name === 'AdministratorAccess');
    expect(admin?.version).toBe(2);
    expect(admin?.provisioned).toEqual({
      [SAMPLE_ORG.accounts.dev]: 2,
      [SAMPLE_ORG.accounts.prod]: 1,
    });
  });
});

describe('SimulatedClock', () => {
  it('refuses a time scale that is not positive', () => {
    // Act & Assess
    expect(() => new SimulatedClock(0)).toThrow(
      'timeScale must be a positive number, received 0',
    );
  });

  it('converts simulated seconds to real milliseconds', () => {
    // Act
    const clock = new SimulatedClock(60);

    // Assess
    expect(clock.realMs(180)).toBe(3000);
  });
});
