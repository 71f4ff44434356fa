import { HttpErrorResponse } from '@angular/common/http';
import { Problem } from '@shared/contracts/problem';

/**
 * A failed API call: the HTTP status and, when the server sent one, its problem+json body.
 * `message` is written for staff and safe to show: server details are shown only for 4xx answers
 * (the server keeps 5xx bodies generic), and network failures get a plain explanation.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    readonly url: string | null,
  ) {
    super(messageFor(status, problem));
  }

  static fromResponse(response: HttpErrorResponse): ApiError {
    const parsed = Problem.safeParse(response.error);
    return new ApiError(response.status, parsed.success ? parsed.data : null, response.url);
  }

  /** Field errors of a 400 answer, by dotted path. */
  get fieldErrors(): readonly { path: string; message: string }[] {
    return this.problem?.errors ?? [];
  }
}

export const NETWORK_ERROR_MESSAGE = 'The server could not be reached. Check the connection and try again.';
export const SERVER_ERROR_MESSAGE = 'Something went wrong on the server. Try again in a moment.';

function messageFor(status: number, problem: Problem | null): string {
  if (status === 0) return NETWORK_ERROR_MESSAGE;
  if (status >= 500) return SERVER_ERROR_MESSAGE;
  if (problem) return problem.detail ?? problem.title;
  return `The request failed (HTTP ${String(status)}).`;
}

export const UNREADABLE_RESPONSE_MESSAGE =
  'The server sent an answer this page cannot read. Try again, and report it if it keeps happening.';

/** A message for staff from anything an API call can throw. */
export function errorMessage(error: unknown, fallback = 'Something went wrong. Try again.'): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof HttpErrorResponse) return ApiError.fromResponse(error).message;
  // A response that breaks the shared contract (zod's parse failed): a bug to report, not the user's doing.
  if (error instanceof Error && error.name === 'ZodError') {
    console.error(error);
    return UNREADABLE_RESPONSE_MESSAGE;
  }
  return fallback;
}
