import { ODI_CHANGE_BINS, type OdiChangeRow } from '@shared/contracts/outcomes';
import { aCount } from '../testing/outcomes-fixtures';
import { binLabel, odiChart, odiChartConfig } from './odi-chart';

function aRow(treatmentCode: OdiChangeRow['treatmentCode'], month: 6 | 12, bins: number[]): OdiChangeRow {
  const n = bins.reduce((a, b) => a + b, 0);
  return {
    treatmentCode,
    month,
    n: aCount(n),
    bins: ODI_CHANGE_BINS.map((label, i) => ({ label, count: n > 0 && n < 11 ? { value: null, suppressed: true } : aCount(bins[i] ?? 0) })),
  };
}

describe('ODI change chart', () => {
  const rows = [aRow('SCS-IMPLANT', 6, [0, 4, 11, 12, 13]), aRow('PHYSIO', 6, [1, 2, 3, 1, 0]), aRow('SCS-IMPLANT', 12, [11, 0, 0, 0, 20])];

  it('stacks patients per change band, worse to better, for the chosen month', () => {
    const model = odiChart(rows, 6);
    expect(model.categories.map((c) => c.code)).toEqual(['SCS-IMPLANT']);
    const config = odiChartConfig(model);
    expect(config.data.datasets.map((d) => d.label)).toEqual(ODI_CHANGE_BINS.map(binLabel));
    expect(config.data.datasets.map((d) => d.data[0])).toEqual([0, null, 11, 12, 13]);
    expect(config.data.labels?.[0]?.at(-1)).toBe('n = 40');
    expect(odiChart(rows, 12).categories[0]?.bins.map((b) => b.value)).toEqual([11, 0, 0, 0, 20]);
  });

  it('does not draw a group under 11 patients, and shows it as "<11" in the table', () => {
    const model = odiChart(rows, 6);
    expect(model.note).toContain('Physiotherapy / exercise rehabilitation');
    expect(model.table.rows.find((r) => r['treatment'].startsWith('Physio'))).toEqual(
      jasmine.objectContaining({ n: '<11', bin0: '<11', bin4: '<11' }),
    );
  });

  it('is empty without results for the month', () => {
    expect(odiChart([], 12).empty).toBeTrue();
    expect(odiChart([], 12).emptyText).toBe('No ODI results at 12 months yet.');
  });
});
