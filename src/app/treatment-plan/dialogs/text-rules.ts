import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { z } from 'zod';

/**
 * A validator from a shared zod string rule with messages for staff: the contract's length limits, said plainly
 * ("Give at least 3 characters" rather than zod's "Too small: expected string to have >=3 characters").
 * `required` is the message for an empty value when the field must be filled.
 */
export function textRule(schema: z.ZodType, required: string | null): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = typeof control.value === 'string' ? control.value : '';
    if (value.trim() === '') return required ? { zod: required } : null;
    const result = schema.safeParse(value);
    if (result.success) return null;
    const issue = result.error.issues.at(0);
    if (issue?.code === 'too_small') return { zod: `Give at least ${String(issue.minimum)} characters` };
    if (issue?.code === 'too_big') return { zod: `Use at most ${String(issue.maximum)} characters` };
    return { zod: issue?.message ?? 'Check this value' };
  };
}

/** A date field (YYYY-MM-DD from a date input) between `min` and `max` (inclusive, either optional). */
export function dateRule(options: {
  required: string | null;
  min?: () => string | null;
  minMessage?: string;
  max?: () => string | null;
  maxMessage?: string;
}): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = typeof control.value === 'string' ? control.value : '';
    if (value === '') return options.required ? { zod: options.required } : null;
    const min = options.min?.() ?? null;
    const max = options.max?.() ?? null;
    if (min && value < min) return { zod: options.minMessage ?? 'Too early' };
    if (max && value > max) return { zod: options.maxMessage ?? 'Too late' };
    return null;
  };
}
