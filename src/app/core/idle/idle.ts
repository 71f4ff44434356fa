import { DOCUMENT } from '@angular/common';
import { Injectable, Injector, inject, signal } from '@angular/core';
import { type Observable, Subject } from 'rxjs';
import { CLOCK } from '../clock';
import { ApiActivity } from './api-activity';
import type * as warningDialog from './idle-warning-dialog';

type WarningModule = typeof warningDialog;

/** What the idle watch needs to know about the session. */
export interface WatchedSession {
  readonly idleTimeoutSeconds: number;
  /** Absolute end of the session (ISO 8601). */
  readonly expiresAt: string;
}

/** How a watched session ended: inactivity, or its absolute lifetime ran out. */
export type IdleEnd = 'idle' | 'expired';

/** User activity that counts as "still there". Pointer moves do not: a nudged mouse is not a person. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
/** Activity is recorded at most once per this many milliseconds. */
export const ACTIVITY_THROTTLE_MS = 1_000;
/** Keep the server session alive when the user is active and no request went out for this long. */
const KEEP_ALIVE_AFTER_MS = 60_000;
/** Warn this long before the sign-out (or a third of the timeout, if that is shorter). */
const WARNING_MS = 60_000;
const TICK_MS = 1_000;

/**
 * Automatic logoff (HIPAA 164.312(a)(2)(iii)).
 *
 * The server ends a session after `idleTimeoutSeconds` without a request. This service watches user
 * activity (keys, pointer presses, wheel, touch) and API activity ({@link ApiActivity}):
 * - while the user is active but no request went out for a minute, it asks for a keep-alive
 *   (`keepAliveNeeded$`, answered with POST /api/auth/touch);
 * - from min(60 s, timeout / 3) before the end it shows a dialog with a live countdown and a
 *   "Stay signed in" button (any activity counts as staying);
 * - at the end it emits `timedOut$` ('idle'); the session's absolute lifetime ending emits 'expired'.
 *
 * The end is the earlier of "timeout after the last user activity" and "timeout after the last
 * request" (the server's view). Time comes from {@link CLOCK} and one `setInterval`, so specs can use
 * `jasmine.clock()`; the interval schedules no change detection and no pending task, so it never keeps
 * the app from becoming stable.
 */
@Injectable({ providedIn: 'root' })
export class IdleService {
  private readonly clock = inject(CLOCK);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly apiActivity = inject(ApiActivity);

  private readonly timedOut = new Subject<IdleEnd>();
  private readonly keepAlive = new Subject<void>();
  /** Emits once when the session should end. The watch has stopped by then. */
  readonly timedOut$: Observable<IdleEnd> = this.timedOut.asObservable();
  /** Emits when the session needs a keep-alive request. */
  readonly keepAliveNeeded$: Observable<void> = this.keepAlive.asObservable();

  private readonly secondsLeft = signal(0);
  private timeoutMs = 0;
  private expiresAtMs = Number.POSITIVE_INFINITY;
  private lastUserActivity = 0;
  private keepAliveRequestedAt = Number.NEGATIVE_INFINITY;
  private interval: ReturnType<typeof setInterval> | null = null;
  /** The warning dialog module, loaded on demand (prefetched when a session starts). */
  private warningModule: Promise<WarningModule> | null = null;
  /** True from the moment the warning should show until it should not. */
  private warningWanted = false;
  private dialogRef: { close(): void } | null = null;
  private warningSettled: Promise<void> = Promise.resolve();

  private readonly onActivity = (): void => {
    const now = this.clock.now();
    if (now - this.lastUserActivity < ACTIVITY_THROTTLE_MS) return;
    this.lastUserActivity = now;
    // While the warning shows, react at once rather than on the next tick.
    if (this.warningWanted) this.tick();
  };

  get running(): boolean {
    return this.interval !== null;
  }

  /** Whether the warning is showing (or about to, while its module loads). */
  get warningShown(): boolean {
    return this.warningWanted;
  }

  /** Resolves once the last request to show the warning has been carried out (for specs). */
  whenWarningSettled(): Promise<void> {
    return this.warningSettled;
  }

