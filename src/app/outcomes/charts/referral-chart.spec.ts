import { CASE_STATUSES } from '@shared/domain/case-status';
import type { ReferralMonth } from '@shared/contracts/outcomes';
import { aCount } from '../testing/outcomes-fixtures';
import { referralChart, referralChartConfig } from './referral-chart';

function aMonth(month: string, byStatus: Partial<Record<(typeof CASE_STATUSES)[number], number>>): ReferralMonth {
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return {
    month,
    total: aCount(total),
    byStatus: Object.fromEntries(CASE_STATUSES.map((s) => [s, aCount(byStatus[s] ?? 0)])) as ReferralMonth['byStatus'],
  };
}

describe('referral chart', () => {
  const months = [aMonth('2025-01', { discharged: 12, treatment: 14 }), aMonth('2025-02', { treatment: 5, 'follow-up': 11 })];

  it('stacks the case statuses per month and draws the total as a line', () => {
    const config = referralChartConfig(referralChart(months));
    expect(config.data.labels).toEqual(['Jan 2025', 'Feb 2025']);
    const byLabel = Object.fromEntries(config.data.datasets.map((d) => [d.label, d.data]));
    expect(byLabel.Treatment).toEqual([14, null]);
    expect(byLabel['Follow-up']).toEqual([0, 11]);
    expect(byLabel['All referrals']).toEqual([26, 16]);
    expect(config.data.datasets.at(-1)?.type).toBe('line');
  });

  it('lists "<11" in the table and notes what is not drawn', () => {
    const model = referralChart(months);
    expect(model.table.rows[1]).toEqual(jasmine.objectContaining({ month: 'Feb 2025', total: '16', treatment: '<11', 'follow-up': '11' }));
    expect(model.note).toContain('not drawn');
  });

  it('is empty when every month is suppressed, and says why', () => {
    const small = referralChart([aMonth('2025-01', { triage: 3 }), aMonth('2025-02', {})]);
    expect(small.empty).toBeTrue();
    expect(small.emptyText).toContain('Every month has fewer than 11 patients');
    expect(referralChart([aMonth('2025-01', {})]).emptyText).toBe('No referrals in the last 24 months.');
  });
});
