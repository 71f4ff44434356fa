/**
 * The pain chart's inputs and the pure mapping to chart.js configuration. Only `import type` from
 * chart.js here: this file is used by eagerly loaded code, chart.js itself loads with the chart.
 */
import { NRS_MAX, NRS_MIN, PAIN30_PCT, PAIN50_PCT } from '@shared/domain/pain';
import type { ChartData, ChartDataset, ChartOptions, TooltipItem } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';

/** One valid assessment on the chart. Scores missing from an assessment are null (no point drawn). */
export interface PainChartPoint {
  readonly id: string;
  /** When it was taken (ISO 8601). */
  readonly at: string;
  readonly back: number | null;
  readonly leg: number | null;
  /** Imported scores without a body site ("Site unspecified" series). */
  readonly unspecified: number | null;
  /** ODI percentage 0-100. */
  readonly odi: number | null;
  readonly recordedBy: string | null;
}

/** A treatment on the time axis: courses are shaded from start to end (or today), procedures are markers. */
export interface TreatmentAnnotation {
  readonly label: string;
  /** YYYY-MM-DD. */
  readonly start: string;
  /** YYYY-MM-DD; null while a course is still going. Ignored for procedures. */
  readonly end: string | null;
  readonly kind: 'course' | 'procedure';
}

/** A treatment annotation in words (the list under the chart, for everyone and for screen readers). */
export function describeTreatment(t: TreatmentAnnotation): string {
  const start = formatDate(dayStart(t.start));
  if (t.kind === 'procedure') return `${t.label}: procedure on ${start}`;
  return `${t.label}: ${start} to ${t.end ? formatDate(dayStart(t.end)) : 'now'}`;
}

export interface BaselineValue {
  readonly value: number;
  /** When the baseline score was taken (ISO 8601). */
  readonly at: string;
}

/** The last valid scores on or before the start of the current treatment (the responder baseline). */
export interface PainBaseline {
  /** The treatment the baseline belongs to, e.g. "Spinal cord stimulation". */
  readonly treatment: string;
  /** Its start date (YYYY-MM-DD); the reduction levels are shaded from here on. */
  readonly start: string;
  readonly back: BaselineValue | null;
  readonly leg: BaselineValue | null;
}

