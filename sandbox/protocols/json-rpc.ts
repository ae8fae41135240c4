import type { ServerResponse } from 'node:http';
import type { ServiceError } from './service-error';

/**
 * AWS JSON 1.1 (SSO Admin, Organizations, Identity Store): every call is a
 * `POST /` whose `X-Amz-Target` header names `<TargetPrefix>.<Operation>`.
 * Errors carry their name in `__type` and in `x-amzn-ErrorType`, which is
 * where the SDK and the CLI read it.
 */
export const JSON_1_1 = 'application/x-amz-json-1.1';

/** Splits `SWBExternalService.ListInstances` into prefix and operation. */
export const parseTarget = (
  target: string,
): { prefix: string; operation: string } | undefined => {
  const dot = target.lastIndexOf('.');

  return dot > 0
    ? { prefix: target.slice(0, dot), operation: target.slice(dot + 1) }
    : undefined;
};

export const writeJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>>,
): void => {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    ...headers,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

export const writeJsonRpcResult = (
  res: ServerResponse,
  requestId: string,
  output: unknown,
): void =>
  writeJson(res, 200, output, {
    'content-type': JSON_1_1,
    'x-amzn-requestid': requestId,
  });

export const writeJsonRpcError = (
  res: ServerResponse,
  requestId: string,
  error: ServiceError,
): void =>
  writeJson(
    res,
    error.status,
    { __type: error.code, Message: error.message, ...error.fields },
    {
      ...error.headers,
      'content-type': JSON_1_1,
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': error.code,
    },
  );
