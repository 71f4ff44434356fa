import { dashboardTiles, filterSummary, monthLabel, nText, rateWithInterval, wrapLabel } from './outcomes-format';
import { CLINICIANS, aCount, aDashboard } from './testing/outcomes-fixtures';

describe('outcomes formatting', () => {
  it('shows suppressed counts as "<11"', () => {
    expect(nText(aCount(5))).toBe('n <11');
    expect(nText(aCount(12))).toBe('n = 12');
    expect(nText(aCount(0))).toBe('n = 0');
  });

  it('writes rates with their interval in whole percent', () => {
    expect(rateWithInterval(0.4812, 0.35, 0.612)).toBe('48% (95% CI 35–61%)');
    expect(rateWithInterval(0.5, null, null)).toBe('50%');
    expect(rateWithInterval(null, 0.1, 0.2)).toBeNull();
  });

  it('turns the tiles into labelled figures, "<11" where suppressed', () => {
    const tiles = dashboardTiles(aDashboard().tiles, '2025-11-20');
    expect(tiles.map((t) => [t.label, t.value])).toEqual([
      ['Active cases', '160'],
      ['New referrals this month', '<11'],
      ['Median days to first treatment', '42 days'],
      ['Follow-up completion', '75%'],
      ['Open red flags', '0'],
    ]);
    expect(tiles[1]?.detail).toBe('Referred since 1 November 2025');
    expect(tiles[3]?.detail).toBe('90 completed of 120 due');
  });

  it('never turns a small group into a rate or median', () => {
    const tiles = dashboardTiles(
      {
        ...aDashboard().tiles,
        medianDaysToFirstTreatment: { value: null, n: aCount(4) },
        followUpCompletion: { completed: aCount(3), due: aCount(6), rate: null },
      },
      '2025-11-20',
    );
    expect(tiles[2]).toEqual(jasmine.objectContaining({ value: 'Not shown', detail: 'Fewer than 11 patients have started treatment' }));
    expect(tiles[3]).toEqual(jasmine.objectContaining({ value: 'Not shown', detail: 'Fewer than 11 follow-ups due' }));
  });

  it('says the filters in words (for the page and the printout)', () => {
    expect(filterSummary({})).toEqual([]);
    expect(
      filterSummary({
        referredFrom: '2025-01-01',
        referredTo: '2025-06-30',
        treatment: ['SCS-IMPLANT'],
        status: ['treatment', 'follow-up'],
        cause: ['POST-FIB'],
        procedure: ['TLIF'],
      }),
    ).toEqual([
      'Referred 1 Jan 2025 to 30 Jun 2025',
      'Index procedure: Transforaminal lumbar interbody fusion (TLIF)',
      'Suspected cause: Epidural fibrosis',
      'Treatment: Spinal cord stimulator, permanent implant (conventional)',
      'Case status: Treatment, Follow-up',
    ]);
    expect(filterSummary({ referredTo: '2025-06-30' })).toEqual(['Referred on or before 30 Jun 2025']);
  });

  it('names the chosen clinician, while the list loads and when it no longer holds them', () => {
    const id = CLINICIANS[1]?.id ?? '';
    expect(filterSummary({ clinician: id, status: ['treatment'] }, CLINICIANS)).toEqual([
      'Case status: Treatment',
      'Clinician: Dr Ben Hart',
    ]);
    expect(filterSummary({ clinician: id }, null)).toEqual(['Clinician: one clinician']);
    expect(filterSummary({ clinician: id }, [])).toEqual(['Clinician: a clinician not in the list']);
  });

  it('wraps long axis labels and shortens the last line', () => {
    expect(wrapLabel('Pain management programme / CBT', 18)).toEqual(['Pain management', 'programme / CBT']);
    expect(wrapLabel('one two three four five six seven', 8, 2)).toEqual(['one two', 'three…']);
    expect(monthLabel('2025-03')).toBe('Mar 2025');
  });
});
