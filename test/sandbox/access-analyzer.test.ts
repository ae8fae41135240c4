import {
  AccessAnalyzerClient,
  paginateValidatePolicy,
  ValidatePolicyCommand,
  ValidationException,
} from '@aws-sdk/client-accessanalyzer';
import { type Sandbox, sampleOrg } from '../../sandbox/server/index';
import { clientConfig, retryingConfig, useSandbox } from './support';

const policy = (statement: Record<string, unknown>): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);

describe('sandbox Access Analyzer', () => {
  let sandbox: Sandbox;
  let client: AccessAnalyzerClient;

  useSandbox({ world: sampleOrg() }, (started) => {
    sandbox = started;
    client = new AccessAnalyzerClient(clientConfig(started));

    return client;
  });

  it('finds no problem in a valid identity policy', async () => {
    // Act
    const output = await client.send(
      new ValidatePolicyCommand({
        policyType: 'IDENTITY_POLICY',
        policyDocument: policy({
          Effect: 'Allow',
          Action: ['s3:GetObject', 'ec2:Describe*'],
          Resource: '*',
        }),
      }),
    );

    // Assess
    expect(output.findings).toEqual([]);
  });

  it('locates an action that does not exist', async () => {
    // Act
    const { findings } = await client.send(
      new ValidatePolicyCommand({
        policyType: 'IDENTITY_POLICY',
        policyDocument: policy({
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:GetObjekt'],
          Resource: '*',
        }),
      }),
    );

    // Assess
    expect(findings).toEqual([
      {
        findingDetails: 'The action s3:GetObjekt does not exist.',
        findingType: 'ERROR',
        issueCode: 'INVALID_ACTION',
        learnMoreLink:
          'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-action',
        locations: [
          {
            path: [
              { value: 'Statement' },
              { index: 0 },
              { value: 'Action' },
              { index: 1 },
            ],
            span: {
              start: { line: 8, column: 8, offset: 127 },
              end: { line: 8, column: 22, offset: 141 },
            },
          },
        ],
      },
    ]);
  });

  it('reports a JSON syntax error with its position', async () => {
    // Act
    const { findings } = await client.send(
      new ValidatePolicyCommand({
        policyType: 'IDENTITY_POLICY',
        policyDocument: '{\n  "Version": "2012-10-17",\n  "Statement": [}\n',
      }),
    );

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings?.[0]).toMatchObject({
      issueCode: 'JSON_SYNTAX_ERROR',
      findingType: 'ERROR',
      findingDetails: 'Fix the JSON syntax error at index 45 line 3 column 16.',
    });
  });

  it('refuses an unknown policy type with its field list', async () => {
    // Act & Assess
    const call = client.send(
      new ValidatePolicyCommand({
        policyType: 'TRUST_POLICY' as never,
        policyDocument: '{}',
      }),
    );

    await expect(call).rejects.toBeInstanceOf(ValidationException);
    await expect(call).rejects.toMatchObject({
      reason: 'fieldValidationFailed',
      fieldList: [expect.objectContaining({ name: 'policyType' })],
    });
  });

  it('pages findings with maxResults and nextToken', async () => {
    // Prepare
    const document = policy({
      Effect: 'Allow',
      Action: ['s3:Nope1', 's3:Nope2', 's3:Nope3'],
      Resource: '*',
    });

    // Act
    const pages: string[][] = [];
    for await (const page of paginateValidatePolicy(
      { client, pageSize: 2 },
      { policyType: 'IDENTITY_POLICY', policyDocument: document },
    )) {
      pages.push((page.findings ?? []).map((f) => f.findingDetails ?? ''));
    }

    // Assess
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat()[2]).toBe('The action s3:Nope3 does not exist.');
  });

  it('retries ThrottlingException, which then succeeds', async () => {
    // Prepare
    const retrying = new AccessAnalyzerClient(retryingConfig(sandbox));
    sandbox.injectFault({
      service: 'access-analyzer',
      operation: 'ValidatePolicy',
      fault: 'THROTTLING',
    });

    // Act
    const output = await retrying.send(
      new ValidatePolicyCommand({
        policyType: 'IDENTITY_POLICY',
        policyDocument: policy({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
        }),
      }),
    );

    // Assess
    expect(output.findings).toEqual([]);
    expect(
      sandbox.calls({ service: 'access-analyzer' }).map((c) => c.errorCode),
    ).toEqual(['ThrottlingException', undefined]);
    retrying.destroy();
  });
});
