import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import type { Count, Trajectory } from '@shared/contracts/outcomes';
import { TREATMENTS, type TreatmentCode } from '@shared/domain/treatments';
import { FEWER_THAN_MIN, countText, treatmentName } from '../outcomes-format';
import { AXIS_TEXT, type ChartTable, GRID, seriesColour, withAlpha } from './chart-model';
import { whiteBackgroundPlugin } from './chart-plugins';
import { type PainSite, SITE_LABELS } from './responder-chart';

export interface TrajectoryPointModel {
  month: number;
  n: Count;
  /** Null when not shown (suppressed group) or nobody was assessed. */
  mean: number | null;
  low: number | null;
  high: number | null;
}

export interface TrajectorySeries {
  code: TreatmentCode;
  name: string;
  colour: string;
  points: TrajectoryPointModel[];
}

export interface TrajectoryChartModel {
  site: PainSite;
  /** Treatments with at least one mean to draw, in catalogue order (each keeps its colour whichever are drawn). */
  available: TrajectorySeries[];
  /** The ones drawn (lines overlap beyond a handful, so the chart draws a choice; the table has them all). */
  series: TrajectorySeries[];
  /** Months on the axis: 0 is the baseline (before treatment). */
  months: number[];
  table: ChartTable;
  summary: string;
  note: string;
  empty: boolean;
  emptyText: string;
}

/** Lines drawn when nobody has chosen: more overlap into a tangle. */
export const DEFAULT_TRAJECTORY_SERIES = 4;

const CATALOGUE_ORDER = new Map<string, number>(TREATMENTS.map((t, i) => [t.code, i]));

export function monthText(month: number): string {
  return month === 0 ? 'Baseline' : `${String(month)} ${month === 1 ? 'month' : 'months'}`;
}

