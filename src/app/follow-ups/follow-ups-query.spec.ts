import { DEFAULT_FOLLOW_UPS_QUERY, followUpsQueryFromParams, sameQuery, toApiParams, toQueryParams } from './follow-ups-query';

describe('follow-ups query', () => {
  it('opens on "due this week", page 1', () => {
    expect(followUpsQueryFromParams({})).toEqual({ due: 'week', mine: false, page: 1, pageSize: 25 });
  });

  it('reads the tab, "my patients" and paging from the URL', () => {
    expect(followUpsQueryFromParams({ due: 'overdue', mine: 'true', page: '3', pageSize: '50' })).toEqual({
      due: 'overdue',
      mine: true,
      page: 3,
      pageSize: 50,
    });
  });

  it('drops invalid parameters one by one (a hand-edited bookmark)', () => {
    expect(followUpsQueryFromParams({ due: 'yesterday', mine: 'maybe', page: '-1', pageSize: '500' })).toEqual(DEFAULT_FOLLOW_UPS_QUERY);
    expect(followUpsQueryFromParams({ due: 'all', page: 'x' })).toEqual({ ...DEFAULT_FOLLOW_UPS_QUERY, due: 'all' });
  });

  it('keeps defaults out of the URL, and sends everything to the API', () => {
    expect(toQueryParams(DEFAULT_FOLLOW_UPS_QUERY)).toEqual({});
    expect(toQueryParams({ due: 'all', mine: true, page: 2, pageSize: 25 })).toEqual({ due: 'all', mine: 'true', page: '2' });
    expect(toApiParams(DEFAULT_FOLLOW_UPS_QUERY)).toEqual({ due: 'week', page: '1', pageSize: '25' });
    expect(toApiParams({ ...DEFAULT_FOLLOW_UPS_QUERY, mine: true })).toEqual({ due: 'week', mine: 'true', page: '1', pageSize: '25' });
  });

  it('compares queries by value', () => {
    expect(sameQuery({ ...DEFAULT_FOLLOW_UPS_QUERY }, DEFAULT_FOLLOW_UPS_QUERY)).toBeTrue();
    expect(sameQuery({ ...DEFAULT_FOLLOW_UPS_QUERY, page: 2 }, DEFAULT_FOLLOW_UPS_QUERY)).toBeFalse();
    expect(sameQuery(null, DEFAULT_FOLLOW_UPS_QUERY)).toBeFalse();
  });
});
