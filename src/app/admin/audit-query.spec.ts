import {
  DEFAULT_AUDIT_QUERY,
  auditQueryFromParams,
  exportUrl,
  hasAuditFilters,
  sameAuditQuery,
  selectAuditQuery,
  selectOnAudit,
  toApiParams,
  toQueryParams,
} from './audit-query';

const PATIENT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('audit query', () => {
  it('defaults to the first page of 25', () => {
    expect(DEFAULT_AUDIT_QUERY).toEqual({ page: 1, pageSize: 25 });
    expect(auditQueryFromParams({})).toEqual(DEFAULT_AUDIT_QUERY);
    expect(auditQueryFromParams(null)).toEqual(DEFAULT_AUDIT_QUERY);
  });

  it('reads filters and paging from the URL', () => {
    expect(
      auditQueryFromParams({
        username: 'nurse',
        patientId: PATIENT,
        action: 'read',
        outcome: 'denied',
        from: '2025-05-01',
        to: '2025-05-31',
        page: '3',
        pageSize: '50',
      }),
    ).toEqual({
      username: 'nurse',
      patientId: PATIENT,
      action: 'read',
      outcome: 'denied',
      from: '2025-05-01',
      to: '2025-05-31',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops invalid parameters one by one and keeps the rest', () => {
    expect(auditQueryFromParams({ username: 'nurse', outcome: 'maybe', pageSize: '1000', from: '01/05/2025' })).toEqual({
      ...DEFAULT_AUDIT_QUERY,
      username: 'nurse',
    });
  });

  it('ignores empty parameters and unknown ones', () => {
    expect(auditQueryFromParams({ username: '', q: 'x' })).toEqual(DEFAULT_AUDIT_QUERY);
  });

  it('keeps plain URLs plain: defaults and empty filters are left out', () => {
    expect(toQueryParams(DEFAULT_AUDIT_QUERY)).toEqual({});
    expect(toQueryParams({ ...DEFAULT_AUDIT_QUERY, page: 2, username: 'admin' })).toEqual({ page: 2, username: 'admin' });
  });

  it('sends paging explicitly to the API', () => {
    expect(toApiParams({ ...DEFAULT_AUDIT_QUERY, action: 'execute' })).toEqual({ action: 'execute', page: '1', pageSize: '25' });
  });

  it('exports with the filters but without paging', () => {
    expect(exportUrl(DEFAULT_AUDIT_QUERY)).toBe('/api/admin/audit-events/export');
    expect(exportUrl({ ...DEFAULT_AUDIT_QUERY, page: 4, username: 'dr.chen', from: '2025-05-01' })).toBe(
      '/api/admin/audit-events/export?from=2025-05-01&username=dr.chen',
    );
    expect(exportUrl({ ...DEFAULT_AUDIT_QUERY, username: 'a&b' })).toBe('/api/admin/audit-events/export?username=a%26b');
  });

  it('compares queries by value', () => {
    expect(sameAuditQuery({ ...DEFAULT_AUDIT_QUERY }, DEFAULT_AUDIT_QUERY)).toBeTrue();
    expect(sameAuditQuery({ ...DEFAULT_AUDIT_QUERY, page: 2 }, DEFAULT_AUDIT_QUERY)).toBeFalse();
    expect(sameAuditQuery(null, DEFAULT_AUDIT_QUERY)).toBeFalse();
  });

  it('knows whether any filter is set', () => {
    expect(hasAuditFilters({ ...DEFAULT_AUDIT_QUERY, page: 3 })).toBeFalse();
    expect(hasAuditFilters({ ...DEFAULT_AUDIT_QUERY, outcome: 'failed' })).toBeTrue();
  });

  it('selects the query and the page from the router state', () => {
    const state = (url: string, queryParams: Record<string, string>) => ({
      router: { state: { url, root: { queryParams, firstChild: null, params: {}, data: {}, url: [], fragment: null } }, navigationId: 1 },
    });
    expect(selectAuditQuery(state('/admin/audit?username=nurse', { username: 'nurse' }))).toEqual({
      ...DEFAULT_AUDIT_QUERY,
      username: 'nurse',
    });
    expect(selectOnAudit(state('/admin/audit?username=nurse', {}))).toBeTrue();
    expect(selectOnAudit(state('/admin/users', {}))).toBeFalse();
  });
});
