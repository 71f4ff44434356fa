import { InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import { SECTIONS } from '@shared/domain/permissions';

export type Section = (typeof SECTIONS)[number];

/** The sections of the side navigation whose pages exist (see {@link routedSections}). */
export const NAV_SECTIONS = new InjectionToken<readonly Section[]>('NAV_SECTIONS');

/**
 * The sections (src/shared/domain/permissions.ts) that have a route among `routes` (the shell's
 * children): a section shows up in the navigation as soon as its route is added, and never before.
 * A section matches a route with the same path, or a route with children or lazy children whose path
 * is a leading part of it (`admin` for `/admin/users`).
 */
export function routedSections(routes: Routes): Section[] {
  return SECTIONS.filter((section) => {
    const target = section.path.replace(/^\//, '');
    return routes.some((route) => {
      const path = route.path;
      if (!path || path === '**' || path.includes(':')) return false;
      if (path === target) return true;
      const hasChildren = Boolean(route.children ?? route.loadChildren);
      return hasChildren && target.startsWith(`${path}/`);
    });
  });
}
