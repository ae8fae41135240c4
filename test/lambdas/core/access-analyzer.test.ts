import type { ValidatePolicyFindingType } from '@aws-sdk/client-accessanalyzer';
import { toPolicyFinding } from '../../../lambdas/core/access-analyzer';

const LINK =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html';

const aFinding = (
  issueCode: string,
  findingType: ValidatePolicyFindingType = 'ERROR',
) => ({
  findingDetails: `Details of ${issueCode}.`,
  findingType,
  issueCode,
  learnMoreLink: LINK,
  locations: [
    {
      path: [{ value: 'Statement' }],
      span: {
        start: { line: 4, column: 36, offset: 80 },
        end: { line: 4, column: 50, offset: 94 },
      },
    },
  ],
});

describe('toPolicyFinding', () => {
  it('maps type, code, details, 1-based place and link', () => {
    // Act
    const finding = toPolicyFinding(aFinding('INVALID_ACTION'));

    // Assess
    expect(finding).toEqual({
      subject: 'INLINE_POLICY',
      severity: 'ERROR',
      code: 'INVALID_ACTION',
      message: 'Details of INVALID_ACTION.',
      location: { line: 4, column: 37 },
      learnMoreLink: LINK,
    });
  });

  it.each([
    { case: 'ERROR', type: 'ERROR' },
    { case: 'SECURITY_WARNING', type: 'SECURITY_WARNING' },
    { case: 'WARNING', type: 'WARNING' },
    { case: 'SUGGESTION', type: 'SUGGESTION' },
  ] as const)('keeps the finding type $case as severity', ({ type }) => {
    // Act
    const finding = toPolicyFinding(aFinding('ANY', type));

    // Assess
    expect(finding.severity).toBe(type);
  });

  it('leaves the place out when Access Analyzer gives none', () => {
    // Act
    const finding = toPolicyFinding({
      ...aFinding('MISSING_VERSION', 'SUGGESTION'),
      locations: [],
    });

    // Assess
    expect(finding.location).toBeUndefined();
  });
});
