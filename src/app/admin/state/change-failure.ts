import { UserSummary } from '@shared/contracts/admin';
import type { FieldError } from '@shared/contracts/problem';
import { ApiError, errorMessage } from '../../core/http/api-error';

/** Who last changed a user record, from the audit log (UserSummary does not say). */
export interface ChangedBy {
  username: string | null;
  recordedAt: string;
}

/** Why a change to a user was refused, in a form a dialog can show. */
export interface ChangeFailure {
  requestId: string;
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /** For staff: the server's detail for 4xx answers, a plain explanation otherwise. */
  message: string;
  /** 400: field errors by dotted path (`username`, `password`). */
  fieldErrors: readonly FieldError[];
  /** 409: the record as it is now. */
  current: UserSummary | null;
  /** 409: who changed it, once looked up in the audit log (null when unknown). */
  changedBy: ChangedBy | null;
}

export function changeFailure(requestId: string, error: unknown): ChangeFailure {
  const apiError = error instanceof ApiError ? error : null;
  const current = apiError?.status === 409 ? UserSummary.safeParse(apiError.problem?.current) : null;
  return {
    requestId,
    status: apiError?.status ?? 0,
    message: errorMessage(error),
    fieldErrors: apiError?.fieldErrors ?? [],
    current: current?.success ? current.data : null,
    changedBy: null,
  };
}
