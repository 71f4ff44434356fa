import type { Params } from '@angular/router';
import { getRouterSelectors } from '@ngrx/router-store';
import { createSelector } from '@ngrx/store';
import { AuditEventQuery } from '@shared/contracts/admin';

/** The audit viewer's query: filters and paging (the contract of GET /api/admin/audit-events). */
export type AuditQuery = AuditEventQuery;

/** The filters (everything but paging), as the export takes them. */
export type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize'>;

export const DEFAULT_AUDIT_QUERY: AuditQuery = AuditEventQuery.parse({});
export const AUDIT_PAGE_SIZE_OPTIONS = [25, 50, 100] as const;

/** Query keys in a fixed order, so that equal queries serialise equally. */
const QUERY_KEYS = Object.keys(AuditEventQuery.shape).sort() as (keyof AuditQuery)[];

export const AUDIT_FILTER_KEYS = QUERY_KEYS.filter((key): key is keyof AuditFilters => key !== 'page' && key !== 'pageSize');

/**
 * The query from URL query parameters. Invalid parameters (a hand-edited or outdated bookmark) are dropped
 * one by one rather than failing the page.
 */
export function auditQueryFromParams(params: Params | null | undefined): AuditQuery {
  let input = new Map<string, unknown>();
  for (const key of QUERY_KEYS) {
    const raw: unknown = params?.[key];
    // A repeated parameter: the first one counts.
    const value: unknown = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== '') input.set(key, value);
  }
  for (;;) {
    const result = AuditEventQuery.safeParse(Object.fromEntries(input));
    if (result.success) return normalise(result.data);
    const invalid = new Set(result.error.issues.map((issue) => String(issue.path[0])));
    const kept = new Map([...input].filter(([key]) => !invalid.has(key)));
    if (kept.size === input.size) return DEFAULT_AUDIT_QUERY;
    input = kept;
  }
}

function normalise(query: AuditQuery): AuditQuery {
  const out: Record<string, unknown> = {};
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    out[key] = value;
  }
  return out as AuditQuery;
}

/** Parameters for the URL: defaults and empty filters are left out, so plain links stay plain. */
export function toQueryParams(query: AuditQuery): Params {
  const params: Params = {};
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === '' || value === DEFAULT_AUDIT_QUERY[key]) continue;
    params[key] = value;
  }
  return params;
}

/** Parameters for GET /api/admin/audit-events: like the URL's, but paging is always explicit. */
export function toApiParams(query: AuditQuery): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    params[key] = String(value);
  }
  return params;
}

/** The CSV export of every event matching the filters (the server audits the export itself). */
export function exportUrl(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return `/api/admin/audit-events/export${search ? `?${search}` : ''}`;
}

export function sameAuditQuery(a: AuditQuery | null, b: AuditQuery | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return JSON.stringify(toApiParams(a)) === JSON.stringify(toApiParams(b));
}

export function hasAuditFilters(query: AuditQuery): boolean {
  return AUDIT_FILTER_KEYS.some((key) => query[key] !== undefined && query[key] !== '');
}

const { selectQueryParams, selectUrl } = getRouterSelectors();

/** The audit query in the URL (the source of truth: back, forward and bookmarks work). */
export const selectAuditQuery = createSelector(selectQueryParams, (params) => auditQueryFromParams(params));

export const AUDIT_PATH = '/admin/audit';

/** True while the URL is the audit viewer. */
export const selectOnAudit = createSelector(
  selectUrl,
  // Undefined before the first navigation, whatever the type says.
  (url: string | undefined) => (url ?? '').split(/[?#]/)[0] === AUDIT_PATH,
);
