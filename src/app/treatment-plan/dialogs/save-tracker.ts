import { type Signal, computed, effect, inject, signal, untracked } from '@angular/core';
import { Store } from '@ngrx/store';
import { nextRequestId } from '../idempotency-key';
import type { SaveRequest } from '../plan-save';
import { treatmentPlanFeature } from '../state/treatment-plan.feature';

export interface SaveTracker {
  /** Starts a new request and returns its id, to put in the panel action. */
  start(): string;
  /** This dialog's last request (null before the first). */
  readonly request: Signal<SaveRequest | null>;
  readonly pending: Signal<boolean>;
}

/**
 * Follows the save a dialog asked for through the treatment plan feature: pending while in flight, the failure
 * (400 field errors, 409 conflict, 422 rule) when refused, and `onDone` once saved. Call in an injection context.
 */
export function trackSave(onDone: () => void): SaveTracker {
  const store = inject(Store);
  const requestId = signal<string | null>(null);
  const saves = store.selectSignal(treatmentPlanFeature.selectSaves);
  const request = computed(() => {
    const id = requestId();
    return id === null ? null : (saves()[id] ?? null);
  });
  effect(() => {
    if (request()?.done) untracked(onDone);
  });
  return {
    start() {
      const id = nextRequestId();
      requestId.set(id);
      return id;
    },
    request,
    pending: computed(() => request()?.pending ?? false),
  };
}
