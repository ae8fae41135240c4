import { jsonWriter } from './json';

/**
 * REST-JSON (Access Analyzer): the route names the operation, some members
 * travel in the query string, errors carry a lower-case `message`.
 */
export const restJsonWriter = jsonWriter('application/json', (error) => ({
  message: error.message,
  ...error.fields,
}));
