import type { ValidatePolicyFindingType } from '@aws-sdk/client-accessanalyzer';

/** The page of the IAM User Guide that explains every policy check. */
export const LEARN_MORE_LINK =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html';

/** An IAM Access Analyzer `ValidatePolicy` finding, as the API returns it. */
export const aFinding = (
  issueCode: string,
  findingType: ValidatePolicyFindingType = 'ERROR',
) => ({
  findingDetails: `Details of ${issueCode}.`,
  findingType,
  issueCode,
  learnMoreLink: LEARN_MORE_LINK,
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
