import type { Node } from 'jsonc-parser';

/**
 * Findings in the shape `ValidatePolicy` returns them. Issue codes,
 * finding types, texts and links follow AWS's "IAM policy validation check
 * reference"; locations use the same path elements (`value` for a member
 * name, `index` for an array item) and spans (line 1-based, column and
 * offset 0-based, end exclusive) seen in real responses.
 */
export type FindingType =
  | 'ERROR'
  | 'SECURITY_WARNING'
  | 'SUGGESTION'
  | 'WARNING';

export type PathElement =
  | { readonly index: number }
  | { readonly key: string }
  | { readonly value: string }
  | { readonly substring: { readonly start: number; readonly length: number } };

export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface FindingLocation {
  readonly path: readonly PathElement[];
  readonly span: { readonly start: Position; readonly end: Position };
}

export interface Finding {
  readonly findingDetails: string;
  readonly findingType: FindingType;
  readonly issueCode: string;
  readonly learnMoreLink: string;
  readonly locations: readonly FindingLocation[];
}

const REFERENCE =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html';

const ANCHOR_PREFIX = 'access-analyzer-reference-policy-checks';

const ANCHOR_KIND: Readonly<Record<FindingType, string>> = {
  ERROR: 'error',
  SECURITY_WARNING: 'security-warning',
  SUGGESTION: 'suggestion',
  WARNING: 'general-warning',
};

/** The reference page's anchor for an issue code. */
export const learnMoreLink = (type: FindingType, issueCode: string): string => {
  const code = issueCode.toLowerCase().replaceAll('_', '-');

  return `${REFERENCE}#${ANCHOR_PREFIX}-${ANCHOR_KIND[type]}-${code}`;
};

/** Line (1-based) and column (0-based) of an offset in a text. */
export const positionAt = (text: string, offset: number): Position => {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');

  return {
    line: before.split('\n').length,
    column: offset - (lastBreak + 1),
    offset,
  };
};

/** Collects findings for one policy text. */
export class FindingCollector {
  public readonly findings: Finding[] = [];

  private readonly text: string;

  public constructor(text: string) {
    this.text = text;
  }

  /** A location from an offset and length. */
  public location(
    path: readonly PathElement[],
    offset: number,
    length: number,
  ): FindingLocation {
    return {
      path,
      span: {
        start: positionAt(this.text, offset),
        end: positionAt(this.text, offset + length),
      },
    };
  }

  /** Adds a finding located at a node of the parsed policy. */
  public add(
    type: FindingType,
    issueCode: string,
    details: string,
    path: readonly PathElement[],
    node: Pick<Node, 'offset' | 'length'>,
  ): void {
    this.findings.push({
      findingDetails: details,
      findingType: type,
      issueCode,
      learnMoreLink: learnMoreLink(type, issueCode),
      locations: [this.location(path, node.offset, node.length)],
    });
  }
}