  /** Starts watching (or updates the watched session after a refresh). */
  start(session: WatchedSession): void {
    const now = this.clock.now();
    this.timeoutMs = session.idleTimeoutSeconds * 1000;
    const expiresAt = Date.parse(session.expiresAt);
    this.expiresAtMs = Number.isNaN(expiresAt) ? Number.POSITIVE_INFINITY : expiresAt;
    // The session was just loaded, created or refreshed by a request, so both clocks start now.
    if (this.apiActivity.lastRequestAt === 0) this.apiActivity.noteRequest(now);
    if (this.running) return;
    void this.loadWarningModule().catch(() => undefined);
    this.lastUserActivity = now;
    this.keepAliveRequestedAt = Number.NEGATIVE_INFINITY;
    for (const type of ACTIVITY_EVENTS) {
      this.document.addEventListener(type, this.onActivity, { capture: true, passive: true });
    }
    this.interval = setInterval(() => {
      this.tick();
    }, TICK_MS);
  }

  /** Stops watching: no listeners, no timer, no dialog. */
  stop(): void {
    if (this.interval !== null) clearInterval(this.interval);
    this.interval = null;
    for (const type of ACTIVITY_EVENTS) {
      this.document.removeEventListener(type, this.onActivity, { capture: true });
    }
    this.closeWarning();
  }

  /** "Stay signed in": counts as activity and refreshes the session now. */
  staySignedIn(): void {
    this.lastUserActivity = this.clock.now();
    this.requestKeepAlive(this.lastUserActivity);
    this.tick();
  }

  /** One step of the watch; runs every second while started. */
  tick(): void {
    if (!this.running) return;
    const now = this.clock.now();
    if (now >= this.expiresAtMs) {
      this.end('expired');
      return;
    }
    let lastRequest = this.apiActivity.lastRequestAt;
    if (now >= lastRequest + this.timeoutMs) {
      // The server has ended the session already: a keep-alive would come too late.
      this.end('idle');
      return;
    }
    const keepAliveAfter = Math.min(KEEP_ALIVE_AFTER_MS, this.timeoutMs / 3);
    if (this.lastUserActivity > lastRequest && now - lastRequest >= keepAliveAfter) {
      this.requestKeepAlive(now);
      lastRequest = this.apiActivity.lastRequestAt;
    }
    const remaining = Math.min(this.lastUserActivity, lastRequest) + this.timeoutMs - now;
    if (remaining <= 0) {
      this.end('idle');
      return;
    }
    const warnFrom = Math.min(WARNING_MS, this.timeoutMs / 3);
    if (remaining <= warnFrom) {
      this.secondsLeft.set(Math.ceil(remaining / 1000));
      this.openWarning();
    } else {
      this.closeWarning();
    }
  }

  private requestKeepAlive(now: number): void {
    // One request at a time: the next tick sees the request recorded in ApiActivity.
    if (now - this.keepAliveRequestedAt < 5_000) return;
    this.keepAliveRequestedAt = now;
    this.keepAlive.next();
  }

  private end(reason: IdleEnd): void {
    this.stop();
    this.timedOut.next(reason);
  }

  private loadWarningModule(): Promise<WarningModule> {
    this.warningModule ??= import('./idle-warning-dialog').catch((error: unknown) => {
      // Try again next time (e.g. the server was restarting); the sign-out itself never depends on it.
      this.warningModule = null;
      throw error;
    });
    return this.warningModule;
  }

  private openWarning(): void {
    if (this.warningWanted) return;
    this.warningWanted = true;
    const data: warningDialog.IdleWarningData = {
      secondsLeft: this.secondsLeft.asReadonly(),
      staySignedIn: () => {
        this.staySignedIn();
      },
    };
    this.warningSettled = this.loadWarningModule()
      .then(({ openIdleWarning }) => {
        if (this.warningWanted && !this.dialogRef) this.dialogRef = openIdleWarning(this.injector, data);
      })
      .catch(() => {
        // Without the dialog the countdown is invisible, but the automatic sign-out still happens.
      });
  }

  private closeWarning(): void {
    this.warningWanted = false;
    this.dialogRef?.close();
    this.dialogRef = null;
  }
}
