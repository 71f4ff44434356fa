import {
  DEFAULT_WORKLIST_QUERY,
  hasFilters,
  parseSort,
  sameQuery,
  toApiParams,
  toQueryParams,
  worklistQueryFromParams,
} from './worklist-query';

describe('worklist query', () => {
  it('defaults to page 1 of 25, most urgent first', () => {
    expect(DEFAULT_WORKLIST_QUERY).toEqual({ page: 1, pageSize: 25, sort: 'priority' });
    expect(worklistQueryFromParams({})).toEqual(DEFAULT_WORKLIST_QUERY);
  });

  it('reads URL parameters, repeated ones as lists', () => {
    expect(
      worklistQueryFromParams({
        page: '3',
        pageSize: '50',
        sort: '-referredOn',
        q: ' smith ',
        status: ['triage', 'referred'],
        cause: 'PRE-DX',
        redFlag: 'true',
      }),
    ).toEqual({
      page: 3,
      pageSize: 50,
      sort: '-referredOn',
      q: 'smith',
      status: ['triage', 'referred'],
      cause: ['PRE-DX'],
      redFlag: true,
    });
  });

  it('drops invalid parameters and keeps the rest', () => {
    expect(worklistQueryFromParams({ page: 'abc', pageSize: '1000', sort: 'password', status: ['triage', 'nonsense'], q: 'jo' })).toEqual({
      ...DEFAULT_WORKLIST_QUERY,
      q: 'jo',
    });
  });

  it('ignores empty and unknown parameters', () => {
    expect(worklistQueryFromParams({ q: '', foo: 'bar', returnUrl: '/x' })).toEqual(DEFAULT_WORKLIST_QUERY);
  });

  it('writes only non-default values to the URL', () => {
    expect(toQueryParams(DEFAULT_WORKLIST_QUERY)).toEqual({});
    expect(toQueryParams({ ...DEFAULT_WORKLIST_QUERY, page: 2, sort: '-name', status: ['triage'], redFlag: true, overdue: false })).toEqual(
      {
        page: 2,
        sort: '-name',
        status: ['triage'],
        redFlag: 'true',
      },
    );
  });

  it('round-trips through the URL', () => {
    const query = worklistQueryFromParams({ page: '2', sort: '-backNrs', status: ['triage', 'assessment'], q: 'MRN1' });
    const params = Object.fromEntries(
      Object.entries(toQueryParams(query)).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]),
    );
    expect(worklistQueryFromParams(params)).toEqual(query);
  });

  it('always sends paging and sort to the API', () => {
    expect(toApiParams({ ...DEFAULT_WORKLIST_QUERY, cause: ['PRE-DX', 'OP-HW'] })).toEqual({
      cause: ['PRE-DX', 'OP-HW'],
      page: '1',
      pageSize: '25',
      sort: 'priority',
    });
  });

  it('compares queries by value', () => {
    expect(sameQuery({ ...DEFAULT_WORKLIST_QUERY, q: 'a' }, { q: 'a', ...DEFAULT_WORKLIST_QUERY })).toBeTrue();
    expect(sameQuery({ ...DEFAULT_WORKLIST_QUERY, page: 2 }, DEFAULT_WORKLIST_QUERY)).toBeFalse();
    expect(sameQuery(null, DEFAULT_WORKLIST_QUERY)).toBeFalse();
  });

  it('knows when filters are set', () => {
    expect(hasFilters(DEFAULT_WORKLIST_QUERY)).toBeFalse();
    expect(hasFilters({ ...DEFAULT_WORKLIST_QUERY, page: 4, sort: '-name' })).toBeFalse();
    expect(hasFilters({ ...DEFAULT_WORKLIST_QUERY, q: 'smith' })).toBeTrue();
    expect(hasFilters({ ...DEFAULT_WORKLIST_QUERY, status: ['triage'] })).toBeTrue();
  });

  it('parses sort direction', () => {
    expect(parseSort('-name')).toEqual({ field: 'name', direction: 'desc' });
    expect(parseSort('priority')).toEqual({ field: 'priority', direction: 'asc' });
  });
});
