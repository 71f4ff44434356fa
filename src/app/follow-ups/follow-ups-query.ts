import type { Params } from '@angular/router';
import { getRouterSelectors } from '@ngrx/router-store';
import { createSelector } from '@ngrx/store';
import { FollowUpDueQuery } from '@shared/contracts/plans';

export type FollowUpsDue = 'week' | 'overdue' | 'all';

/** The follow-ups page's query (GET /api/follow-ups), kept in the URL. */
export interface FollowUpsQuery {
  readonly due: FollowUpsDue;
  /** Only patients whose responsible specialist or named nurse is the user. */
  readonly mine: boolean;
  readonly page: number;
  readonly pageSize: number;
}

/** The page opens on what is due this week (the API's own default is "all"). */
export const DEFAULT_FOLLOW_UPS_QUERY: FollowUpsQuery = { due: 'week', mine: false, page: 1, pageSize: 25 };
export const PAGE_SIZE_OPTIONS = [10, 25, 50, 100] as const;

const shape = FollowUpDueQuery.shape;

/** The query from URL parameters, each checked by the shared contract; an invalid one falls back to its default. */
export function followUpsQueryFromParams(params: Params | null | undefined): FollowUpsQuery {
  const due = shape.due.safeParse(params?.['due']);
  const mine = shape.mine.safeParse(params?.['mine']);
  const page = shape.page.safeParse(params?.['page']);
  const pageSize = shape.pageSize.safeParse(params?.['pageSize']);
  return {
    due: params?.['due'] !== undefined && due.success ? due.data : DEFAULT_FOLLOW_UPS_QUERY.due,
    mine: mine.success ? (mine.data ?? false) : false,
    page: page.success ? page.data : DEFAULT_FOLLOW_UPS_QUERY.page,
    pageSize: pageSize.success ? pageSize.data : DEFAULT_FOLLOW_UPS_QUERY.pageSize,
  };
}

/** URL parameters: defaults left out, so plain links stay plain. */
export function toQueryParams(query: FollowUpsQuery): Params {
  const params: Params = {};
  if (query.due !== DEFAULT_FOLLOW_UPS_QUERY.due) params['due'] = query.due;
  if (query.mine) params['mine'] = 'true';
  if (query.page !== DEFAULT_FOLLOW_UPS_QUERY.page) params['page'] = String(query.page);
  if (query.pageSize !== DEFAULT_FOLLOW_UPS_QUERY.pageSize) params['pageSize'] = String(query.pageSize);
  return params;
}

/** Parameters for GET /api/follow-ups: always explicit. */
export function toApiParams(query: FollowUpsQuery): Record<string, string> {
  return {
    due: query.due,
    ...(query.mine ? { mine: 'true' } : {}),
    page: String(query.page),
    pageSize: String(query.pageSize),
  };
}

export function sameQuery(a: FollowUpsQuery | null, b: FollowUpsQuery | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.due === b.due && a.mine === b.mine && a.page === b.page && a.pageSize === b.pageSize;
}

const { selectQueryParams, selectUrl } = getRouterSelectors();

/** The query in the URL (the source of truth: back, forward and bookmarks work). */
export const selectFollowUpsQuery = createSelector(selectQueryParams, (params) => followUpsQueryFromParams(params));

export const FOLLOW_UPS_PATH = '/follow-ups';

/** True while the URL is the follow-ups page. */
export const selectOnFollowUps = createSelector(selectUrl, (url: string | undefined) => (url ?? '').split(/[?#]/)[0] === FOLLOW_UPS_PATH);
