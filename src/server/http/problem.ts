import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type FieldError, type Problem } from '../../shared/contracts/problem';

type Status = keyof typeof PROBLEM_TYPES;

const TITLES: Record<Status, string> = {
  400: 'The request has invalid fields',
  401: 'Sign in to continue',
  403: 'Not permitted',
  404: 'Not found',
  409: 'Someone else changed this record',
  413: 'The request is too large',
  415: 'Unsupported media type',
  422: 'Not allowed by the clinical rules',
  429: 'Too many attempts',
  500: 'Something went wrong on the server',
  503: 'Service unavailable',
};

/** An error the API answers with as application/problem+json (the one error shape; architecture.md, API shape). */
export class HttpProblem extends Error {
  constructor(
    readonly status: Status,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly current?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? TITLES[status]);
  }

  toProblem(): Problem {
    return {
      type: PROBLEM_TYPES[this.status],
      title: TITLES[this.status],
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.current !== undefined ? { current: this.current } : {}),
    };
  }
}

export const badRequest = (errors: FieldError[], detail = 'Check the highlighted fields.') => new HttpProblem(400, detail, errors);
export const unauthorized = (detail = 'Your session has ended or you are not signed in.') => new HttpProblem(401, detail);
export const forbidden = (detail = 'Your role does not allow this.') => new HttpProblem(403, detail);
export const notFound = (detail = 'No such record.') => new HttpProblem(404, detail);
export const stale = (current: unknown, detail = 'This record was changed by someone else since you opened it. Reload to see their changes.') =>
  new HttpProblem(409, detail, undefined, current);
export const ruleViolation = (detail: string, errors?: FieldError[]) => new HttpProblem(422, detail, errors);
export const tooManyRequests = (detail: string, retryAfterSeconds?: number) =>
  new HttpProblem(429, detail, undefined, undefined, retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : undefined);

export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  if (problem.headers) void reply.headers(problem.headers);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.toProblem());
}

export function problemBody(status: Status, detail?: string, errors?: FieldError[]): Problem {
  return new HttpProblem(status, detail, errors).toProblem();
}
