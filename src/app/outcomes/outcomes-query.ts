import type { Params } from '@angular/router';
import { getRouterSelectors } from '@ngrx/router-store';
import { createSelector } from '@ngrx/store';
import { OutcomesQuery } from '@shared/contracts/outcomes';

/**
 * The dashboard's filters: the contract of GET /api/outcomes/dashboard, `clinician` included (the responsible
 * specialist; the choices come from GET /api/outcomes/clinicians).
 */
export const OutcomesFilters = OutcomesQuery;
export type OutcomesFilters = OutcomesQuery;

/** Filter keys in a fixed order, so that equal filters serialise equally. */
export const FILTER_KEYS = Object.keys(OutcomesFilters.shape).sort() as (keyof OutcomesFilters)[];

export const NO_FILTERS: OutcomesFilters = {};

/**
 * The filters from URL query parameters. Invalid parameters (a hand-edited or outdated bookmark) are
 * dropped one by one rather than failing the page; repeated parameters (`treatment=a&treatment=b`) are lists.
 */
export function outcomesFiltersFromParams(params: Params | null | undefined): OutcomesFilters {
  let input = new Map<string, unknown>();
  for (const key of FILTER_KEYS) {
    const value: unknown = params?.[key];
    if (value !== undefined && value !== '') input.set(key, value);
  }
  for (;;) {
    const result = OutcomesFilters.safeParse(Object.fromEntries(input));
    if (result.success) return normalise(result.data);
    const invalid = new Set(result.error.issues.map((issue) => String(issue.path[0])));
    const kept = new Map([...input].filter(([key]) => !invalid.has(key)));
    if (kept.size === input.size) return NO_FILTERS;
    input = kept;
  }
}

/** Empty lists and values left out, duplicates removed, keys in a fixed order. */
function normalise(filters: OutcomesFilters): OutcomesFilters {
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = Array.isArray(value) ? [...new Set(value as string[])] : value;
  }
  return out as OutcomesFilters;
}

/**
 * Parameters for the URL and for the API (the same: GET /api/outcomes/* takes exactly these, lists as
 * repeated parameters). Empty filters are left out, so the plain page has a plain URL.
 */
export function toParams(filters: OutcomesFilters): Record<string, string | readonly string[]> {
  const params: Record<string, string | readonly string[]> = {};
  for (const [key, value] of Object.entries(normalise(filters))) {
    params[key] = value as string | readonly string[];
  }
  return params;
}

export function sameFilters(a: OutcomesFilters | null, b: OutcomesFilters | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return JSON.stringify(toParams(a)) === JSON.stringify(toParams(b));
}

export function hasFilters(filters: OutcomesFilters): boolean {
  return Object.keys(toParams(filters)).length > 0;
}

const { selectQueryParams, selectUrl } = getRouterSelectors();

/** The filters in the URL (the source of truth: back, forward, bookmarks and shared links work). */
export const selectOutcomesFilters = createSelector(selectQueryParams, (params) => outcomesFiltersFromParams(params));

export const OUTCOMES_PATH = '/outcomes';

/** True while the URL is the outcomes dashboard. */
export const selectOnOutcomes = createSelector(
  selectUrl,
  // Undefined before the first navigation, whatever the type says.
  (url: string | undefined) => (url ?? '').split(/[?#]/)[0] === OUTCOMES_PATH,
);
