import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Store } from '@ngrx/store';
import type { Assessment, NewAssessmentBody } from '@shared/contracts/assessments';
import { type Observable, Subject, defer, firstValueFrom, from } from 'rxjs';
import { AuthPageActions } from '../../auth/state/auth-page.actions';
import { authFeature } from '../../auth/state/auth.feature';
import { CLOCK } from '../../core/clock';
import { ApiError, errorMessage } from '../../core/http/api-error';
import { AssessmentsApi } from '../assessments-api';
import { newIdempotencyKey } from './idempotency-key';
import { OUTBOX_STORAGE, type OutboxEntry, outboxKey, readOutbox, writeOutbox } from './outbox-storage';
import { SignOutPendingDialog } from './sign-out-pending-dialog';

/**
 * The shell dispatches this cancelable window event before signing out (core/shell/shell.ts); the
 * outbox cancels it while entries are waiting and asks the user first.
 */
export const BEFORE_SIGN_OUT_EVENT = 'fbss:before-sign-out';

/** First retry after 2 s, doubling up to 5 minutes; the window's `online` event retries at once. */
export const RETRY_BASE_MS = 2_000;
export const RETRY_MAX_MS = 5 * 60_000;
/**
 * The server keeps idempotency keys at least 24 hours. An entry older than this is checked against the
 * patient's assessments before it is sent again, in case the first attempt did arrive but its answer
 * was lost and the key has expired since.
 */
export const STALE_AFTER_MS = 20 * 3_600_000;

export function retryDelay(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** Failures worth retrying: no connection, the server busy or down, the same request still running, session ended. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return (
    error.status === 0 ||
    error.status === 401 ||
    error.status === 408 ||
    error.status === 409 ||
    error.status === 429 ||
    error.status >= 500
  );
}

/** Why a submission was refused, for the form (field errors go next to the fields). */
export interface Refusal {
  readonly status: number;
  readonly message: string;
  readonly fieldErrors: readonly { path: string; message: string }[];
}

/** What happened to a submission's first attempt. */
export type SubmitOutcome =
  /** `assessment` is null when the server has it but its answer could not be read (reload the list). */
  | { readonly kind: 'saved'; readonly key: string; readonly assessment: Assessment | null }
  | { readonly kind: 'queued'; readonly key: string; readonly reason: string }
  | { readonly kind: 'rejected'; readonly key: string; readonly refusal: Refusal };

/** An entry the outbox sent later (after a retry): the store adds it to the chart. */
export interface Delivery {
  readonly entry: OutboxEntry;
  /** Null when the server had it already but its answer could not be read (reload the list). */
  readonly assessment: Assessment | null;
}

type Attempt =
  | { readonly kind: 'delivered'; readonly assessment: Assessment | null }
  | { readonly kind: 'waiting'; readonly reason: string }
  | { readonly kind: 'refused'; readonly refusal: Refusal };

function refusalOf(error: unknown): Refusal {
  if (error instanceof ApiError) return { status: error.status, message: error.message, fieldErrors: error.fieldErrors };
  return { status: 0, message: errorMessage(error), fieldErrors: [] };
}

/**
 * Assessments on their way to the server. Each submission is stored (per user, in localStorage) before
 * it is sent and carries one Idempotency-Key for all its attempts, so a retry after a lost answer never
 * creates a second assessment. Entries that could not be sent wait here ("Pending"), survive a reload,
 * and are retried with backoff, when the browser comes back online, and when their user signs in
 * again. Another user of the browser never sees or sends them. Nothing is reported as saved before
 * the server answered 201.
 */
@Injectable({ providedIn: 'root' })
export class AssessmentOutbox {
  private readonly api = inject(AssessmentsApi);
  private readonly storage = inject(OUTBOX_STORAGE);
  private readonly clock = inject(CLOCK);
  private readonly store = inject(Store);
  private readonly dialog = inject(MatDialog);

  private readonly user = this.store.selectSignal(authFeature.selectUser);
  private readonly userId = computed(() => this.user()?.id ?? null);
  private readonly all = signal<readonly OutboxEntry[]>([]);
  /** False when the browser would not store the outbox (entries then live only until the page closes). */
  private readonly persisted = signal(true);
  private readonly inFlight = new Set<string>();
  private readonly deliveries = new Subject<Delivery>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> | null = null;

