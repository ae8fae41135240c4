import {
  ListAccountsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  ListInstancesCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import {
  type Sandbox,
  sampleOrg,
  startSandbox,
} from '../../sandbox/server/index';

describe('sandbox endpoint environment', () => {
  let sandbox: Sandbox;
  const saved = { ...process.env };

  beforeAll(async () => {
    sandbox = await startSandbox({ world: sampleOrg() });
  });

  afterEach(() => {
    process.env = { ...saved };
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('reaches SDK clients built without an endpoint', async () => {
    // Prepare
    Object.assign(process.env, sandbox.endpointEnv());
    const ssoAdmin = new SSOAdminClient({});
    const organizations = new OrganizationsClient({ region: 'us-east-1' });

    // Act
    const instances = await ssoAdmin.send(new ListInstancesCommand({}));
    const accounts = await organizations.send(new ListAccountsCommand({}));

    // Assess
    expect(instances.Instances?.[0]?.InstanceArn).toBe(
      sandbox.world.instanceArn,
    );
    expect(accounts.Accounts).toHaveLength(3);
    expect(sandbox.calls().map((c) => c.operation)).toEqual([
      'ListInstances',
      'ListAccounts',
    ]);
    ssoAdmin.destroy();
    organizations.destroy();
  });

  it('names every service variable the SDK reads', () => {
    // Act
    const env = sandbox.endpointEnv();

    // Assess
    expect(Object.keys(env).sort()).toEqual([
      'AWS_ENDPOINT_URL',
      'AWS_ENDPOINT_URL_ACCESSANALYZER',
      'AWS_ENDPOINT_URL_IDENTITYSTORE',
      'AWS_ENDPOINT_URL_ORGANIZATIONS',
      'AWS_ENDPOINT_URL_SNS',
      'AWS_ENDPOINT_URL_SSO_ADMIN',
    ]);
    expect(new Set(Object.values(env))).toEqual(new Set([sandbox.url]));
  });
});
