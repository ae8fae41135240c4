import { createHash } from 'node:crypto';

/**
 * Identifiers derived from names, so a scenario gets the same ids on every
 * run and a test can compute them without asking the sandbox.
 */
const hex = (seed: string, length: number): string =>
  createHash('sha256').update(seed).digest('hex').slice(0, length);

/** `ssoins-` and 16 hex characters. */
export const instanceIdFor = (seed: string): string =>
  `ssoins-${hex(`instance:${seed}`, 16)}`;

/** `d-` and 10 hex characters. */
export const identityStoreIdFor = (seed: string): string =>
  `d-${hex(`identity-store:${seed}`, 10)}`;

/** `ps-` and 16 hex characters. */
export const permissionSetIdFor = (name: string): string =>
  `ps-${hex(`permission-set:${name}`, 16)}`;

/** `o-` and 10 lower-case characters. */
export const organizationIdFor = (managementAccountId: string): string =>
  `o-${hex(`organization:${managementAccountId}`, 10)}`;

/** A UUID-shaped identity store id, as Identity Center gives principals. */
export const principalIdFor = (kind: string, name: string): string => {
  const h = hex(`${kind}:${name}`, 32);

  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export const instanceArnOf = (instanceId: string): string =>
  `arn:aws:sso:::instance/${instanceId}`;

export const permissionSetArnOf = (
  instanceId: string,
  permissionSetId: string,
): string => `arn:aws:sso:::permissionSet/${instanceId}/${permissionSetId}`;

/** The `ps-…` id at the end of a permission set ARN. */
export const permissionSetIdOf = (arn: string): string =>
  arn.slice(arn.lastIndexOf('/') + 1);
