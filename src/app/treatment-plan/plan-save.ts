import { type AbstractControl, type ValidatorFn, Validators } from '@angular/forms';
import type { FieldError } from '@shared/contracts/problem';
import { ApiError, errorMessage } from '../core/http/api-error';

/** Why a save failed, as plain data for an action. */
export interface SaveFailure {
  /** HTTP status; 0 when the server could not be reached or its answer could not be read. */
  readonly status: number;
  /** For staff: the server's detail for 4xx answers (a 422 rule message), a plain explanation otherwise. */
  readonly message: string;
  /** 400: the fields at fault, by dotted path (`goals.0.text`). */
  readonly fieldErrors: readonly FieldError[];
  /** 409: the record as it is now (the problem's `current`), or null. */
  readonly current: unknown;
}

export function saveFailure(error: unknown): SaveFailure {
  if (error instanceof ApiError) {
    return {
      status: error.status,
      message: error.message,
      fieldErrors: error.fieldErrors,
      current: error.status === 409 ? (error.problem?.current ?? null) : null,
    };
  }
  return { status: 0, message: errorMessage(error), fieldErrors: [], current: null };
}

/** One changed field in a conflict: what the user started from, and what is saved now. */
export interface FieldChange {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** Someone else saved first (409): who, when, and what they changed. Nothing of ours was saved. */
export interface Conflict {
  readonly changedBy: string | null;
  readonly changedAt: string | null;
  readonly changes: readonly FieldChange[];
}

/** One save a dialog asked for, followed through the store by its request id. */
export interface SaveRequest {
  readonly pending: boolean;
  readonly done: boolean;
  readonly failure: SaveFailure | null;
  /** Set for a 409: what changed and by whom. */
  readonly conflict: Conflict | null;
}

export const PENDING_SAVE: SaveRequest = { pending: true, done: false, failure: null, conflict: null };
export const DONE_SAVE: SaveRequest = { pending: false, done: true, failure: null, conflict: null };

export function failedSave(failure: SaveFailure, conflict: Conflict | null): SaveRequest {
  return { pending: false, done: false, failure, conflict };
}

export { applyFieldErrors } from '../shared/forms/field-errors';

/** The message of a control's first error: the server's, the shared rule's, or Angular's required. */
export function controlError(control: AbstractControl | null): string | null {
  const errors = control?.errors;
  if (!errors) return null;
  if (typeof errors['server'] === 'string') return errors['server'];
  // A datepicker could not read what was typed (its value is then empty, so the required rule would mislead).
  if (errors['matDatepickerParse']) return 'Enter the date as DD/MM/YYYY';
  // The shared rule's own message says more than "Required" (e.g. "Give the reason the treatment was stopped").
  if (typeof errors['zod'] === 'string') return errors['zod'];
  if (errors['required']) return 'Required';
  if (typeof errors['message'] === 'string') return errors['message'];
  return 'Check this value';
}

/**
 * Angular's required validator, by reference: Material shows the required marker (*) for controls that have it
 * (`hasValidator(Validators.required)`); the shared rule beside it gives the message.
 */
// eslint-disable-next-line @typescript-eslint/unbound-method -- a static function that does not use `this`
export const REQUIRED: ValidatorFn = Validators.required;
