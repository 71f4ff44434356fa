import { type AbstractControl, type ValidatorFn, Validators } from '@angular/forms';
import * as z from 'zod';
import type { FieldError } from '@shared/contracts/problem';
import { ApiError, errorMessage } from '../core/http/api-error';
import { formatIsoDateGb } from './iso-date-adapter';

/** Why a save failed, as plain data for an action. */
export interface SaveFailure {
  /** HTTP status; 0 when the server could not be reached or its answer could not be read. */
  readonly status: number;
  /** For staff: the server's detail for 4xx answers, a plain explanation otherwise. */
  readonly message: string;
  /** 400: the fields at fault, by dotted path (`surgeries.0.performedOn`). */
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

/** The state of one kind of save on the page (details, status, a cause tag, a note...). */
export interface Operation {
  readonly pending: boolean;
  /** A message for the whole form (not for one field). */
  readonly error: string | null;
  readonly fieldErrors: readonly FieldError[];
  readonly conflict: Conflict | null;
  /** Counts successful saves: a form closes or resets when it goes up. */
  readonly saved: number;
}

export const IDLE_OPERATION: Operation = { pending: false, error: null, fieldErrors: [], conflict: null, saved: 0 };

export function started(operation: Operation | undefined): Operation {
  return { ...(operation ?? IDLE_OPERATION), pending: true, error: null, fieldErrors: [], conflict: null };
}

export function succeeded(operation: Operation | undefined): Operation {
  return { ...IDLE_OPERATION, saved: (operation?.saved ?? 0) + 1 };
}

/** A failed save; a 409 carries the conflict (the message then explains it, so no separate error). */
export function failed(operation: Operation | undefined, failure: SaveFailure, conflict: Conflict | null = null): Operation {
  const fieldErrors = failure.status === 400 ? failure.fieldErrors : [];
  return {
    ...(operation ?? IDLE_OPERATION),
    pending: false,
    error: conflict ? null : failure.message,
    fieldErrors,
    conflict,
  };
}

// One implementation for every form: re-exported for the case cards.
export { applyFieldErrors } from '../shared/forms/field-errors';

/** The message of a control's first error: a server error, a zod rule, or Angular's required. */
export function controlError(control: AbstractControl | null): string | null {
  const errors = control?.errors;
  if (!errors) return null;
  if (typeof errors['server'] === 'string') return errors['server'];
  // A date that could not be read (the datepicker leaves the value empty, so this comes before "Required").
  if (errors['matDatepickerParse']) return 'Enter the date as DD/MM/YYYY';
  // Before the zod message: an enum's "Invalid option: expected one of ..." says less to staff than "Required".
  if (errors['required']) return 'Required';
  const max = errors['matDatepickerMax'] as { max?: unknown } | undefined;
  if (typeof max?.max === 'string') return `Must be on or before ${formatIsoDateGb(max.max)}`;
  const min = errors['matDatepickerMin'] as { min?: unknown } | undefined;
  if (typeof min?.min === 'string') return `Must be on or after ${formatIsoDateGb(min.min)}`;
  if (typeof errors['zod'] === 'string') return errors['zod'];
  return 'Check this value';
}

/** The saves on the case page; a cause tag or a note has its own (`cause:<id>`, `note:<id>`). */
export type OperationKey = 'details' | 'status' | 'addCause' | 'addNote' | `cause:${string}` | `note:${string}`;

/** An optional text field left empty means "none" (null) to the API: validate it that way. */
export function emptyIsNull(schema: z.ZodType): z.ZodType {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), schema);
}

/** Zod issues (client-side validation with a shared schema) as field errors with dotted paths. */
export function issuesAsFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Angular's required validator, by reference: Material shows the required marker (*) for controls that
 * have it (`hasValidator(Validators.required)`).
 */
// eslint-disable-next-line @typescript-eslint/unbound-method -- a static function that does not use `this`
export const REQUIRED: ValidatorFn = Validators.required;
