import { aCount } from '../testing/outcomes-fixtures';
import { causeChart, causeChartConfig } from './cause-chart';

describe('cause chart', () => {
  it('stacks confirmed and provisional patients per cause, in catalogue order', () => {
    const model = causeChart([
      { code: 'POST-FIB', confirmed: aCount(21), provisional: aCount(26) },
      { code: 'PRE-DX', confirmed: aCount(12), provisional: aCount(0) },
    ]);
    expect(model.categories.map((c) => c.code)).toEqual(['PRE-DX', 'POST-FIB']);
    const config = causeChartConfig(model);
    expect(config.data.labels).toEqual(['Incorrect diagnosis', 'Epidural fibrosis']);
    expect(config.data.datasets.map((d) => d.data)).toEqual([
      [12, 21],
      [0, 26],
    ]);
    expect(config.options?.indexAxis).toBe('y');
  });

  it('does not draw suppressed counts, and lists causes with nothing to draw', () => {
    const model = causeChart([
      { code: 'POST-FIB', confirmed: aCount(21), provisional: aCount(6) },
      { code: 'POST-ARA', confirmed: aCount(3), provisional: aCount(0) },
    ]);
    expect(causeChartConfig(model).data.datasets.map((d) => d.data)).toEqual([[21], [null]]);
    expect(model.note).toContain('Counts of fewer than 11 patients are not drawn');
    expect(model.note).toContain('Not drawn, fewer than 11 patients: Arachnoiditis.');
    expect(model.table.rows).toEqual([
      { cause: 'Epidural fibrosis', code: 'POST-FIB', confirmed: '21', provisional: '<11' },
      { cause: 'Arachnoiditis', code: 'POST-ARA', confirmed: '<11', provisional: '0' },
    ]);
  });

  it('is empty when nothing can be drawn, and says why', () => {
    expect(causeChart([]).emptyText).toBe('No suspected causes tagged yet.');
    const small = causeChart([{ code: 'POST-ARA', confirmed: aCount(3), provisional: aCount(2) }]);
    expect(small.empty).toBeTrue();
    expect(small.emptyText).toContain('Every cause has fewer than 11 patients');
  });
});
