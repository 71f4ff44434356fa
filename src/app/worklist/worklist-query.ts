import type { Params } from '@angular/router';
import { getRouterSelectors } from '@ngrx/router-store';
import { createSelector } from '@ngrx/store';
import { PatientListQuery } from '@shared/contracts/patients';

/** The worklist's query: page, sort and filters (the contract of GET /api/patients). */
export type WorklistQuery = PatientListQuery;

export const DEFAULT_WORKLIST_QUERY: WorklistQuery = PatientListQuery.parse({});
export const PAGE_SIZE_OPTIONS = [10, 25, 50, 100] as const;

/** Query keys in a fixed order, so that equal queries serialise equally. */
const QUERY_KEYS = Object.keys(PatientListQuery.shape).sort() as (keyof WorklistQuery)[];

/** The filters a user can clear (everything but paging and sort). */
export const FILTER_KEYS = QUERY_KEYS.filter((key) => key !== 'page' && key !== 'pageSize' && key !== 'sort');

/**
 * The query from URL query parameters. Invalid parameters (a hand-edited or outdated bookmark) are
 * dropped one by one rather than failing the page; repeated parameters (`status=a&status=b`) are lists.
 */
export function worklistQueryFromParams(params: Params | null | undefined): WorklistQuery {
  let input = new Map<string, unknown>();
  for (const key of QUERY_KEYS) {
    const value: unknown = params?.[key];
    if (value !== undefined && value !== '') input.set(key, value);
  }
  for (;;) {
    const result = PatientListQuery.safeParse(Object.fromEntries(input));
    if (result.success) return normalise(result.data);
    const invalid = new Set(result.error.issues.map((issue) => String(issue.path[0])));
    const kept = new Map([...input].filter(([key]) => !invalid.has(key)));
    // Nothing left to drop: the defaults it is.
    if (kept.size === input.size) return DEFAULT_WORKLIST_QUERY;
    input = kept;
  }
}

function normalise(query: WorklistQuery): WorklistQuery {
  const out: Record<string, unknown> = {};
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = Array.isArray(value) ? [...new Set(value as string[])] : value;
  }
  return out as WorklistQuery;
}

/** Parameters for the URL: defaults and empty filters are left out, so plain links stay plain. */
export function toQueryParams(query: WorklistQuery): Params {
  const params: Params = {};
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (value === DEFAULT_WORKLIST_QUERY[key]) continue;
    params[key] = typeof value === 'boolean' ? String(value) : value;
  }
  return params;
}

/** Parameters for GET /api/patients: like the URL's, but paging and sort are always explicit. */
export function toApiParams(query: WorklistQuery): Record<string, string | readonly string[]> {
  const params: Record<string, string | readonly string[]> = {};
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length) params[key] = value as readonly string[];
    } else {
      params[key] = String(value);
    }
  }
  return params;
}

export function sameQuery(a: WorklistQuery | null, b: WorklistQuery | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return JSON.stringify(toApiParams(a)) === JSON.stringify(toApiParams(b));
}

export function hasFilters(query: WorklistQuery): boolean {
  return FILTER_KEYS.some((key) => {
    const value = query[key];
    return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
  });
}

/** `-field` sorts descending. */
export function parseSort(sort: string): { field: string; direction: 'asc' | 'desc' } {
  return sort.startsWith('-') ? { field: sort.slice(1), direction: 'desc' } : { field: sort, direction: 'asc' };
}

const { selectQueryParams, selectUrl } = getRouterSelectors();

/** The worklist query in the URL (the source of truth: back, forward and bookmarks work). */
export const selectWorklistQuery = createSelector(selectQueryParams, (params) => worklistQueryFromParams(params));

export const WORKLIST_PATH = '/worklist';

/** True while the URL is the worklist page. */
export const selectOnWorklist = createSelector(
  selectUrl,
  // Undefined before the first navigation, whatever the type says.
  (url: string | undefined) => (url ?? '').split(/[?#]/)[0] === WORKLIST_PATH,
);
