import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  ErrorHandler,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, type MatFormFieldDefaultOptions } from '@angular/material/form-field';
import { MatIconRegistry } from '@angular/material/icon';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideRouterStore, routerReducer } from '@ngrx/router-store';
import { Store, provideStore } from '@ngrx/store';
import { filter, firstValueFrom } from 'rxjs';
import { routes, shellRoutes } from './app.routes';
import * as authEffects from './auth/state/auth.effects';
import { authFeature } from './auth/state/auth.feature';
import { clearStateOnSessionEnd } from './auth/state/clear-state.metareducer';
import { SessionActions } from './auth/state/session.actions';
import { AppErrorHandler } from './core/error-handler';
import { csrfInterceptor } from './core/http/csrf-interceptor';
import { problemInterceptor } from './core/http/problem-interceptor';
import { apiActivityInterceptor } from './core/idle/api-activity';
import { PageTitleStrategy } from './core/page-title-strategy';
import { NAV_SECTIONS, routedSections } from './core/shell/nav-sections';

/**
 * Root providers. Keep the initial bundle lean:
 * - no chart code here: chart.js / ng2-charts are provided only on the lazy routes that draw charts
 *   (provideCharts in the route's providers);
 * - nothing from @angular/material/dialog or /snack-bar (importing even a token pulls in the whole
 *   entry point and the CDK overlay): the idle warning and the error snack bar load on demand.
 */
export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideBrowserGlobalErrorListeners(),
    { provide: ErrorHandler, useClass: AppErrorHandler },
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    { provide: NAV_SECTIONS, useValue: routedSections(shellRoutes) },
    provideHttpClient(withInterceptors([csrfInterceptor, apiActivityInterceptor, problemInterceptor])),
    provideStore(
      { router: routerReducer, [authFeature.name]: authFeature.reducer },
      {
        metaReducers: [clearStateOnSessionEnd],
        runtimeChecks: {
          strictActionImmutability: true,
          strictStateImmutability: true,
          strictActionSerializability: true,
          strictStateSerializability: true,
          strictActionTypeUniqueness: true,
        },
      },
    ),
    provideEffects(authEffects),
    provideRouterStore(),
    // Find out whether the session cookie is still valid before the first navigation.
    provideAppInitializer(() => {
      const store = inject(Store);
      store.dispatch(SessionActions.appStarted());
      return firstValueFrom(store.select(authFeature.selectStatus).pipe(filter((status) => status !== 'unknown')));
    }),
    // <mat-icon> uses the bundled Material Symbols font (material-symbols/outlined.css).
    provideAppInitializer(() => {
      inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined');
    }),
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline' } satisfies MatFormFieldDefaultOptions,
    },
  ],
};
