/**
 * What "Validate policies" finds in a permission set's policies; part of
 * the workflow's contracts, re-exported by `types.ts`.
 */

export type FindingSeverity =
  | 'ERROR'
  | 'SECURITY_WARNING'
  | 'WARNING'
  | 'SUGGESTION';

/** One problem found in a permission set's policies. */
export interface PolicyFinding {
  /** What was checked: the inline policy, a managed policy, … */
  readonly subject:
    | 'INLINE_POLICY'
    | 'MANAGED_POLICY'
    | 'CUSTOMER_MANAGED_POLICY'
    | 'PERMISSIONS_BOUNDARY';
  readonly severity: FindingSeverity;
  /** Access Analyzer's `issueCode`, or one of ours in the same style. */
  readonly code: string;
  readonly message: string;
  /** Line and column (1-based) in the inline policy, when known. */
  readonly location?: { readonly line: number; readonly column: number };
  readonly learnMoreLink?: string;
}

/** What "Validate policies" returns. */
export interface PolicyValidation {
  readonly inlinePolicy?: {
    readonly characters: number;
    readonly nonWhitespaceBytes: number;
  };
  readonly managedPolicyArns: readonly string[];
  readonly customerManagedPolicies: readonly {
    readonly name: string;
    readonly path: string;
  }[];
  readonly permissionsBoundary?:
    | { readonly managedPolicyArn: string }
    | { readonly customerManagedPolicy: { name: string; path: string } };
  readonly findings: readonly PolicyFinding[];
  /** Set when validation itself could not finish; the rest is partial. */
  readonly incomplete?: string;
}
