import type { ServerResponse } from 'node:http';
import type { ResponseWriter } from './response-writer';
import type { ServiceError } from './service-error';

const PLAIN_JSON = { 'content-type': 'application/json' };

/** Writes a JSON body: plain `application/json` unless `headers` say more. */
export const writeJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = PLAIN_JSON,
): void => {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    ...headers,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

/**
 * A request body as a JSON object, an empty body as `{}`; `undefined` for
 * anything else, which every JSON service refuses.
 */
export const parseJsonObject = (
  body: string,
): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(body === '' ? '{}' : body);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed)
    ) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Falls through: a body that does not parse is no object either.
  }

  return undefined;
};

/**
 * The JSON protocols differ in their content type and the members of an
 * error body; both name the error in `x-amzn-ErrorType`, which is where
 * the SDK and the CLI read it.
 */
export const jsonWriter = (
  contentType: string,
  errorBody: (error: ServiceError) => Readonly<Record<string, unknown>>,
): ResponseWriter => ({
  result: (res, requestId, output) =>
    writeJson(res, 200, output, {
      'content-type': contentType,
      'x-amzn-requestid': requestId,
    }),
  error: (res, requestId, error) =>
    writeJson(res, error.status, errorBody(error), {
      ...error.headers,
      'content-type': contentType,
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': error.code,
    }),
});