function meanText(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

function baselineN(s: TrajectorySeries): number {
  return s.points.find((p) => p.month === 0)?.n.value ?? 0;
}

/**
 * Mean NRS over months since the start of each treatment, with 95% confidence bands; suppressed points are
 * gaps, treatments with nothing to draw are listed instead. Drawn: `chosen` (among those with something to
 * draw), else the treatment filter's, else the few with the most patients at baseline.
 */
export function trajectoryChart(
  trajectories: readonly Trajectory[],
  site: PainSite,
  chosen: readonly TreatmentCode[] | null,
  filtered: readonly TreatmentCode[] = [],
): TrajectoryChartModel {
  const all = trajectories
    .filter((t) => t.site === site)
    .sort((a, b) => (CATALOGUE_ORDER.get(a.treatmentCode) ?? 0) - (CATALOGUE_ORDER.get(b.treatmentCode) ?? 0))
    .map((t) => ({
      code: t.treatmentCode,
      name: treatmentName(t.treatmentCode),
      points: t.points.map((p) => ({
        month: p.month,
        n: p.n,
        // Never draw a suppressed group, whatever the numbers say.
        mean: p.n.suppressed ? null : p.mean,
        low: p.n.suppressed ? null : p.low,
        high: p.n.suppressed ? null : p.high,
      })),
    }));
  const drawable = all.filter((s) => s.points.some((p) => p.mean !== null));
  const available: TrajectorySeries[] = drawable.map((s, i) => ({ ...s, colour: seriesColour(i) }));
  const pick = (codes: readonly TreatmentCode[]) => available.filter((s) => codes.includes(s.code));
  let series = chosen ? pick(chosen) : [];
  if (!series.length) series = pick(filtered).slice(0, DEFAULT_TRAJECTORY_SERIES);
  if (!series.length) {
    const largest = [...available].sort((a, b) => baselineN(b) - baselineN(a)).slice(0, DEFAULT_TRAJECTORY_SERIES);
    series = available.filter((s) => largest.includes(s));
  }
  const months = [...new Set(all.flatMap((s) => s.points.map((p) => p.month)))].sort((a, b) => a - b);
  const siteText = SITE_LABELS[site].toLowerCase();

  const table: ChartTable = {
    caption: `Mean ${siteText} (NRS 0-10) by months since treatment start, all treatments`,
    columns: [
      { id: 'treatment', header: 'Treatment', numeric: false },
      { id: 'month', header: 'Time since start', numeric: false },
      { id: 'n', header: 'Patients', numeric: true },
      { id: 'mean', header: 'Mean NRS', numeric: true },
      { id: 'ci', header: '95% CI', numeric: true },
    ],
    rows: all.flatMap((s) =>
      s.points.map((p) => ({
        treatment: s.name,
        month: monthText(p.month),
        n: countText(p.n),
        mean: p.n.suppressed ? 'Not shown' : meanText(p.mean),
        ci: p.low !== null && p.high !== null ? `${meanText(p.low)}–${meanText(p.high)}` : '—',
      })),
    ),
  };

  const notDrawn = all.filter((s) => !drawable.includes(s)).map((s) => s.name);
  const note = [
    available.length > series.length ? `${String(series.length)} of ${String(available.length)} treatments drawn; choose others above. The table lists all.` : '',
    series.some((s) => s.points.some((p) => p.n.suppressed)) ? `Points with ${FEWER_THAN_MIN} are gaps.` : '',
    notDrawn.length ? `Not drawn, ${FEWER_THAN_MIN} at every point: ${notDrawn.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  const summary = series.length
    ? `Mean ${siteText} over months since treatment start. ` +
      series
        .map((s) => `${s.name}: ${s.points.filter((p) => p.mean !== null).map((p) => `${monthText(p.month).toLowerCase()} ${meanText(p.mean)}`).join(', ')}.`)
        .join(' ')
    : `No ${siteText} scores to draw.`;

  return {
    site,
    available,
    series,
    months,
    table,
    summary,
    note,
    empty: series.length === 0,
    emptyText: all.length ? `Every treatment has ${FEWER_THAN_MIN} at every point: nothing can be drawn. The table lists them as "<11".` : `No ${siteText} scores after treatment yet.`,
  };
}

/** Line per treatment, with its band drawn as two hidden lines filled between (chart.js Filler). */
export function trajectoryChartConfig(model: TrajectoryChartModel): ChartConfiguration<'line', { x: number; y: number | null }[]> {
  const datasets: ChartDataset<'line', { x: number; y: number | null }[]>[] = [];
  const bandIndexes = new Set<number>();
  for (const s of model.series) {
    const band = { borderWidth: 0, pointRadius: 0, pointHoverRadius: 0, pointHitRadius: 0, backgroundColor: withAlpha(s.colour, 0.14), spanGaps: false };
    bandIndexes.add(datasets.length);
    datasets.push({ ...band, label: `${s.name} (95% CI low)`, data: s.points.map((p) => ({ x: p.month, y: p.low })), fill: false });
    bandIndexes.add(datasets.length);
    datasets.push({ ...band, label: `${s.name} (95% CI high)`, data: s.points.map((p) => ({ x: p.month, y: p.high })), fill: '-1' });
    datasets.push({
      label: s.name,
      data: s.points.map((p) => ({ x: p.month, y: p.mean })),
      borderColor: s.colour,
      backgroundColor: s.colour,
      borderWidth: 2,
      pointRadius: 3,
      fill: false,
      spanGaps: false,
    });
  }
  const ticks = model.months.length ? model.months : [0, 1, 3, 6, 12];
  const points = new Map(model.series.map((s) => [s.name, s.points]));
  return {
    type: 'line',
    data: { datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: Math.min(...ticks),
          max: Math.max(...ticks),
          title: { display: true, text: 'Months since treatment start', color: AXIS_TEXT },
          afterBuildTicks: (axis) => {
            axis.ticks = ticks.map((value) => ({ value }));
          },
          ticks: { color: AXIS_TEXT, callback: (value) => (value === 0 ? 'Baseline' : `${String(value)} m`) },
          grid: { color: GRID },
        },
        y: {
          min: 0,
          max: 10,
          title: { display: true, text: `Mean ${SITE_LABELS[model.site].toLowerCase()} (NRS 0-10)`, color: AXIS_TEXT },
          ticks: { color: AXIS_TEXT, stepSize: 2 },
          grid: { color: GRID },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { color: AXIS_TEXT, filter: (item) => !bandIndexes.has(item.datasetIndex ?? -1) },
        },
        tooltip: {
          filter: (item: TooltipItem<'line'>) => !bandIndexes.has(item.datasetIndex),
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => monthText(items[0]?.parsed.x ?? 0),
            label: (item: TooltipItem<'line'>) => {
              const p = points.get(item.dataset.label ?? '')?.at(item.dataIndex);
              if (p?.mean == null) return `${item.dataset.label ?? ''}: not shown`;
              const ci = p.low !== null && p.high !== null ? ` (95% CI ${meanText(p.low)}–${meanText(p.high)})` : '';
              return `${item.dataset.label ?? ''}: ${meanText(p.mean)}${ci}, n = ${countText(p.n)}`;
            },
          },
        },
      },
    },
    plugins: [whiteBackgroundPlugin],
  };
}
