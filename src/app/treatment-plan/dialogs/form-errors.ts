import { ChangeDetectorRef, ElementRef, type Signal, effect, inject, signal, untracked } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import type { FieldError } from '@shared/contracts/problem';
import { applyFieldErrors } from '../../shared/forms/field-errors';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import type { SaveRequest } from '../plan-save';

export interface DialogFormErrors {
  /** A failed save's field errors that no control took: shown with the form. */
  readonly unplaced: Signal<FieldError[]>;
  /** True when the form may be sent; otherwise shows its errors and focuses the first field at fault. */
  ready(): boolean;
}

/**
 * The error handling every plan dialog shares: a failed save's 400 field errors go next to their fields and the
 * focus moves to the first field at fault; a submit with client-side errors is stopped the same way. Call from a
 * field initialiser (it injects the dialog's host element and change detector).
 */
export function dialogFormErrors(form: AbstractControl, request: () => SaveRequest | null): DialogFormErrors {
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const cdr = inject(ChangeDetectorRef);
  const unplaced = signal<FieldError[]>([]);
  const focusFirst = (): void => {
    cdr.markForCheck();
    queueMicrotask(() => {
      focusFirstInvalid(host.nativeElement);
    });
  };
  effect(() => {
    const failure = request()?.failure ?? null;
    untracked(() => {
      unplaced.set(failure?.status === 400 ? applyFieldErrors(form, failure.fieldErrors) : []);
      if (failure?.fieldErrors.length) focusFirst();
    });
  });
  return {
    unplaced: unplaced.asReadonly(),
    ready() {
      if (!form.invalid) return true;
      form.markAllAsTouched();
      focusFirst();
      return false;
    },
  };
}
