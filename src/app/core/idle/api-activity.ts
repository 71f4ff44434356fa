import { Injectable, inject } from '@angular/core';
import type { HttpInterceptorFn } from '@angular/common/http';
import { CLOCK } from '../clock';
import { isApiUrl, pathOf } from '../http/api-url';

/**
 * When the last request went to our API. The server ends a session after `idleTimeoutSeconds`
 * without a request, so this is the clock the server's idle timeout runs on.
 */
@Injectable({ providedIn: 'root' })
export class ApiActivity {
  private readonly clock = inject(CLOCK);
  /** Epoch milliseconds of the last API request sent, or 0 before the first. */
  private last = 0;

  get lastRequestAt(): number {
    return this.last;
  }

  noteRequest(at: number = this.clock.now()): void {
    this.last = Math.max(this.last, at);
  }

  reset(): void {
    this.last = 0;
  }
}

/** Signing out does not extend anything. */
const NOT_ACTIVITY = new Set(['/api/auth/logout']);

/** Records every API request in {@link ApiActivity} as it is sent. */
export const apiActivityInterceptor: HttpInterceptorFn = (req, next) => {
  if (isApiUrl(req.url) && !NOT_ACTIVITY.has(pathOf(req.url))) inject(ApiActivity).noteRequest();
  return next(req);
};
