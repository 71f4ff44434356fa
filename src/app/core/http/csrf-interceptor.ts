import type { HttpInterceptorFn } from '@angular/common/http';
import { isApiUrl } from './api-url';

/**
 * Marks every request to our API with `X-Requested-With: XMLHttpRequest`. The server refuses
 * state-changing requests without it: a cross-site form cannot set the header, and a cross-site
 * script cannot send it without a CORS preflight, which the server never allows.
 */
export const csrfInterceptor: HttpInterceptorFn = (req, next) =>
  isApiUrl(req.url) ? next(req.clone({ setHeaders: { 'X-Requested-With': 'XMLHttpRequest' } })) : next(req);
