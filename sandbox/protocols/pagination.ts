import type { ServiceError } from './service-error';

/** One page of a list, and the token for the next one. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

export interface PageRequest {
  /** Names the list, so a token from one list is refused by another. */
  readonly scope: string;
  readonly maxResults?: number;
  readonly nextToken?: string;
  /** Page size when the caller sets none. */
  readonly defaultSize: number;
  /** Pages never exceed this, whatever the caller asks. */
  readonly cap?: number;
  /** How the service refuses a token it did not issue. */
  readonly invalidToken: () => ServiceError;
}

const encode = (scope: string, offset: number): string =>
  Buffer.from(JSON.stringify({ s: scope, o: offset })).toString('base64');

const decode = (token: string, scope: string): number | undefined => {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (parsed.s === scope && Number.isInteger(parsed.o) && parsed.o >= 0) {
      return parsed.o as number;
    }
  } catch {
    // Falls through: anything unreadable is an invalid token.
  }

  return undefined;
};

/**
 * Cuts a list into pages with opaque tokens, as AWS does: the token means
 * nothing to the caller, and the last page carries none.
 */
export const paginate = <T>(
  list: readonly T[],
  request: PageRequest,
): Page<T> => {
  let offset = 0;
  if (request.nextToken !== undefined && request.nextToken !== '') {
    const decoded = decode(request.nextToken, request.scope);
    if (decoded === undefined) {
      throw request.invalidToken();
    }
    offset = decoded;
  }

  const wanted = request.maxResults ?? request.defaultSize;
  const size = Math.max(1, Math.min(wanted, request.cap ?? wanted));
  const items = list.slice(offset, offset + size);
  const next = offset + size;

  return next < list.length
    ? { items, nextToken: encode(request.scope, next) }
    : { items };
};

/**
 * How one service pages all its lists: by the `MaxResults` and `NextToken`
 * members of a request, with its default page size and its own refusal of
 * a token it did not issue. Pages never exceed the sandbox's `pageSizeCap`.
 */
export const pager =
  (defaultSize: number, invalidToken: () => ServiceError) =>
  <T>(
    context: { readonly pageSizeCap?: number },
    scope: string,
    list: readonly T[],
    input: Readonly<Record<string, unknown>>,
  ): Page<T> =>
    paginate(list, {
      scope,
      maxResults: input.MaxResults as number | undefined,
      nextToken: input.NextToken as string | undefined,
      defaultSize,
      cap: context.pageSizeCap,
      invalidToken,
    });
