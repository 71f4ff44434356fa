import type { Route } from '@angular/router';
import { shellRoutes } from '../app.routes';
import { routedSections } from '../core/shell/nav-sections';
import adminRoutes from './admin.routes';

describe('admin routes', () => {
  const child = (path: string): Route | undefined => adminRoutes.find((r) => r.path === path);

  it('guard each page with its own permission', () => {
    expect(child('users')?.canActivate?.length).toBe(1);
    expect(child('audit')?.canActivate?.length).toBe(1);
    expect(child('')?.redirectTo).toBe('users');
  });

  it('put Users and Audit log in the navigation', () => {
    const labels = routedSections(shellRoutes).map((s) => s.label);
    expect(labels).toContain('Users');
    expect(labels).toContain('Audit log');
  });
});
