import type { ServerResponse } from 'node:http';
import { writeJson } from './json-rpc';
import type { ServiceError } from './service-error';

/**
 * REST-JSON (Access Analyzer): the route names the operation, some members
 * travel in the query string, errors are named by `x-amzn-ErrorType` and
 * carry a lower-case `message`.
 */
const CONTENT_TYPE = 'application/json';

export const writeRestJsonResult = (
  res: ServerResponse,
  requestId: string,
  output: unknown,
): void =>
  writeJson(res, 200, output, {
    'content-type': CONTENT_TYPE,
    'x-amzn-requestid': requestId,
  });

export const writeRestJsonError = (
  res: ServerResponse,
  requestId: string,
  error: ServiceError,
): void =>
  writeJson(
    res,
    error.status,
    { message: error.message, ...error.fields },
    {
      ...error.headers,
      'content-type': CONTENT_TYPE,
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': error.code,
    },
  );
