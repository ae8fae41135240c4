import { missingPolicyFindings } from '../../../lambdas/core/missing-policies';
import { FAILURE_REASONS } from '../report/fixtures';

describe('missingPolicyFindings', () => {
  const policies = [
    { name: 'DevBoundary', path: '/' },
    { name: 'Dev', path: '/' },
  ];

  it('names only the policy that the reason names', () => {
    // Act
    const findings = missingPolicyFindings(
      [FAILURE_REASONS.notSupportedPolicy],
      policies,
      undefined,
    );

    // Assess
    expect(findings).toEqual([
      expect.objectContaining({
        subject: 'CUSTOMER_MANAGED_POLICY',
        code: 'CUSTOMER_MANAGED_POLICY_MISSING',
        message: expect.stringContaining('/DevBoundary does not exist'),
      }),
    ]);
  });

  it('names the boundary when the reason names it', () => {
    // Act
    const findings = missingPolicyFindings(
      [FAILURE_REASONS.notSupportedPolicy],
      [],
      { name: 'DevBoundary', path: '/' },
    );

    // Assess
    expect(findings).toEqual([
      expect.objectContaining({
        subject: 'PERMISSIONS_BOUNDARY',
        severity: 'ERROR',
        code: 'PERMISSIONS_BOUNDARY_MISSING',
      }),
    ]);
  });

  it('keeps a missing policy that the lists do not show', () => {
    // Act
    const findings = missingPolicyFindings(
      [FAILURE_REASONS.notSupportedPolicy, FAILURE_REASONS.internal],
      [],
      undefined,
    );

    // Assess
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'CUSTOMER_MANAGED_POLICY_MISSING',
        message: expect.stringContaining(FAILURE_REASONS.notSupportedPolicy),
      }),
    ]);
  });
});
