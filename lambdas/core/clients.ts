import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SNSClient } from '@aws-sdk/client-sns';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';

/**
 * The SDK clients, made once per container on first use. Endpoints come
 * from the environment (`AWS_ENDPOINT_URL` and friends), which is how the
 * local sandbox is reached, so nothing here names a host.
 */
let cache: { -readonly [K in keyof Clients]?: Clients[K] } = {};

export interface Clients {
  readonly ssoAdmin: SSOAdminClient;
  readonly organizations: OrganizationsClient;
  readonly identityStore: IdentitystoreClient;
  readonly accessAnalyzer: AccessAnalyzerClient;
  readonly sns: SNSClient;
}

// Organizations has one global endpoint, signed for us-east-1.
const ORGANIZATIONS_REGION = 'us-east-1';

export const ssoAdmin = (): SSOAdminClient => {
  cache.ssoAdmin ??= new SSOAdminClient({});

  return cache.ssoAdmin;
};

export const organizations = (): OrganizationsClient => {
  cache.organizations ??= new OrganizationsClient({
    region: ORGANIZATIONS_REGION,
  });

  return cache.organizations;
};

export const identityStore = (): IdentitystoreClient => {
  cache.identityStore ??= new IdentitystoreClient({});

  return cache.identityStore;
};

export const accessAnalyzer = (): AccessAnalyzerClient => {
  cache.accessAnalyzer ??= new AccessAnalyzerClient({});

  return cache.accessAnalyzer;
};

export const sns = (): SNSClient => {
  cache.sns ??= new SNSClient({});

  return cache.sns;
};

/** Forgets the clients, so the next use reads the environment again. */
export const resetClients = (): void => {
  cache = {};
};
