import type { Routes } from '@angular/router';
import { routedSections } from './nav-sections';

describe('routedSections', () => {
  it('keeps only the sections that have a route', () => {
    const routes: Routes = [{ path: 'worklist', loadChildren: () => Promise.resolve([]) }, { path: 'forbidden' }, { path: '**' }];
    expect(routedSections(routes).map((s) => s.path)).toEqual(['/worklist']);
  });

  it('matches nested section paths through a parent route with children', () => {
    const routes: Routes = [{ path: 'admin', loadChildren: () => Promise.resolve([]) }];
    expect(routedSections(routes).map((s) => s.path)).toEqual(['/admin/users', '/admin/audit']);
  });

  it('matches a multi-segment route path exactly', () => {
    const routes: Routes = [{ path: 'referrals/new' }];
    expect(routedSections(routes).map((s) => s.path)).toEqual(['/referrals/new']);
  });

  it('ignores a leaf route that is only a prefix', () => {
    const routes: Routes = [{ path: 'admin' }];
    expect(routedSections(routes)).toEqual([]);
  });
});
