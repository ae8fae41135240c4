import type { ServerResponse } from 'node:http';
import type { ServiceError } from './service-error';

/** How one wire protocol writes an operation's output and its errors. */
export interface ResponseWriter {
  readonly result: (
    res: ServerResponse,
    requestId: string,
    output: unknown,
  ) => void;
  readonly error: (
    res: ServerResponse,
    requestId: string,
    error: ServiceError,
  ) => void;
}