  /** The signed-in user's waiting entries, oldest first. */
  readonly entries = this.all.asReadonly();
  readonly count = computed(() => this.all().length);
  readonly storageWorks = this.persisted.asReadonly();
  /** Entries sent after a retry (a first attempt's result is the submit() answer instead). */
  readonly delivered$: Observable<Delivery> = this.deliveries.asObservable();

  constructor() {
    // Each user sees and sends only their own entries; nobody's while signed out.
    effect(() => {
      const userId = this.userId();
      untracked(() => {
        this.load(userId);
      });
    });
    const online = (): void => {
      this.retryNow();
    };
    const storage = (event: StorageEvent): void => {
      const userId = this.userId();
      // Another tab of the same user changed the outbox.
      if (userId && event.key === outboxKey(userId)) this.all.set(readOutbox(this.storage, userId));
    };
    const beforeSignOut = (event: Event): void => {
      this.confirmSignOut(event);
    };
    window.addEventListener('online', online);
    window.addEventListener('storage', storage);
    window.addEventListener(BEFORE_SIGN_OUT_EVENT, beforeSignOut);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('online', online);
      window.removeEventListener('storage', storage);
      window.removeEventListener(BEFORE_SIGN_OUT_EVENT, beforeSignOut);
      this.clearTimer();
    });
  }

  /** Entries waiting for one patient. */
  entriesFor(patientId: string): OutboxEntry[] {
    return this.all().filter((entry) => entry.patientId === patientId);
  }

  /**
   * Stores and sends one submission. The answer tells the form what happened to the first attempt:
   * saved (201), queued (kept in the outbox, retried later), or rejected (the server refused the
   * content: nothing is kept, the form shows why).
   */
  submit(patientId: string, patientLabel: string, body: NewAssessmentBody): Observable<SubmitOutcome> {
    return defer(() => {
      const userId = this.userId();
      if (!userId) throw new Error('Sign in to record assessments.');
      const entry: OutboxEntry = {
        key: newIdempotencyKey(),
        userId,
        patientId,
        patientLabel,
        body,
        queuedAt: new Date(this.clock.now()).toISOString(),
        attempts: 0,
        nextAttemptAt: null,
        lastError: null,
        status: 'pending',
      };
      // Stored before it is sent: a reload during the request sends it again with the same key.
      this.write(userId, [...this.stored(userId), entry]);
      return from(this.attempt(entry, true).then((result) => this.outcome(entry, result)));
    });
  }

  /** Tries every waiting entry now ("Send now", or the connection came back). */
  retryNow(): void {
    const userId = this.userId();
    if (!userId) return;
    this.write(
      userId,
      this.stored(userId).map((entry) => (entry.status === 'pending' ? { ...entry, nextAttemptAt: null } : entry)),
    );
    void this.flush();
  }

  /** Removes an entry for good (a refused entry, or one the user chose to drop). */
  discard(key: string): void {
    const userId = this.userId();
    if (!userId) return;
    this.write(
      userId,
      this.stored(userId).filter((entry) => entry.key !== key),
    );
  }

  /** Sends the entries that are due, one at a time, then schedules the next attempt. */
  flush(): Promise<void> {
    this.flushing ??= this.sendDue().finally(() => {
      this.flushing = null;
      this.schedule();
    });
    return this.flushing;
  }

  private async sendDue(): Promise<void> {
    const userId = this.userId();
    if (!userId) return;
    const now = this.clock.now();
    const due = this.stored(userId).filter(
      (entry) =>
        entry.status === 'pending' && !this.inFlight.has(entry.key) && (entry.nextAttemptAt === null || entry.nextAttemptAt <= now),
    );
    for (const entry of due) {
      // The user may have signed out (or another signed in) meanwhile: their entries wait.
      if (this.userId() !== entry.userId) return;
      if (!navigator.onLine) return;
      const result = await this.attempt(entry, false);
      if (result.kind === 'delivered' && this.userId() === entry.userId) {
        this.deliveries.next({ entry, assessment: result.assessment });
      }
      // No connection: the others would fail the same way.
      if (result.kind === 'waiting') return;
    }
  }

  private async attempt(entry: OutboxEntry, fromForm: boolean): Promise<Attempt> {
    if (this.inFlight.has(entry.key)) return { kind: 'waiting', reason: 'Already being sent.' };
    this.inFlight.add(entry.key);
    try {
      const existing = await this.alreadyRecorded(entry);
      const assessment = existing ?? (await firstValueFrom(this.api.create(entry.patientId, entry.body, entry.key))).assessment;
      this.remove(entry);
      return { kind: 'delivered', assessment };
    } catch (error: unknown) {
      if (error instanceof Error && error.name === 'ZodError') {
        // The server answered 2xx with a body this page cannot read: it has the assessment.
        this.remove(entry);
        return { kind: 'delivered', assessment: null };
      }
      if (isRetryable(error)) {
        const reason = errorMessage(error);
        this.update(entry, (current) => ({
          ...current,
          attempts: current.attempts + 1,
          nextAttemptAt: this.clock.now() + retryDelay(current.attempts + 1),
          lastError: reason,
        }));
        return { kind: 'waiting', reason };
      }
      const refusal = refusalOf(error);
      // From the form, the form still holds the content and shows why; otherwise keep it, marked failed.
      if (fromForm) this.remove(entry);
      else this.update(entry, (current) => ({ ...current, status: 'failed', nextAttemptAt: null, lastError: refusal.message }));
      return { kind: 'refused', refusal };
    } finally {
      this.inFlight.delete(entry.key);
    }
  }

  /** For an old entry: the assessment it created, if an earlier attempt did reach the server. */
  private async alreadyRecorded(entry: OutboxEntry): Promise<Assessment | null> {
    const age = this.clock.now() - Date.parse(entry.queuedAt);
    const recordedAt = entry.body.recordedAt;
    if (age < STALE_AFTER_MS || !recordedAt) return null;
    const assessments = await firstValueFrom(this.api.list(entry.patientId));
    return assessments.find((a) => a.recordedById === entry.userId && Date.parse(a.recordedAt) === Date.parse(recordedAt)) ?? null;
  }

  private outcome(entry: OutboxEntry, result: Attempt): SubmitOutcome {
    switch (result.kind) {
      case 'delivered':
        return { kind: 'saved', key: entry.key, assessment: result.assessment };
      case 'waiting':
        this.schedule();
        return { kind: 'queued', key: entry.key, reason: result.reason };
      case 'refused':
        return { kind: 'rejected', key: entry.key, refusal: result.refusal };
    }
  }

  private load(userId: string | null): void {
    this.clearTimer();
    if (!userId) {
      this.all.set([]);
      return;
    }
    this.all.set(readOutbox(this.storage, userId));
    // Signed in (or the page reloaded): try the waiting entries now rather than at their backoff time.
    this.retryNow();
  }

  /** The user's entries as stored (the signal mirrors them for the signed-in user). */
  private stored(userId: string): OutboxEntry[] {
    return this.storage ? readOutbox(this.storage, userId) : this.userId() === userId ? [...this.all()] : [];
  }

  private write(userId: string, entries: OutboxEntry[]): void {
    this.persisted.set(writeOutbox(this.storage, userId, entries));
    if (this.userId() === userId) this.all.set(entries);
  }

  private update(entry: OutboxEntry, change: (current: OutboxEntry) => OutboxEntry): void {
    this.write(
      entry.userId,
      this.stored(entry.userId).map((current) => (current.key === entry.key ? change(current) : current)),
    );
  }

  private remove(entry: OutboxEntry): void {
    this.write(
      entry.userId,
      this.stored(entry.userId).filter((current) => current.key !== entry.key),
    );
  }

  private schedule(): void {
    this.clearTimer();
    const userId = this.userId();
    // Offline, the window's `online` event retries; no timer would do better.
    if (!userId || !navigator.onLine) return;
    const times = this.all()
      .filter((entry) => entry.status === 'pending' && !this.inFlight.has(entry.key))
      .map((entry) => entry.nextAttemptAt ?? 0);
    if (times.length === 0) return;
    const delay = Math.max(0, Math.min(...times) - this.clock.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Before signing out with entries waiting: ask, and sign out only when the user confirms. */
  private confirmSignOut(event: Event): void {
    const count = this.count();
    if (count === 0) return;
    event.preventDefault();
    this.dialog
      .open<SignOutPendingDialog, { count: number }, boolean>(SignOutPendingDialog, { data: { count }, autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.store.dispatch(AuthPageActions.signOutClicked());
      });
  }
}