export const CHART_RANGES = ['3m', '6m', '1y', 'all'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
export const CHART_RANGE_LABELS: Readonly<Record<ChartRange, string>> = {
  '3m': '3 months',
  '6m': '6 months',
  '1y': '1 year',
  all: 'All',
};

export type PainChartView = 'chart' | 'table';

export const PAIN_SERIES = ['back', 'leg', 'unspecified', 'odi'] as const;
export type PainSeries = (typeof PAIN_SERIES)[number];
export type BandSite = 'back' | 'leg';

export interface SeriesStyle {
  readonly label: string;
  /** Line and point colour; each series also has its own point shape and dash, so colour is not the only cue. */
  readonly color: string;
  readonly pointStyle: 'circle' | 'rectRot' | 'triangle' | 'rect';
  readonly dash: number[];
  readonly axis: 'y' | 'y1';
}

export const SERIES_STYLES: Readonly<Record<PainSeries, SeriesStyle>> = {
  back: { label: 'Back pain', color: '#0b57d0', pointStyle: 'circle', dash: [], axis: 'y' },
  leg: { label: 'Leg pain', color: '#a04a00', pointStyle: 'rectRot', dash: [], axis: 'y' },
  unspecified: { label: 'Site unspecified', color: '#5f6368', pointStyle: 'triangle', dash: [2, 3], axis: 'y' },
  odi: { label: 'ODI', color: '#6a3fb5', pointStyle: 'rect', dash: [6, 4], axis: 'y1' },
};

/** Long series (10 years of weekly entries) are thinned for drawing; the table always has every entry. */
export const DECIMATION = { enabled: true, algorithm: 'lttb', samples: 200, threshold: 300 } as const;
/** Above this many points in view, points are drawn only on hover. */
export const MAX_POINTS_WITH_MARKERS = 120;

const BAND_30 = 'rgba(46, 125, 50, 0.10)';
const BAND_50 = 'rgba(46, 125, 50, 0.20)';
const COURSE_FILL = 'rgba(103, 80, 164, 0.08)';
const TREATMENT_LINE = '#6750a4';

/** A chart point: x in epoch ms, y the score; `by` and `id` ride along for the tooltip. */
export interface XY {
  readonly x: number;
  readonly y: number;
  readonly by: string | null;
  readonly id: string;
}

const MONTHS: Readonly<Record<Exclude<ChartRange, 'all'>, number>> = { '3m': 3, '6m': 6, '1y': 12 };

/** Start of a range ending now (epoch ms); null for "all". Calendar months, e.g. 3 months before 31 May is 28 Feb. */
export function rangeStart(range: ChartRange, now: number): number | null {
  if (range === 'all') return null;
  const d = new Date(now);
  const day = d.getDate();
  d.setDate(1);
  d.setMonth(d.getMonth() - MONTHS[range]);
  const lastDay = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
  d.setDate(Math.min(day, lastDay));
  return d.getTime();
}

/** Local midnight of a YYYY-MM-DD date (clinical dates are calendar dates in the clinic's zone). */
export function dayStart(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

/** Local end of the day of `now`: the right edge of the chart. */
export function endOfDay(now: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() - 1;
}

/** Points of a series, oldest first (the decimation plugin needs sorted data), without gaps. */
export function seriesData(points: readonly PainChartPoint[], series: PainSeries): XY[] {
  const data: XY[] = [];
  for (const p of points) {
    const y = p[series];
    if (y !== null) data.push({ x: Date.parse(p.at), y, by: p.recordedBy, id: p.id });
  }
  return data.sort((a, b) => a.x - b.x);
}

/** Points within [start, end] (start null: from the beginning). */
export function pointsInRange(points: readonly PainChartPoint[], start: number | null, end: number): PainChartPoint[] {
  return points.filter((p) => {
    const t = Date.parse(p.at);
    return (start === null || t >= start) && t <= end;
  });
}

/** Series that have data (the unspecified series appears only for imported scores). */
export function seriesWithData(points: readonly PainChartPoint[]): PainSeries[] {
  return PAIN_SERIES.filter((series) => points.some((p) => p[series] !== null));
}

export function buildChartData(
  points: readonly PainChartPoint[],
  visible: ReadonlySet<PainSeries>,
  inView: number,
): ChartData<'line', XY[]> {
  const markers = inView <= MAX_POINTS_WITH_MARKERS;
  const datasets: ChartDataset<'line', XY[]>[] = seriesWithData(points).map((series) => {
    const style = SERIES_STYLES[series];
    return {
      label: style.label,
      data: seriesData(points, series),
      yAxisID: style.axis,
      hidden: !visible.has(series),
      borderColor: style.color,
      backgroundColor: style.color,
      borderDash: style.dash,
      borderWidth: 2,
      pointStyle: style.pointStyle,
      pointRadius: markers ? 4 : 0,
      pointHoverRadius: 6,
      pointHitRadius: 8,
      tension: 0,
      // The decimation plugin works only on unparsed, sorted data.
      parsing: false,
      normalized: true,
    };
  });
  return { datasets };
}

/** The score at a reduction of `pct` percent from the baseline, e.g. 30% of 8 -> 5.6. */
export function reducedBy(baseline: number, pct: number): number {
  return (baseline * (100 - pct)) / 100;
}

/** Which site's reduction levels to shade by default: the worse (higher) baseline, leg on a tie. */
export function defaultBandSite(baseline: PainBaseline | null): BandSite {
  if (!baseline) return 'leg';
  const back = baseline.back?.value ?? -1;
  const leg = baseline.leg?.value ?? -1;
  return back > leg ? 'back' : 'leg';
}

export interface AnnotationInput {
  readonly baseline: PainBaseline | null;
  readonly bandSite: BandSite;
  readonly treatments: readonly TreatmentAnnotation[];
  readonly visible: ReadonlySet<PainSeries>;
  readonly now: number;
  /** Left edge of the time axis (null: all time). A course that began earlier is drawn (and labelled) from here. */
  readonly from?: number | null;
}

/** Vertical offset of the i-th treatment label (px): four rows, then again from the top. */
export function labelOffset(i: number): number {
  return (i % 4) * 16;
}

function formatNrs(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * Annotations: the baseline of each visible site as a dashed line; for the chosen site the 30% and 50%
 * reduction levels (IMMPACT: moderate and substantial, PAIN30_PCT / PAIN50_PCT) shaded from the
 * treatment's start; treatment courses shaded, procedures as vertical markers. None widens the axes.
 */
export function buildAnnotations(input: AnnotationInput): Record<string, AnnotationOptions> {
  const out: Record<string, AnnotationOptions> = {};
  const { baseline, visible } = input;
  for (const [i, t] of input.treatments.entries()) {
    const start = dayStart(t.start);
    if (t.kind === 'course') {
      out[`treatment-${String(i)}`] = {
        type: 'box',
        adjustScaleRange: false,
        drawTime: 'beforeDatasetsDraw',
        xMin: input.from != null ? Math.max(start, input.from) : start,
        xMax: t.end ? endOfDay(dayStart(t.end)) : input.now,
        yScaleID: 'y',
        yMin: NRS_MIN,
        yMax: NRS_MAX,
        backgroundColor: COURSE_FILL,
        borderWidth: 0,
        label: {
          display: true,
          content: t.label,
          position: { x: 'start', y: 'start' },
          // Staggered, so that labels of treatments starting close together (or before the range) do not overlap.
          yAdjust: labelOffset(i),
          color: TREATMENT_LINE,
          font: { size: 11 },
        },
      };
    } else {
      out[`treatment-${String(i)}`] = {
        type: 'line',
        adjustScaleRange: false,
        scaleID: 'x',
        value: start,
        borderColor: TREATMENT_LINE,
        borderWidth: 2,
        label: {
          display: true,
          content: t.label,
          position: 'start',
          yAdjust: labelOffset(i),
          backgroundColor: 'rgba(255, 255, 255, 0.9)',
          color: TREATMENT_LINE,
          font: { size: 11 },
        },
      };
    }
  }
  if (baseline) {
    for (const site of ['back', 'leg'] as const) {
      const value = baseline[site];
      if (!value || !visible.has(site)) continue;
      const style = SERIES_STYLES[site];
      out[`baseline-${site}`] = {
        type: 'line',
        adjustScaleRange: false,
        yScaleID: 'y',
        yMin: value.value,
        yMax: value.value,
        borderColor: style.color,
        borderDash: [4, 4],
        borderWidth: 1.5,
        label: {
          display: true,
          content: `${style.label} baseline ${formatNrs(value.value)}`,
          position: 'start',
          backgroundColor: 'rgba(255, 255, 255, 0.9)',
          color: style.color,
          font: { size: 11 },
        },
      };
    }
    const band = baseline[input.bandSite];
    if (band && visible.has(input.bandSite)) {
      const xMin = dayStart(baseline.start);
      out['band-30'] = {
        type: 'box',
        adjustScaleRange: false,
        drawTime: 'beforeDatasetsDraw',
        xMin,
        yScaleID: 'y',
        yMin: reducedBy(band.value, PAIN50_PCT),
        yMax: reducedBy(band.value, PAIN30_PCT),
        backgroundColor: BAND_30,
        borderWidth: 0,
        label: {
          display: true,
          content: `${String(PAIN30_PCT)}–${String(PAIN50_PCT - 1)}% lower`,
          position: { x: 'end', y: 'center' },
          font: { size: 10 },
          color: '#1b5e20',
        },
      };
      out['band-50'] = {
        type: 'box',
        adjustScaleRange: false,
        drawTime: 'beforeDatasetsDraw',
        xMin,
        yScaleID: 'y',
        yMin: NRS_MIN,
        yMax: reducedBy(band.value, PAIN50_PCT),
        backgroundColor: BAND_50,
        borderWidth: 0,
        label: {
          display: true,
          content: `${String(PAIN50_PCT)}% or more lower`,
          position: { x: 'end', y: 'center' },
          font: { size: 10 },
          color: '#1b5e20',
        },
      };
    }
  }
  return out;
}

// The app's dates read "3 Mar 2026" (DatePipe 'd MMM y'); Intl's en-GB would write "Sept".
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "3 Mar 2026" (en-GB order, local time). */
export function formatDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${String(d.getDate())} ${MONTHS_SHORT[d.getMonth()]} ${String(d.getFullYear())}`;
}

/** "3 Mar 2026, 10:32" (24-hour clock). */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${formatDate(epochMs)}, ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function formatScore(series: PainSeries, value: number): string {
  return series === 'odi' ? `${value.toFixed(1)}%` : formatNrs(value);
}

function seriesOfLabel(label: string | undefined): PainSeries {
  return PAIN_SERIES.find((series) => SERIES_STYLES[series].label === label) ?? 'back';
}

export interface OptionsInput extends AnnotationInput {
  readonly range: ChartRange;
  /** Whether any ODI is drawn (the right-hand axis shows only then). */
  readonly showOdiAxis: boolean;
  /** Locale for the date adapter (date-fns `enGB`), passed in so this file stays free of runtime imports. */
  readonly dateLocale: unknown;
}

export function buildOptions(input: OptionsInput): ChartOptions<'line'> {
  const start = rangeStart(input.range, input.now);
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    normalized: true,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    scales: {
      x: {
        type: 'time',
        min: start ?? undefined,
        max: endOfDay(input.now),
        adapters: { date: { locale: input.dateLocale } },
        time: {
          tooltipFormat: 'd MMM yyyy, HH:mm',
          displayFormats: { day: 'd MMM', week: 'd MMM', month: 'MMM yyyy', quarter: 'MMM yyyy', year: 'yyyy' },
        },
        ticks: { maxRotation: 0, autoSkip: true },
        grid: { color: 'rgba(0, 0, 0, 0.06)' },
      },
      y: {
        type: 'linear',
        position: 'left',
        min: NRS_MIN,
        max: NRS_MAX,
        ticks: { stepSize: 2 },
        title: { display: true, text: 'Pain NRS (0–10)' },
      },
      y1: {
        type: 'linear',
        position: 'right',
        display: input.showOdiAxis,
        min: 0,
        max: 100,
        ticks: { stepSize: 20 },
        grid: { drawOnChartArea: false },
        title: { display: true, text: 'ODI (%)' },
      },
    },
    plugins: {
      legend: { display: false },
      decimation: { ...DECIMATION },
      tooltip: {
        callbacks: {
          title: (items: TooltipItem<'line'>[]) => (items[0] ? formatDateTime((items[0].raw as XY).x) : ''),
          label: (item: TooltipItem<'line'>) => {
            const series = seriesOfLabel(item.dataset.label);
            return `${SERIES_STYLES[series].label}: ${formatScore(series, (item.raw as XY).y)}`;
          },
          footer: (items: TooltipItem<'line'>[]) => {
            const by = items[0] ? (items[0].raw as XY).by : null;
            return by ? `Recorded by ${by}` : 'Recorder not known';
          },
        },
      },
      annotation: { annotations: buildAnnotations({ ...input, from: start }) },
    },
  };
}
