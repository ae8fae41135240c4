import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  parseTarget,
  writeJson,
  writeJsonRpcError,
  writeJsonRpcResult,
} from '../protocols/json-rpc';
import {
  parseForm,
  writeQueryError,
  writeQueryResult,
} from '../protocols/query';
import {
  writeRestJsonError,
  writeRestJsonResult,
} from '../protocols/rest-json';
import { ServiceError } from '../protocols/service-error';
import { accessAnalyzer } from '../services/access-analyzer/index';
import { identityStore } from '../services/identity-store/index';
import { organizations } from '../services/organizations';
import type { ServiceDefinition } from '../services/service';
import { sns } from '../services/sns';
import { ssoAdmin } from '../services/sso-admin/index';
import { type ControlApi, handleControl } from './control-routes';
import { type Dispatcher, dispatch } from './dispatch';

/** The JSON 1.1 services, by `X-Amz-Target` prefix. */
const JSON_TARGETS: Readonly<Record<string, ServiceDefinition>> = {
  SWBExternalService: ssoAdmin,
  AWSOrganizationsV20161128: organizations,
  AWSIdentityStore: identityStore,
};

/** Request bodies above this are refused (SNS allows 256 KB, encoded). */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new ServiceError(
        'RequestEntityTooLarge',
        'Request body too large',
        {
          status: 413,
        },
      );
    }
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
};

const parseJsonObject = (body: string): Record<string, unknown> => {
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
    // Falls through to the error every JSON service gives for bad bodies.
  }
  throw new ServiceError(
    'SerializationException',
    'Request body is not a JSON object',
  );
};

const jsonRpc = async (
  dispatcher: Dispatcher,
  target: string,
  body: string,
  res: ServerResponse,
): Promise<void> => {
  const parsed = parseTarget(target);
  const service = parsed && JSON_TARGETS[parsed.prefix];
  if (!parsed || !service) {
    const error = new ServiceError(
      'UnknownOperationException',
      `Unknown target ${target}`,
    );
    writeJsonRpcError(res, 'unknown', error);
    return;
  }
  let input: Record<string, unknown>;
  try {
    input = parseJsonObject(body);
  } catch (error) {
    writeJsonRpcError(res, 'unknown', error as ServiceError);
    return;
  }

  const result = await dispatch(dispatcher, service, parsed.operation, input);
  if (result.ok) {
    writeJsonRpcResult(res, result.requestId, result.output);
  } else {
    writeJsonRpcError(res, result.requestId, result.error);
  }
};

const validatePolicy = async (
  dispatcher: Dispatcher,
  url: URL,
  body: string,
  res: ServerResponse,
): Promise<void> => {
  let input: Record<string, unknown>;
  try {
    input = parseJsonObject(body);
  } catch (error) {
    writeRestJsonError(res, 'unknown', error as ServiceError);
    return;
  }
  const maxResults = url.searchParams.get('maxResults');
  const nextToken = url.searchParams.get('nextToken');
  if (maxResults !== null) {
    input.maxResults = /^\d+$/.test(maxResults)
      ? Number(maxResults)
      : maxResults;
  }
  if (nextToken !== null) {
    input.nextToken = nextToken;
  }

  const result = await dispatch(
    dispatcher,
    accessAnalyzer,
    'ValidatePolicy',
    input,
  );
  if (result.ok) {
    writeRestJsonResult(res, result.requestId, result.output);
  } else {
    writeRestJsonError(res, result.requestId, result.error);
  }
};

const query = async (
  dispatcher: Dispatcher,
  body: string,
  res: ServerResponse,
): Promise<void> => {
  const params = parseForm(body);
  const action = params.Action ?? '';
  const result = await dispatch(dispatcher, sns, action, params);
  if (result.ok) {
    writeQueryResult(res, action, String(result.output), result.requestId);
  } else {
    writeQueryError(res, result.requestId, result.error);
  }
};

/**
 * Routes a request by protocol: `X-Amz-Target` for the JSON 1.1
 * services, `POST /policy/validation` for Access Analyzer, a form body
 * with `Action=` for SNS, and `/_sandbox/…` for the control API.
 */
export const handleRequest = async (
  dispatcher: Dispatcher,
  control: ControlApi,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> => {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const body = await readBody(req);
  const target = req.headers['x-amz-target'];

  if (url.pathname.startsWith('/_sandbox/')) {
    handleControl(control, req.method ?? 'GET', url, body, res);
  } else if (typeof target === 'string') {
    await jsonRpc(dispatcher, target, body, res);
  } else if (req.method === 'POST' && url.pathname === '/policy/validation') {
    await validatePolicy(dispatcher, url, body, res);
  } else if (req.method === 'POST' && /(^|&)Action=/.test(body)) {
    await query(dispatcher, body, res);
  } else {
    writeJson(
      res,
      404,
      { message: `No AWS operation at ${req.method} ${url.pathname}` },
      { 'content-type': 'application/json' },
    );
  }
};
