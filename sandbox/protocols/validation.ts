/**
 * Input constraints in the shape of the AWS service models (required
 * members, lengths, patterns, enums, integer ranges), and a checker that
 * reports every violation the way AWS's request validation finds them.
 *
 * The constraints in the service folders are copied from the botocore
 * models of each service, so a request the sandbox refuses is one AWS
 * refuses too.
 */
export type Spec =
  | {
      readonly kind: 'string';
      readonly min?: number;
      readonly max?: number;
      /** The model's pattern; it must match the whole value. */
      readonly pattern?: string;
      readonly enum?: readonly string[];
    }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'boolean' }
  | {
      readonly kind: 'structure';
      readonly members: Readonly<Record<string, Spec>>;
      readonly required?: readonly string[];
    }
  | {
      readonly kind: 'list';
      readonly member: Spec;
      readonly min?: number;
      readonly max?: number;
    };

export type StructureSpec = Extract<Spec, { kind: 'structure' }>;

/** A structure of members, some of them required. */
export const struct = (
  members: Readonly<Record<string, Spec>>,
  required: readonly string[] = [],
): StructureSpec => ({ kind: 'structure', members, required });

export type ConstraintKind =
  | 'required'
  | 'type'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'enum'
  | 'minValue'
  | 'maxValue';

/** One broken constraint. */
export interface Violation {
  /** Member path as AWS prints it: lower camel case, dotted. */
  readonly path: string;
  /** The member name as the model spells it (last segment). */
  readonly member: string;
  readonly value: unknown;
  readonly constraint: ConstraintKind;
  readonly limit?: number | string | readonly string[];
}

const regexCache = new Map<string, RegExp>();

const wholeMatch = (pattern: string): RegExp => {
  let regex = regexCache.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, 'u');
    regexCache.set(pattern, regex);
  }

  return regex;
};

const lowerFirst = (name: string): string =>
  name.charAt(0).toLowerCase() + name.slice(1);

const join = (parent: string, name: string): string =>
  parent ? `${parent}.${lowerFirst(name)}` : lowerFirst(name);

const checkString = (
  spec: Extract<Spec, { kind: 'string' }>,
  value: string,
  path: string,
  member: string,
): Violation[] => {
  const base = { path, member, value };
  const found: Violation[] = [];
  const length = [...value].length;

  if (spec.min !== undefined && length < spec.min) {
    found.push({ ...base, constraint: 'minLength', limit: spec.min });
  }
  if (spec.max !== undefined && length > spec.max) {
    found.push({ ...base, constraint: 'maxLength', limit: spec.max });
  }
  if (spec.pattern !== undefined && !wholeMatch(spec.pattern).test(value)) {
    found.push({ ...base, constraint: 'pattern', limit: spec.pattern });
  }
  if (spec.enum !== undefined && !spec.enum.includes(value)) {
    found.push({ ...base, constraint: 'enum', limit: spec.enum });
  }

  return found;
};

const checkValue = (
  spec: Spec,
  value: unknown,
  path: string,
  member: string,
): Violation[] => {
  const typeError: Violation[] = [
    { path, member, value, constraint: 'type', limit: spec.kind },
  ];

  switch (spec.kind) {
    case 'string':
      return typeof value === 'string'
        ? checkString(spec, value, path, member)
        : typeError;
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return typeError;
      }
      const base = { path, member, value };
      if (spec.min !== undefined && value < spec.min) {
        return [{ ...base, constraint: 'minValue', limit: spec.min }];
      }
      if (spec.max !== undefined && value > spec.max) {
        return [{ ...base, constraint: 'maxValue', limit: spec.max }];
      }

      return [];
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : typeError;
    case 'list': {
      if (!Array.isArray(value)) {
        return typeError;
      }
      const base = { path, member, value };
      const found: Violation[] = [];
      if (spec.min !== undefined && value.length < spec.min) {
        found.push({ ...base, constraint: 'minLength', limit: spec.min });
      }
      if (spec.max !== undefined && value.length > spec.max) {
        found.push({ ...base, constraint: 'maxLength', limit: spec.max });
      }
      value.forEach((item, index) => {
        found.push(
          ...checkValue(
            spec.member,
            item,
            `${path}.${index + 1}.member`,
            member,
          ),
        );
      });

      return found;
    }
    case 'structure':
      return typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value)
        ? validateStructure(spec, value as Record<string, unknown>, path)
        : typeError;
  }
};

/**
 * Checks a request against its input structure. Unknown members are
 * ignored, as AWS ignores them.
 */
export const validateStructure = (
  spec: StructureSpec,
  input: Readonly<Record<string, unknown>>,
  parent = '',
): Violation[] => {
  const found: Violation[] = [];

  for (const [name, memberSpec] of Object.entries(spec.members)) {
    const path = join(parent, name);
    const value = input[name];

    if (value === undefined || value === null) {
      if (spec.required?.includes(name)) {
        found.push({ path, member: name, value: null, constraint: 'required' });
      }
      continue;
    }
    found.push(...checkValue(memberSpec, value, path, name));
  }

  return found;
};
