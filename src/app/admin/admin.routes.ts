import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import { permissionGuard } from '../auth/auth-guard';
import { loadAuditEvents, navigateToAuditQuery } from './state/audit.effects';
import { auditFeature } from './state/audit.feature';
import { createUser, loadUsers, lookUpConflictAuthor, resetPassword, updateUser } from './state/users.effects';
import { usersFeature } from './state/users.feature';

/** `/admin/...`: user accounts and the audit trail (issue 3). Each page checks its own permission. */
export default [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  {
    path: 'users',
    // Each page is its own chunk: the users page's dialogs and menus, and the audit page's datepicker, load only where used.
    loadComponent: () => import('./users-page/users-page').then((m) => m.UsersPage),
    title: 'Users',
    canActivate: [permissionGuard('user.manage')],
    providers: [provideState(usersFeature), provideEffects({ loadUsers, createUser, updateUser, resetPassword, lookUpConflictAuthor })],
  },
  {
    path: 'audit',
    loadComponent: () => import('./audit-page/audit-page').then((m) => m.AuditPage),
    title: 'Audit log',
    canActivate: [permissionGuard('audit.read')],
    providers: [provideState(auditFeature), provideEffects({ loadAuditEvents, navigateToAuditQuery })],
  },
] satisfies Routes;
