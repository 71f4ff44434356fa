import { type AbstractControl, FormControl } from '@angular/forms';
import type { FieldError } from '@shared/contracts/problem';

/**
 * Puts server field errors (`errors[].path`, dotted, e.g. `surgeries.0.performedOn`) on the form's
 * controls as `{ server: message }`, so they show next to their fields. `prefix` is dropped from paths
 * first (the form may hold only part of the body). Returns the errors no control took (shown with the
 * form instead).
 */
export function applyFieldErrors(form: AbstractControl, errors: readonly FieldError[], prefix = ''): FieldError[] {
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const path = prefix && error.path.startsWith(`${prefix}.`) ? error.path.slice(prefix.length + 1) : error.path;
    const control = path ? form.get(path) : null;
    // Only fields show errors; a rule about a group (e.g. `surgeries`) is shown with the form.
    if (control instanceof FormControl) {
      control.setErrors({ ...(control.errors ?? {}), server: error.message });
      control.markAsTouched();
    } else {
      unplaced.push(error);
    }
  }
  return unplaced;
}
