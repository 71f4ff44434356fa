import { aCount, aTrajectory } from '../testing/outcomes-fixtures';
import { DEFAULT_TRAJECTORY_SERIES, monthText, trajectoryChart, trajectoryChartConfig } from './trajectory-chart';

describe('trajectory chart', () => {
  const scs = aTrajectory('SCS-IMPLANT', 'leg', [7.5, 4, 3.8, 3.9, 4.2]);
  const physio = aTrajectory('PHYSIO', 'leg', [6, 5.5, 5.2, 5.1, null]);

  it('draws a mean line per treatment with its 95% band (two filled lines, kept out of the legend)', () => {
    const model = trajectoryChart([scs, physio], 'leg', null);
    expect(model.series.map((s) => s.code)).toEqual(['PHYSIO', 'SCS-IMPLANT']);
    const config = trajectoryChartConfig(model);
    expect(config.data.datasets.length).toBe(6);
    const [low, high, mean] = config.data.datasets;
    expect(low.data[0]).toEqual({ x: 0, y: 5.5 });
    expect(high.fill).toBe('-1');
    expect(mean.data.map((p) => p.y)).toEqual([6, 5.5, 5.2, 5.1, null]);
    const legendFilter = config.options?.plugins?.legend?.labels?.filter;
    expect(legendFilter?.({ datasetIndex: 0 } as never, config.data as never)).toBeFalse();
    expect(legendFilter?.({ datasetIndex: 2 } as never, config.data as never)).toBeTrue();
  });

  it('leaves a gap for a suppressed point and never draws its mean or band', () => {
    const leaky = { ...scs, points: scs.points.map((p) => (p.month === 12 ? { ...p, n: aCount(5) } : p)) };
    const model = trajectoryChart([leaky], 'leg', null);
    const last = model.series[0]?.points.at(-1);
    expect(last).toEqual({ month: 12, n: { value: null, suppressed: true }, mean: null, low: null, high: null });
    expect(model.table.rows.at(-1)).toEqual({ treatment: 'Spinal cord stimulator, permanent implant (conventional)', month: '12 months', n: '<11', mean: 'Not shown', ci: '—' });
    expect(model.note).toContain('Points with fewer than 11 patients are gaps.');
  });

  it('lists a treatment with nothing to draw instead of drawing it', () => {
    const small = aTrajectory('ITDD', 'leg', [7, 6, 6, 6, 6], 4);
    const model = trajectoryChart([scs, small], 'leg', null);
    expect(model.series.map((s) => s.code)).toEqual(['SCS-IMPLANT']);
    expect(model.note).toContain('Not drawn, fewer than 11 patients at every point: Intrathecal drug delivery pump.');
    expect(model.table.rows.filter((r) => r['treatment'] === 'Intrathecal drug delivery pump').length).toBe(5);
  });

  it('draws the chosen treatments, else the filtered ones, else the largest groups', () => {
    const many = (['PHYSIO', 'PMP-CBT', 'MED-NSAID', 'ESI-TF', 'MBB', 'RFA'] as const).map((code, i) => aTrajectory(code, 'leg', [6, 5, 5, 5, 5], 20 + i));
    expect(trajectoryChart(many, 'leg', null).series.map((s) => s.code)).toEqual(['MED-NSAID', 'ESI-TF', 'MBB', 'RFA']);
    expect(trajectoryChart(many, 'leg', null).series.length).toBe(DEFAULT_TRAJECTORY_SERIES);
    expect(trajectoryChart(many, 'leg', null, ['PHYSIO']).series.map((s) => s.code)).toEqual(['PHYSIO']);
    expect(trajectoryChart(many, 'leg', ['MED-NSAID', 'PHYSIO']).series.map((s) => s.code)).toEqual(['PHYSIO', 'MED-NSAID']);
    // A choice no longer on the chart (other filters) falls back to the default.
    expect(trajectoryChart(many, 'leg', ['ITDD']).series.length).toBe(DEFAULT_TRAJECTORY_SERIES);
    expect(trajectoryChart(many, 'leg', null).note).toContain('4 of 6 treatments drawn');
  });

  it('keeps each treatment in its colour whichever are drawn', () => {
    const all = trajectoryChart([scs, physio], 'leg', null);
    const one = trajectoryChart([scs, physio], 'leg', ['SCS-IMPLANT']);
    expect(one.series[0]?.colour).toBe(all.series.find((s) => s.code === 'SCS-IMPLANT')?.colour ?? '');
  });

  it('shows the chosen pain site only', () => {
    const back = aTrajectory('PHYSIO', 'back', [5, 4, 4, 4, 4]);
    expect(trajectoryChart([scs, back], 'back', null).series.map((s) => s.code)).toEqual(['PHYSIO']);
    expect(trajectoryChart([scs], 'back', null).empty).toBeTrue();
  });

  it('names the months', () => {
    expect([0, 1, 6].map(monthText)).toEqual(['Baseline', '1 month', '6 months']);
  });
});
