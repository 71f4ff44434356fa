import type { Chart } from 'chart.js';
import { errorBarsPlugin, whiteBackgroundPlugin } from './chart-plugins';

/** A canvas context that records the lines drawn. */
function recordingContext() {
  const segments: [number, number, number, number][] = [];
  let from: [number, number] = [0, 0];
  const ctx = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    globalCompositeOperation: 'source-over',
    save: jasmine.createSpy('save'),
    restore: jasmine.createSpy('restore'),
    beginPath: jasmine.createSpy('beginPath'),
    stroke: jasmine.createSpy('stroke'),
    fillRect: jasmine.createSpy('fillRect'),
    moveTo: (x: number, y: number) => {
      from = [x, y];
    },
    lineTo: (x: number, y: number) => {
      segments.push([...from, x, y]);
    },
  };
  return { ctx, segments };
}

/** Just what the plugin reads of a chart: value axis at 2 px per unit from 0. */
function fakeChart(indexAxis: 'x' | 'y', data: (number | null)[], intervals: ({ low: number; high: number } | null)[]) {
  const { ctx, segments } = recordingContext();
  const scale = { getPixelForValue: (v: number) => v * 2 };
  const chart = {
    ctx,
    width: 400,
    height: 300,
    config: { options: { indexAxis, plugins: { errorBars: { intervals: [intervals], color: '#123456' } } } },
    scales: indexAxis === 'y' ? { x: scale } : { y: scale },
    data: { datasets: [{ data }] },
    isDatasetVisible: () => true,
    getDatasetMeta: () => ({ data: data.map((_, i) => ({ x: 100 + i * 50, y: 100 + i * 50, width: 20, height: 20 })) }),
  };
  return { chart: chart as unknown as Chart<'bar'>, ctx, segments };
}

describe('chart plugins', () => {
  const draw = (chart: Chart<'bar'>) => {
    (errorBarsPlugin.afterDatasetsDraw as (c: Chart<'bar'>, args: unknown, options: unknown) => void)(chart, {}, {});
  };

  it('draws a whisker with caps from low to high over a horizontal bar', () => {
    const { chart, ctx, segments } = fakeChart('y', [45], [{ low: 30, high: 60 }]);
    draw(chart);
    expect(ctx.strokeStyle).toBe('#123456');
    // Whisker along the bar's centre line, then a cap at each end.
    expect(segments).toEqual([
      [60, 100, 120, 100],
      [60, 95, 60, 105],
      [120, 95, 120, 105],
    ]);
  });

  it('draws vertical whiskers for vertical bars', () => {
    const { chart, segments } = fakeChart('x', [45], [{ low: 30, high: 60 }]);
    draw(chart);
    expect(segments[0]).toEqual([100, 60, 100, 120]);
  });

  it('draws nothing for a bar that is not drawn (suppressed) or has no interval', () => {
    const { chart, segments } = fakeChart('y', [null, 20], [{ low: 30, high: 60 }, null]);
    draw(chart);
    expect(segments).toEqual([]);
  });

  it('paints a white background under the chart (for PNG downloads)', () => {
    const { chart, ctx } = fakeChart('y', [], []);
    (whiteBackgroundPlugin.beforeDraw as (c: Chart, args: unknown, options: unknown) => void)(chart as unknown as Chart, {}, {});
    expect(ctx.fillStyle).toBe('#ffffff');
    expect(ctx.globalCompositeOperation).toBe('destination-over');
    expect(ctx.fillRect).toHaveBeenCalledWith(0, 0, 400, 300);
  });
});
