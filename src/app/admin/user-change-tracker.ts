import { type Signal, computed, effect, inject, signal } from '@angular/core';
import { Store } from '@ngrx/store';
import type { ChangeFailure } from './state/change-failure';
import { usersFeature } from './state/users.feature';

let counter = 0;

/** An id for one change request (not `crypto.randomUUID`, which plain-HTTP origins lack). */
export function nextRequestId(): string {
  counter += 1;
  return `user-change-${Date.now().toString(36)}-${String(counter)}`;
}

export interface UserChangeTracker {
  /** Starts a new request and returns its id, to put in the page action. */
  start(): string;
  /** This dialog's request is in flight. */
  readonly pending: Signal<boolean>;
  /** Why the server refused this dialog's last request. */
  readonly failure: Signal<ChangeFailure | null>;
}

/**
 * Follows the change a dialog asked for through the users feature: `pending` while in flight, `failure`
 * when refused, and `onDone` once it succeeded. Call in an injection context (a dialog's field initialiser).
 */
export function trackUserChange(onDone: () => void): UserChangeTracker {
  const store = inject(Store);
  const requestId = signal<string | null>(null);
  const pendingId = store.selectSignal(usersFeature.selectPending);
  const completedId = store.selectSignal(usersFeature.selectCompleted);
  const lastFailure = store.selectSignal(usersFeature.selectFailure);
  effect(() => {
    const id = requestId();
    if (id !== null && completedId() === id) onDone();
  });
  return {
    start() {
      const id = nextRequestId();
      requestId.set(id);
      return id;
    },
    pending: computed(() => requestId() !== null && pendingId() === requestId()),
    failure: computed(() => {
      const failure = lastFailure();
      return failure?.requestId === requestId() ? failure : null;
    }),
  };
}
