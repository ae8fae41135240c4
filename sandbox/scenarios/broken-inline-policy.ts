import { sampleOrg } from '../world/sample-org';
import type { Scenario } from './types';

const REQUEST_ID = '62fec52d-276b-4886-97b9-3ba378480d9d';

/**
 * A statement copied from a bucket policy: identity policies have no
 * Principal element, so IAM refuses the role's policy and neither the
 * creation nor the healer's re-provisioning can succeed.
 */
const BROKEN_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadCostAndUsage',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::777788889999:root' },
      Action: ['ce:GetCostAndUsage', 'ce:GetDimensionValues'],
      Resource: '*',
    },
  ],
};

/** ReadOnlyAccess carries the broken inline policy. */
export const brokenInlinePolicy: Scenario = {
  name: 'broken-inline-policy',
  title: 'bob gets ReadOnlyAccess to prod; its inline policy is invalid',
  symptom: 'Account visible, role assumption denied.',
  world: sampleOrg({
    permissionSets: [
      {
        name: 'ReadOnlyAccess',
        managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        inlinePolicy: BROKEN_POLICY,
      },
    ],
    creationRequests: [
      {
        account: 'prod',
        permissionSet: 'ReadOnlyAccess',
        user: 'bob',
        requestId: REQUEST_ID,
      },
    ],
  }),
  trigger: { kind: 'EVENT', creationRequestId: REQUEST_ID },
  expect: {
    outcome: 'NEEDS_ATTENTION',
    cause: 'INLINE_POLICY_INVALID',
    writes: 1,
    states: ['Re-provision permission set', 'Validate policies'],
    findings: ['UNSUPPORTED_PRINCIPAL'],
  },
};
