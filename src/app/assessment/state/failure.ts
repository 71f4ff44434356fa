import type { FieldError } from '@shared/contracts/problem';
import { ApiError, errorMessage } from '../../core/http/api-error';

/** Why a request failed, as plain data for an action. */
export interface Failure {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** For staff (the server's detail for 4xx answers, a plain explanation otherwise). */
  readonly message: string;
  /** 400: the fields at fault, by dotted path (`symptoms.0.type`). */
  readonly fieldErrors: readonly FieldError[];
}

export function failureOf(error: unknown, fallback?: string): Failure {
  if (error instanceof ApiError) {
    return { status: error.status, message: error.message, fieldErrors: error.status === 400 ? error.fieldErrors : [] };
  }
  return { status: 0, message: errorMessage(error, fallback), fieldErrors: [] };
}
