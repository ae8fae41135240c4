import { sampleOrg } from '../world/sample-org';
import type { Scenario } from './types';

const REQUEST_ID = '0fa3633a-600d-4f5d-956e-db04fd7267a6';

/** DataEngineer's inline policy, with the Glue catalogue added. */
const EDITED_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadLakeBuckets',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::data-lake-*', 'arn:aws:s3:::data-lake-*/*'],
    },
    {
      Sid: 'ReadLakeCatalog',
      Effect: 'Allow',
      Action: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'],
      Resource: '*',
    },
  ],
};

/**
 * The assignment succeeds; a minute later someone adds a statement to the
 * permission set and does not provision it again, so dev keeps the old
 * version. The check finds it outdated and re-provisions it to dev.
 */
export const permissionSetEdited: Scenario = {
  name: 'permission-set-edited',
  title: 'carol gets DataEngineer on dev; the set is edited after',
  symptom: 'Account visible, but what the edit added is denied.',
  world: sampleOrg({
    creationRequests: [
      {
        account: 'dev',
        permissionSet: 'DataEngineer',
        user: 'carol',
        requestId: REQUEST_ID,
      },
    ],
    events: [
      {
        atSeconds: 60,
        putInlinePolicy: {
          permissionSet: 'DataEngineer',
          policy: EDITED_POLICY,
        },
      },
    ],
  }),
  trigger: { kind: 'EVENT', creationRequestId: REQUEST_ID },
  expect: {
    outcome: 'HEALED',
    cause: 'PERMISSION_SET_OUTDATED',
    writes: 1,
    states: ['Re-provision permission set', 'Healed'],
  },
};
