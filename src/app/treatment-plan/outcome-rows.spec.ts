import { anOutcome } from './testing/plan-fixtures';
import { changeText, outcomeRows } from './outcome-rows';

describe('outcome rows', () => {
  const rows = outcomeRows(anOutcome());
  const row = (label: string) => rows.find((r) => r.label === label);

  it('starts with the baseline: the last scores on or before the start, without change or category', () => {
    expect(rows[0]).toEqual(
      jasmine.objectContaining({
        label: 'Baseline',
        kind: 'baseline',
        when: '3 Jan 2025',
        back: { value: '6', change: null, category: null, categoryLabel: null },
        leg: { value: '8', change: null, category: null, categoryLabel: null },
      }),
    );
    expect(rows[0]?.odi.value).toBe('40');
  });

  it('shows each assessed follow-up with its value, change, percent change and the shared responder category', () => {
    const m3 = row('3 months');
    expect(m3?.kind).toBe('completed');
    expect(m3?.when).toBe('12 Apr 2025');
    expect(m3?.back).toEqual({ value: '3', change: '−3 (50% lower)', category: 'substantial', categoryLabel: 'Substantial (50% or more)' });
    expect(m3?.leg).toEqual({ value: '5', change: '−3 (37.5% lower)', category: 'moderate', categoryLabel: 'Moderate (30-49%)' });
  });

  it('flags the ODI change against the 10-point rule', () => {
    expect(row('3 months')?.odi).toEqual({ value: '32', change: '−8 points', tenPoints: false, tenPointsLabel: 'Under 10 points better' });
    const better = outcomeRows(
      anOutcome({
        followUps: [{ ...anOutcome().followUps[1], odi: { value: 20, change: 20, odi10pt: true } }],
      }),
    );
    expect(better[1]?.odi.tenPointsLabel).toBe('10 points or more better');
  });

  it('shows a missed follow-up as missing data, not as a non-response', () => {
    const m1 = row('1 month');
    expect(m1?.kind).toBe('missed');
    expect(m1?.statusLabel).toBe('Missed');
    expect(m1?.back.value).toBe('Missing');
    expect(m1?.back.category).toBeNull();
    expect(m1?.back.categoryLabel).toBeNull();
    expect(m1?.odi.tenPoints).toBeNull();
  });

  it('shows a follow-up not yet due with its due date', () => {
    const m6 = row('6 months');
    expect(m6?.kind).toBe('due');
    expect(m6?.when).toBe('Due 10 Jul 2025');
    expect(m6?.leg.value).toBe('Not yet');
  });

  it('says when there is no baseline to compare with', () => {
    const noBaseline = outcomeRows(
      anOutcome({
        baseline: { back: null, leg: 7, odi: null, assessedAt: null },
        followUps: [
          {
            ...anOutcome().followUps[1],
            back: { value: 4, change: null, percent: null, category: null },
            odi: { value: 30, change: null, odi10pt: null },
          },
        ],
      }),
    );
    expect(noBaseline[0]?.when).toBe('No assessment before the start');
    expect(noBaseline[0]?.back.value).toBe('None before the start');
    expect(noBaseline[1]?.back.categoryLabel).toBe('No baseline');
    expect(noBaseline[1]?.odi.tenPointsLabel).toBe('No baseline');
  });

  it('writes changes with the sign convention of the shared rules (positive change = better)', () => {
    expect(changeText(3, 50)).toBe('−3 (50% lower)');
    expect(changeText(-2, -33.3)).toBe('+2 (33.3% higher)');
    expect(changeText(0, 0)).toBe('No change');
    expect(changeText(2, null)).toBe('−2');
    expect(changeText(null, null)).toBeNull();
  });
});
