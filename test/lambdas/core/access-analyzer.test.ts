import { toPolicyFinding } from '../../../lambdas/core/access-analyzer';
import { aFinding, LEARN_MORE_LINK } from './analyzer-findings';

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
      learnMoreLink: LEARN_MORE_LINK,
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
