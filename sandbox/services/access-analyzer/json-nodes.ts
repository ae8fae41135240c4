import type { Node } from 'jsonc-parser';

/** A member of an object node: its key node and its value node. */
export interface MemberNodes {
  readonly key: Node;
  readonly value: Node;
}

/** The members of an object node, in document order. */
export const members = (object: Node): MemberNodes[] =>
  (object.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];

    return key && value ? [{ key, value }] : [];
  });

/** One member of an object node, by its exact (case-sensitive) name. */
export const member = (object: Node, name: string): MemberNodes | undefined =>
  members(object).find(({ key }) => key.value === name);
