/**
 * One page of a list call: its items and the token of the next page.
 */
export interface Page<T> {
  readonly items: readonly T[] | undefined;
  readonly nextToken?: string | undefined;
}

/**
 * Reads every page of a list call. The SSO Admin and Identity Store APIs
 * may return fewer items than asked for even when more remain, so only
 * the absence of `NextToken` ends the list.
 *
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_ListAccountAssignmentsForPrincipal.html
 *
 * @param readPage - reads the page after `nextToken` (first page: undefined)
 */
export const readAllPages = async <T>(
  readPage: (nextToken: string | undefined) => Promise<Page<T>>,
): Promise<T[]> => {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await readPage(nextToken);
    items.push(...(page.items ?? []));
    nextToken = page.nextToken || undefined;
  } while (nextToken !== undefined);

  return items;
};
