import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJsonObject, writeJson } from '../protocols/json';
import { jsonRpcWriter, parseTarget } from '../protocols/json-rpc';
import { parseForm, queryWriter } from '../protocols/query';
import type { ResponseWriter } from '../protocols/response-writer';
import { restJsonWriter } from '../protocols/rest-json';
import { ServiceError } from '../protocols/service-error';
import { accessAnalyzer } from '../services/access-analyzer/index';
import { identityStore } from '../services/identity-store/index';
import { organizations } from '../services/organizations';
import type { OperationInput, ServiceDefinition } from '../services/service';
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
        { status: 413 },
      );
    }
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
};

/** What every JSON service answers to a body that is not a JSON object. */
const notAnObject = (): ServiceError =>
  new ServiceError(
    'SerializationException',
    'Request body is not a JSON object',
  );

/** Runs a call and writes what it produced in the protocol's format. */
const answer = async (
  dispatcher: Dispatcher,
  writer: ResponseWriter,
  service: ServiceDefinition,
  operation: string,
  input: OperationInput,
  res: ServerResponse,
): Promise<void> => {
  const result = await dispatch(dispatcher, service, operation, input);
  if (result.ok) {
    writer.result(res, result.requestId, result.output);
  } else {
    writer.error(res, result.requestId, result.error);
  }
};

/**
 * Answers an `X-Amz-Target` call. A target or a body it cannot read is
 * refused before dispatch, so the refusal is not recorded as a call.
 */
const jsonRpc = async (
  dispatcher: Dispatcher,
  target: string,
  body: string,
  res: ServerResponse,
): Promise<void> => {
  const parsed = parseTarget(target);
  const service = parsed && JSON_TARGETS[parsed.prefix];
  const input = parseJsonObject(body);

  if (!parsed || !service) {
    const error = new ServiceError(
      'UnknownOperationException',
      `Unknown target ${target}`,
    );
    jsonRpcWriter.error(res, 'unknown', error);
  } else if (!input) {
    jsonRpcWriter.error(res, 'unknown', notAnObject());
  } else {
    await answer(
      dispatcher,
      jsonRpcWriter,
      service,
      parsed.operation,
      input,
      res,
    );
  }
};

/** Access Analyzer takes its paging members from the query string. */
const validatePolicy = async (
  dispatcher: Dispatcher,
  url: URL,
  body: string,
  res: ServerResponse,
): Promise<void> => {
  const input = parseJsonObject(body);
  if (!input) {
    restJsonWriter.error(res, 'unknown', notAnObject());
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

  await answer(
    dispatcher,
    restJsonWriter,
    accessAnalyzer,
    'ValidatePolicy',
    input,
    res,
  );
};

const query = async (
  dispatcher: Dispatcher,
  body: string,
  res: ServerResponse,
): Promise<void> => {
  const params = parseForm(body);
  const action = params.Action ?? '';

  await answer(dispatcher, queryWriter(action), sns, action, params, res);
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
    writeJson(res, 404, {
      message: `No AWS operation at ${req.method} ${url.pathname}`,
    });
  }
};
