import type { FieldError } from '@shared/contracts/problem';
import { ApiError, errorMessage } from '../core/http/api-error';

/** Why a request failed, as plain data for an action (actions and state must stay serializable). */
export interface ImportFailure {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** For staff: the server's detail for 4xx answers, a plain explanation otherwise. */
  readonly message: string;
  /** Where the bundle is wrong (`entry.3.resource.birthDate`, `resourceType`), when the server says. */
  readonly fieldErrors: readonly FieldError[];
}

export function failureOf(error: unknown, fallback?: string): ImportFailure {
  if (error instanceof ApiError) {
    return { status: error.status, message: error.message, fieldErrors: error.status < 500 ? error.fieldErrors : [] };
  }
  return { status: 0, message: errorMessage(error, fallback), fieldErrors: [] };
}

/**
 * Worth sending again unchanged: the server could not be reached or failed, was busy with the same request (409)
 * or asked to slow down (429). Any other answer would be the same the second time.
 */
export function isRetryable(failure: ImportFailure): boolean {
  return failure.status === 0 || failure.status >= 500 || failure.status === 409 || failure.status === 429;
}
