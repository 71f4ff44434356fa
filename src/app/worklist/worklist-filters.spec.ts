import { DEFAULT_WORKLIST_QUERY, type WorklistQuery } from './worklist-query';
import { CAUSE_GROUPS, PAIN_GROUPS, activeFilters, hasMoreFilters, painChoice, painFromChoice } from './worklist-filters';

describe('worklist filters', () => {
  const q = (changes: Partial<WorklistQuery>): WorklistQuery => ({ ...DEFAULT_WORKLIST_QUERY, ...changes });

  it('groups the cause catalogue by timing', () => {
    expect(CAUSE_GROUPS.map((g) => g.label)).toEqual(['Pre-operative', 'Operative', 'Post-operative', 'Undetermined']);
    const post = CAUSE_GROUPS.find((g) => g.label === 'Post-operative');
    expect(post?.options).toContain({ value: 'POST-FIB', label: 'Epidural fibrosis (scar)' });
  });

  it('maps "latest pain" to the site and band of the API', () => {
    expect(PAIN_GROUPS.length).toBe(3);
    expect(painFromChoice('leg:7-10')).toEqual({ painSite: 'leg', painBand: '7-10' });
    expect(painFromChoice('either:0-3')).toEqual({ painSite: undefined, painBand: '0-3' });
    expect(painFromChoice(null)).toEqual({ painSite: undefined, painBand: undefined });
    expect(painChoice(q({ painSite: 'back', painBand: '4-6' }))).toBe('back:4-6');
    expect(painChoice(q({ painBand: '4-6' }))).toBe('either:4-6');
    expect(painChoice(q({ painSite: 'back' }))).toBeNull();
  });

  it('lists no chips without filters', () => {
    expect(activeFilters(DEFAULT_WORKLIST_QUERY)).toEqual([]);
  });

  it('lists one chip per filter value, each removing only itself', () => {
    const chips = activeFilters(
      q({
        q: 'smith',
        mine: true,
        status: ['triage', 'assessment'],
        cause: ['POST-FIB'],
        procedure: ['TLIF'],
        surgeon: 'Osei',
        referredFrom: '2025-01-01',
        referredTo: '2025-03-31',
        painSite: 'leg',
        painBand: '7-10',
        redFlag: true,
        overdue: true,
      }),
    );
    expect(chips.map((c) => c.label)).toEqual([
      'Search: smith',
      'My cases',
      'Status: Triage',
      'Status: Assessment',
      'Cause: Epidural fibrosis',
      'Procedure: Transforaminal lumbar interbody fusion (TLIF)',
      'Surgeon: Osei',
      'Referred from 1 Jan 2025',
      'Referred until 31 Mar 2025',
      'Latest pain: Leg: Severe (7-10)',
      'Open red flag',
      'Follow-up overdue',
    ]);
    expect(chips[2]?.remove).toEqual({ status: ['assessment'] });
    expect(chips[4]?.remove).toEqual({ cause: undefined });
    expect(chips[9]?.remove).toEqual({ painSite: undefined, painBand: undefined });
  });

  it('says when filters behind "More filters" are set', () => {
    expect(hasMoreFilters(q({ status: ['triage'], q: 'x' }))).toBeFalse();
    expect(hasMoreFilters(q({ surgeon: 'Osei' }))).toBeTrue();
    expect(hasMoreFilters(q({ painBand: '0-3' }))).toBeTrue();
  });
});
