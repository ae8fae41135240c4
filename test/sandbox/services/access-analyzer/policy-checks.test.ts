import { grammarFindings } from '../../../../sandbox/services/access-analyzer/policy-grammar';
import { validatePolicy } from '../../../../sandbox/services/access-analyzer/validate-policy';

const doc = (statement: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statement, ...extra });

describe('grammarFindings', () => {
  it.each([
    {
      case: 'a missing Effect',
      text: doc([{ Action: 's3:GetObject', Resource: '*' }]),
      code: 'MISSING_EFFECT',
    },
    {
      case: 'an Effect of Permit',
      text: doc([{ Effect: 'Permit', Action: 's3:GetObject', Resource: '*' }]),
      code: 'INVALID_EFFECT',
    },
    {
      case: 'a missing Action',
      text: doc([{ Effect: 'Allow', Resource: '*' }]),
      code: 'MISSING_ACTION',
    },
    {
      case: 'Action with NotAction',
      text: doc([
        { Effect: 'Allow', Action: 's3:*', NotAction: 'iam:*', Resource: '*' },
      ]),
      code: 'UNSUPPORTED_ELEMENT_COMBINATION',
    },
    {
      case: 'a missing Resource',
      text: doc([{ Effect: 'Allow', Action: 's3:GetObject' }]),
      code: 'MISSING_RESOURCE',
    },
    {
      case: 'a resource without arn prefix',
      text: doc([
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'bucket/key' },
      ]),
      code: 'INVALID_ARN_PREFIX',
    },
    {
      case: 'a short ARN',
      text: doc([
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3' },
      ]),
      code: 'MISSING_ARN_FIELD',
    },
    {
      case: 'a Principal',
      text: doc([
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: '*',
        },
      ]),
      code: 'UNSUPPORTED_PRINCIPAL',
    },
    {
      case: 'an unknown element',
      text: doc([
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Actions: 'x',
        },
      ]),
      code: 'INVALID_POLICY_ELEMENT',
    },
    {
      case: 'an action without service',
      text: doc([{ Effect: 'Allow', Action: 'GetObject', Resource: '*' }]),
      code: 'INVALID_ACTION',
    },
    {
      case: 'an unknown condition operator',
      text: doc([
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEqualz: { 'aws:username': 'x' } },
        },
      ]),
      code: 'INVALID_CONDITION_OPERATOR',
    },
    {
      case: 'Null with IfExists',
      text: doc([
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { NullIfExists: { 'aws:username': 'true' } },
        },
      ]),
      code: 'NULL_WITH_IF_EXISTS',
    },
    {
      case: 'a Sid with spaces',
      text: doc([
        {
          Sid: 'Read all',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
        },
      ]),
      code: 'UNSUPPORTED_SID',
    },
    {
      case: 'a Version of 2020',
      text: doc([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }], {
        Version: '2020-01-01',
      }),
      code: 'INVALID_VERSION',
    },
    {
      case: 'an empty Statement list',
      text: doc([]),
      code: 'MISSING_STATEMENT',
    },
    {
      case: 'a Statement string',
      text: doc('everything'),
      code: 'DATA_TYPE_MISMATCH',
    },
    {
      case: 'a trailing comma',
      text: '{"Version": "2012-10-17", "Statement": [],}',
      code: 'JSON_SYNTAX_ERROR',
    },
    { case: 'an empty document', text: '', code: 'JSON_SYNTAX_ERROR' },
  ])('reports $case', ({ text, code }) => {
    // Act
    const { findings } = grammarFindings(text, 'IDENTITY_POLICY');

    // Assess
    expect(findings.map((f) => f.issueCode)).toContain(code);
  });

  it('warns when the Version element is missing', () => {
    // Act
    const { findings } = grammarFindings(
      JSON.stringify({
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
      }),
      'IDENTITY_POLICY',
    );

    // Assess
    expect(findings).toEqual([
      expect.objectContaining({
        findingType: 'WARNING',
        issueCode: 'MISSING_VERSION',
        learnMoreLink: expect.stringMatching(
          /#access-analyzer-reference-policy-checks-general-warning-missing-version$/,
        ),
      }),
    ]);
  });

  it('locates an unknown element at its key', () => {
    // Act
    const { findings } = grammarFindings(
      '{\n  "Versio": "2012-10-17",\n  "Statement": []\n}',
      'IDENTITY_POLICY',
    );

    // Assess
    expect(findings[0]?.locations).toEqual([
      {
        path: [{ value: 'Versio' }],
        span: {
          start: { line: 2, column: 2, offset: 4 },
          end: { line: 2, column: 10, offset: 12 },
        },
      },
    ]);
  });
});

describe('validatePolicy', () => {
  it.each([
    {
      case: 'an unknown service',
      action: 'nosuchservice:Get',
      code: 'INVALID_SERVICE_IN_ACTION',
    },
    {
      case: 'a misspelt action',
      action: 'sso:ProvisionPermissionSets',
      code: 'INVALID_ACTION',
    },
    {
      case: 'a wildcard matching nothing',
      action: 's3:Frobnicate*',
      code: 'INVALID_ACTION',
    },
  ])('reports $case from the action catalogue', async ({ action, code }) => {
    // Act
    const findings = await validatePolicy(
      doc([{ Effect: 'Allow', Action: action, Resource: '*' }]),
      'IDENTITY_POLICY',
    );

    // Assess
    expect(findings.map((f) => f.issueCode)).toEqual([code]);
  });

  it('accepts known actions in any case and matching wildcards', async () => {
    // Act
    const findings = await validatePolicy(
      doc([
        {
          Effect: 'Allow',
          Action: [
            'SSO:provisionpermissionset',
            'sso:Describe*',
            'identitystore:List?roups',
          ],
          Resource: '*',
        },
      ]),
      'IDENTITY_POLICY',
    );

    // Assess
    expect(findings).toEqual([]);
  });

  it('puts errors before warnings', async () => {
    // Act
    const findings = await validatePolicy(
      JSON.stringify({
        Statement: [
          {
            Effect: 'Allow',
            Action: ['iam:PassRole', 's3:Nope'],
            Resource: '*',
          },
        ],
      }),
      'IDENTITY_POLICY',
    );

    // Assess
    expect(findings.map((f) => f.findingType)).toEqual([
      'ERROR',
      'SECURITY_WARNING',
      'WARNING',
    ]);
  });
});
