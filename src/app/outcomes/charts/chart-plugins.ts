import type { Chart, ChartType, Plugin } from 'chart.js';

/** A 95% confidence interval in the units of the value axis. */
export interface Interval {
  low: number;
  high: number;
}

export interface ErrorBarsOptions {
  /** Per dataset, per data point: the interval to draw, or null (nothing drawn). */
  intervals: readonly (readonly (Interval | null)[])[];
  color: string;
}

declare module 'chart.js' {
  // Options of the inline plugins below, typed like chart.js's own.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    errorBars?: ErrorBarsOptions;
  }
}

/**
 * Draws a confidence interval over each bar of a bar chart (vertical or horizontal, `indexAxis: 'y'`): a
 * whisker from `low` to `high` with caps. Bars that are not drawn (null values, e.g. suppressed groups)
 * get no whisker.
 */
export const errorBarsPlugin: Plugin<'bar'> = {
  id: 'errorBars',
  afterDatasetsDraw(chart: Chart<'bar'>) {
    // The raw options: chart.js's resolver would treat the nested arrays as indexable (per data point) options.
    const raw = chart.config.options;
    // chart.js types options as deeply partial; ours are always given whole (responderChartConfig).
    const options = raw?.plugins?.errorBars as ErrorBarsOptions | undefined;
    const horizontal = raw?.indexAxis === 'y';
    const scale = chart.scales[horizontal ? 'x' : 'y'];
    if (!options) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.lineWidth = 1.5;
    options.intervals.forEach((intervals, datasetIndex) => {
      if (!chart.isDatasetVisible(datasetIndex)) return;
      const meta = chart.getDatasetMeta(datasetIndex);
      intervals.forEach((interval, index) => {
        const bar = meta.data.at(index) as { x: number; y: number; width?: number; height?: number } | undefined;
        const value = chart.data.datasets.at(datasetIndex)?.data.at(index);
        if (!interval || !bar || value === null || value === undefined) return;
        const from = scale.getPixelForValue(interval.low);
        const to = scale.getPixelForValue(interval.high);
        const thickness = (horizontal ? bar.height : bar.width) ?? 16;
        const cap = Math.min(thickness / 4, 6);
        ctx.beginPath();
        if (horizontal) {
          ctx.moveTo(from, bar.y);
          ctx.lineTo(to, bar.y);
          ctx.moveTo(from, bar.y - cap);
          ctx.lineTo(from, bar.y + cap);
          ctx.moveTo(to, bar.y - cap);
          ctx.lineTo(to, bar.y + cap);
        } else {
          ctx.moveTo(bar.x, from);
          ctx.lineTo(bar.x, to);
          ctx.moveTo(bar.x - cap, from);
          ctx.lineTo(bar.x + cap, from);
          ctx.moveTo(bar.x - cap, to);
          ctx.lineTo(bar.x + cap, to);
        }
        ctx.stroke();
      });
    });
    ctx.restore();
  },
};

/** Paints the canvas white under the chart, so that a downloaded PNG is not transparent. */
export const whiteBackgroundPlugin: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart: Chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};
