import type { ServerResponse } from 'node:http';
import type { ResponseWriter } from './response-writer';

/**
 * The AWS Query protocol (SNS): a form-encoded `POST /` with `Action` and
 * `Version`, answered in XML in the service's namespace.
 */
export const SNS_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

/** Escapes text for an XML element body. */
export const escapeXml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');

/** The form parameters, by name (`MessageAttributes.entry.1.Name`, …). */
export const parseForm = (body: string): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(body));

const write = (
  res: ServerResponse,
  status: number,
  xml: string,
  requestId: string,
): void => {
  res.writeHead(status, {
    'content-type': 'text/xml',
    'x-amzn-requestid': requestId,
    'content-length': Buffer.byteLength(xml),
  });
  res.end(xml);
};

/**
 * Answers one `Action`, whose output is its result XML, as
 * `<{Action}Response><{Action}Result>…</…><ResponseMetadata>…`; errors
 * as SNS words them, `<ErrorResponse><Error><Type>Sender</Type><Code>…`.
 */
export const queryWriter = (action: string): ResponseWriter => ({
  result: (res, requestId, output) =>
    write(
      res,
      200,
      `<${action}Response xmlns="${SNS_NAMESPACE}">` +
        `<${action}Result>${String(output)}</${action}Result>` +
        '<ResponseMetadata>' +
        `<RequestId>${requestId}</RequestId>` +
        '</ResponseMetadata>' +
        `</${action}Response>`,
      requestId,
    ),
  error: (res, requestId, error) => {
    const type = error.status >= 500 ? 'Receiver' : 'Sender';
    write(
      res,
      error.status,
      `<ErrorResponse xmlns="${SNS_NAMESPACE}">` +
        `<Error><Type>${type}</Type>` +
        `<Code>${escapeXml(error.code)}</Code>` +
        `<Message>${escapeXml(error.message)}</Message></Error>` +
        `<RequestId>${requestId}</RequestId>` +
        '</ErrorResponse>',
      requestId,
    );
  },
});
