import type { AbstractControl } from '@angular/forms';
import type { FieldError } from '@shared/contracts/problem';

/**
 * Puts a 400 answer's field errors (`errors[].path`, dotted) on the form's controls as `errors.server`,
 * so that they show next to their fields; returns those that match no control, to show above the form.
 * Editing a field clears its server error (its validators run again).
 */
export function applyServerFieldErrors(form: AbstractControl, errors: readonly FieldError[]): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const control = error.path ? form.get(error.path) : null;
    if (!control) {
      unmatched.push(error);
      continue;
    }
    control.setErrors({ ...control.errors, server: error.message });
    control.markAsTouched();
  }
  return unmatched;
}

/** The message to show under a field: the shared rule's first, then the server's. */
export function fieldErrorMessage(control: AbstractControl): string | null {
  const errors = control.errors;
  if (!errors) return null;
  const message: unknown = errors['zod'] ?? errors['server'] ?? errors['message'];
  return typeof message === 'string' ? message : null;
}
