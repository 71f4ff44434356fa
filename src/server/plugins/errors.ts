import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from '@fastify/type-provider-zod';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem, sendProblem } from '../http/problem';

function dottedPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
}

/**
 * One error shape (application/problem+json) for every failure. Client errors say what is wrong and
 * name the fields; 5xx bodies are generic and never carry a stack trace (fastify/demo's rule).
 */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof HttpProblem) return sendProblem(reply, error);
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors = error.validation.map((v) => ({
          path: dottedPath(v.instancePath) || (error.validationContext ?? 'body'),
          message: v.message ?? 'Invalid value',
        }));
        return sendProblem(reply, new HttpProblem(400, `Check the highlighted fields (${error.validationContext ?? 'request'}).`, errors));
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: { message: error.message, issues: error.cause.issues.slice(0, 5) }, route: request.routeOptions.url }, 'response did not match its contract');
        return sendProblem(reply, new HttpProblem(500, 'The server could not complete the request.'));
      }
      const status = error.statusCode ?? 500;
      if (status === 413) return sendProblem(reply, new HttpProblem(413, `The request is larger than the server accepts.`));
      if (status === 415) return sendProblem(reply, new HttpProblem(415, 'Send JSON (application/json).'));
      if (status === 429) return sendProblem(reply, new HttpProblem(429, 'Too many requests. Wait a moment and try again.'));
      if (status >= 400 && status < 500) {
        // Fastify's own client errors (malformed JSON, empty body, ...): the message is safe to show.
        const body = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? 'The body is not valid JSON.' : error.message;
        return sendProblem(reply, new HttpProblem(400, body, [{ path: 'body', message: body }]));
      }
      request.log.error({ err: error, route: request.routeOptions.url }, 'unhandled error');
      return sendProblem(reply, new HttpProblem(500, 'The server could not complete the request. It has been logged.'));
    });
  },
  { name: 'errors' },
);
