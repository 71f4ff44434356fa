import { type ErrorHandler, Injectable, Injector, inject } from '@angular/core';
import { ApiError } from './http/api-error';

export const UNEXPECTED_ERROR_MESSAGE = 'Something went wrong. Try again, and reload the page if it keeps happening.';

/**
 * Last resort for errors nothing else handled: tells the user plainly, without details (stack traces
 * and server internals stay out of the page), and logs the error for developers.
 */
@Injectable()
export class AppErrorHandler implements ErrorHandler {
  // Resolved on first use: the error handler is created before most of the app.
  private readonly injector = inject(Injector);
  private lastShown = { message: '', at: 0 };
  /** The last message on its way to the screen (the snack bar loads on first use; specs await this). */
  lastNotice: Promise<void> = Promise.resolve();

  handleError(error: unknown): void {
    console.error(error);
    // A 401 is handled by the problem interceptor (back to the sign-in page), not a failure to report.
    if (error instanceof ApiError && error.status === 401) return;
    const message = error instanceof ApiError && error.status >= 400 && error.status < 500 ? error.message : UNEXPECTED_ERROR_MESSAGE;
    // One error often comes in bursts (a template failing on every render): show it once.
    const now = Date.now();
    if (message === this.lastShown.message && now - this.lastShown.at < 5_000) return;
    this.lastShown = { message, at: now };
    // The snack bar (and the CDK overlay under it) stays out of the initial bundle until an error needs it.
    this.lastNotice = import('@angular/material/snack-bar')
      .then(({ MatSnackBar }) => {
        this.injector.get(MatSnackBar).open(message, 'Dismiss', { duration: 10_000, politeness: 'assertive' });
      })
      .catch(() => {
        // Nothing more to do if even the snack bar cannot open; the error is in the console.
      });
  }
}
