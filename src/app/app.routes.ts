import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { Store } from '@ngrx/store';
import { homePath } from '@shared/domain/permissions';
import { authGuard, permissionGuard, signedInGuard, signedOutGuard } from './auth/auth-guard';
import { authFeature } from './auth/state/auth.feature';
import { ForbiddenPage } from './core/forbidden-page/forbidden-page';
import { NotFoundPage } from './core/not-found-page/not-found-page';
import { Shell } from './core/shell/shell';

/**
 * Pages inside the shell (toolbar and navigation). A section of SECTIONS in permissions.ts appears in
 * the side navigation once its route is listed here (see routedSections in core/shell/nav-sections.ts).
 * Feature routes are lazy; each registers its own state with provideState on its route.
 */
export const shellRoutes: Routes = [
  {
    path: 'worklist',
    canActivate: [permissionGuard('patient.read')],
    loadChildren: () => import('./worklist/worklist.routes'),
  },
  {
    path: 'admin',
    // Each child page checks its own permission ('user.manage', 'audit.read'): see admin/admin.routes.ts.
    loadChildren: () => import('./admin/admin.routes'),
  },
  {
    path: 'patients/:id',
    canActivate: [permissionGuard('patient.read')],
    loadChildren: () => import('./case/case.routes'),
  },
  {
    path: 'referrals/new',
    canActivate: [permissionGuard('patient.create')],
    loadChildren: () => import('./referral/referral.routes'),
  },
  {
    path: 'outcomes',
    canActivate: [permissionGuard('outcomes.read')],
    loadChildren: () => import('./outcomes/outcomes.routes'),
  },
  { path: 'patients/:id/assess', canActivate: [permissionGuard('assessment.create')], loadChildren: () => import('./assessment/assessment.routes') },
  { path: 'import', canActivate: [permissionGuard('fhir.import')], loadChildren: () => import('./fhir-import/fhir-import.routes') },
  { path: 'follow-ups', canActivate: [permissionGuard('follow-up.read')], loadChildren: () => import('./follow-ups/follow-ups.routes') },
  { path: 'forbidden', component: ForbiddenPage, title: 'Not permitted' },
  {
    path: '',
    pathMatch: 'full',
    redirectTo: () => {
      const role = inject(Store).selectSignal(authFeature.selectRole)();
      return role ? homePath(role) : '/login';
    },
  },
  { path: '**', component: NotFoundPage, title: 'Page not found' },
];

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/login-page/login-page').then((m) => m.LoginPage),
    title: 'Sign in',
  },
  {
    path: 'change-password',
    canActivate: [signedInGuard],
    loadComponent: () => import('./auth/change-password-page/change-password-page').then((m) => m.ChangePasswordPage),
    title: 'Change password',
  },
  {
    path: '',
    component: Shell,
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    children: shellRoutes,
  },
];
