import { jsonWriter } from './json';

/**
 * AWS JSON 1.1 (SSO Admin, Organizations, Identity Store): every call is a
 * `POST /` whose `X-Amz-Target` header names `<TargetPrefix>.<Operation>`.
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

/** Errors carry their name in `__type` too, and a capitalised `Message`. */
export const jsonRpcWriter = jsonWriter(JSON_1_1, (error) => ({
  __type: error.code,
  Message: error.message,
  ...error.fields,
}));
