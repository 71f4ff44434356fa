import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { Count, ResponderRow } from '@shared/contracts/outcomes';
import { BENCHMARKS, type Benchmark, TRIAL_POPULATION_NOTE, benchmarksFor } from '@shared/domain/benchmarks';
import { TREATMENTS, type TreatmentCode } from '@shared/domain/treatments';
import { FEWER_THAN_MIN, countText, nText, percentText, rateWithInterval, treatmentName, wrapLabel } from '../outcomes-format';
import { AXIS_TEXT, type ChartTable, GRID } from './chart-model';
import { type Interval, errorBarsPlugin, whiteBackgroundPlugin } from './chart-plugins';

export type ResponderMonth = 3 | 6 | 12;
export type PainSite = 'back' | 'leg';

export const SITE_LABELS: Readonly<Record<PainSite, string>> = { back: 'Back pain', leg: 'Leg pain' };

/** One bar: the rate in percent, or null when nothing may be drawn (suppressed group, no evaluable patients). */
export interface ResponderBar {
  value: number | null;
  interval: Interval | null;
}

export interface ResponderCategory {
  code: TreatmentCode;
  name: string;
  /** Axis label: the name on a few lines, then the denominator. */
  label: string[];
  /** Patients with a baseline and a value at this follow-up; null when the treatment has no row. */
  evaluable: Count | null;
  suppressed: boolean;
  pain30: ResponderBar;
  pain50: ResponderBar;
}

/** A published figure drawn over a treatment's >= 50% bar. */
export interface BenchmarkMarker {
  id: string;
  categoryIndex: number;
  /** Percent. */
  value: number;
  label: string;
  benchmark: Benchmark;
}

/** Groups listed under a chart instead of drawn in it. */
export interface NotDrawn {
  /** Fewer than 11 patients: never drawn, never a rate. */
  suppressed: string[];
  /** No patient with a result yet. */
  noResults: string[];
}

export interface ResponderChartModel {
  month: ResponderMonth;
  site: PainSite;
  /** The treatments drawn: those with a rate to show, and those in the treatment filter (for their benchmarks). */
  categories: ResponderCategory[];
  notDrawn: NotDrawn;
  /** The groups not drawn, in words, shown under the chart. */
  note: string;
  emptyText: string;
  markers: BenchmarkMarker[];
  /** Every published benchmark, with whether it is drawn on the chart as it is now. */
  benchmarks: { benchmark: Benchmark; drawn: boolean; text: string }[];
  trialNote: string;
  table: ChartTable;
  /** A sentence per treatment for the canvas's accessible name. */
  summary: string;
  empty: boolean;
}

const CATALOGUE_ORDER = new Map<string, number>(TREATMENTS.map((t, i) => [t.code, i]));

function byCatalogue(a: string, b: string): number {
  return (CATALOGUE_ORDER.get(a) ?? 0) - (CATALOGUE_ORDER.get(b) ?? 0);
}

function bar(row: ResponderRow | undefined, rate: ResponderRow['pain30'] | undefined): ResponderBar {
  // A suppressed group is never drawn, whatever else the row holds.
  if (!rate || row?.suppressed !== false || rate.rate === null) return { value: null, interval: null };
  const interval = rate.low !== null && rate.high !== null ? { low: rate.low * 100, high: rate.high * 100 } : null;
  return { value: rate.rate * 100, interval };
}

function denominatorLabel(row: ResponderRow | undefined): string {
  if (!row || row.evaluable.value === 0) return 'no results yet';
  return nText(row.evaluable);
}

/** Short marker label: "PROCESS 48%" (the study without its parenthesis). */
function markerLabel(b: Benchmark): string {
  return `${b.study.split(' (')[0] ?? b.study} ${percentText(b.rate)}`;
}

/** "PROCESS: 48% (24/50) with SCS + conventional medical management vs 9% (4/44) with conventional medical management" */
export function benchmarkText(b: Benchmark): string {
  const of = (responders: number | null, n: number | null) =>
    responders !== null && n !== null ? ` (${String(responders)}/${String(n)})` : '';
  const arm = `${percentText(b.rate)}${of(b.responders, b.n)} with ${b.arm}`;
  const comparator = b.comparator
    ? ` vs ${percentText(b.comparator.rate)}${of(b.comparator.responders, b.comparator.n)} with ${b.comparator.arm}`
    : '';
  const site = b.site === 'leg' ? 'leg' : 'back';
  return `${b.study}: ≥${String(b.thresholdPct)}% ${site}-pain reduction at ${String(b.month)} months, ${arm}${comparator}. ${b.citation}.`;
}

/**
 * The responder chart for one follow-up month and pain site: two bars per treatment (>= 30% and >= 50%
 * reduction in NRS), each with its 95% Wilson interval, and the published benchmarks for that treatment,
 * month and site. Suppressed groups are not drawn. Treatments in the filter are shown even without results,
 * so that their benchmark stays visible.
 */
export function responderChart(
  rows: readonly ResponderRow[],
  view: { month: ResponderMonth; site: PainSite; treatments: readonly TreatmentCode[] },
): ResponderChartModel {
  const { month, site } = view;
  const selected = rows.filter((r) => r.month === month && r.site === site);
  const filtered = new Set<string>(view.treatments);
  const all = [...new Set<TreatmentCode>([...selected.map((r) => r.treatmentCode), ...view.treatments])].sort(byCatalogue);
  const rowOf = (code: TreatmentCode) => selected.find((r) => r.treatmentCode === code);
  const hasRate = (row: ResponderRow | undefined) => bar(row, row?.pain30).value !== null || bar(row, row?.pain50).value !== null;
  const codes = all.filter((code) => filtered.has(code) || hasRate(rowOf(code)));
  const notDrawn: NotDrawn = { suppressed: [], noResults: [] };
  for (const code of all.filter((c) => !codes.includes(c))) {
    (rowOf(code)?.suppressed ? notDrawn.suppressed : notDrawn.noResults).push(treatmentName(code));
  }

  const categories: ResponderCategory[] = codes.map((code) => {
    const row = rowOf(code);
    const name = treatmentName(code);
    return {
      code,
      name,
      label: [...wrapLabel(name, 30, 2), denominatorLabel(row)],
      evaluable: row?.evaluable ?? null,
      suppressed: row?.suppressed ?? false,
      pain30: bar(row, row?.pain30),
      pain50: bar(row, row?.pain50),
    };
  });

  const markers: BenchmarkMarker[] = categories.flatMap((category, categoryIndex) =>
    benchmarksFor(category.code, site, month).map((benchmark) => ({
      id: `${benchmark.id}:${category.code}`,
      categoryIndex,
      value: benchmark.rate * 100,
      label: markerLabel(benchmark),
      benchmark,
    })),
  );
  const drawn = new Set(markers.map((m) => m.benchmark.id));

  const table: ChartTable = {
    caption: `Responders at ${String(month)} months, ${SITE_LABELS[site].toLowerCase()}, by treatment`,
    columns: [
      { id: 'treatment', header: 'Treatment', numeric: false },
      { id: 'evaluable', header: 'Evaluable patients', numeric: true },
      { id: 'missing', header: 'Follow-ups missed', numeric: true },
      { id: 'responders30', header: '≥30% responders', numeric: true },
      { id: 'rate30', header: '≥30% rate (95% CI)', numeric: true },
      { id: 'responders50', header: '≥50% responders', numeric: true },
      { id: 'rate50', header: '≥50% rate (95% CI)', numeric: true },
      { id: 'benchmark', header: 'Published benchmark (≥50%)', numeric: false },
    ],
    rows: all.map((code) => {
      const row = rowOf(code);
      const responders = (rate: ResponderRow['pain30'] | undefined) => {
        if (!row || row.evaluable.value === 0) return '—';
        if (row.suppressed || rate?.responders === null || rate?.responders === undefined)
          return countText({ value: null, suppressed: true });
        return String(rate.responders);
      };
      const rateText = (rate: ResponderRow['pain30'] | undefined) => {
        if (!row || row.evaluable.value === 0) return 'No results yet';
        if (row.suppressed) return `Not shown (${nText(row.evaluable)})`;
        if (rate?.rate === null) return 'Not shown (fewer than 11 responders or non-responders)';
        return rate ? (rateWithInterval(rate.rate, rate.low, rate.high) ?? '—') : '—';
      };
      return {
        treatment: treatmentName(code),
        evaluable: row ? countText(row.evaluable) : '0',
        missing: row ? countText(row.missing) : '0',
        responders30: responders(row?.pain30),
        rate30: rateText(row?.pain30),
        responders50: responders(row?.pain50),
        rate50: rateText(row?.pain50),
        benchmark:
          benchmarksFor(code, site, month)
            .map((b) => `${b.study} ${percentText(b.rate)} (trial)`)
            .join('; ') || '—',
      };
    }),
  };

  const notDrawnText = [
    ...(notDrawn.suppressed.length ? [`Not drawn, ${FEWER_THAN_MIN}: ${notDrawn.suppressed.join(', ')}.`] : []),
    ...(notDrawn.noResults.length ? [`No results yet: ${notDrawn.noResults.join(', ')}.`] : []),
  ].join(' ');
  const summary = categories.length
    ? `Responder rates at ${String(month)} months, ${SITE_LABELS[site].toLowerCase()}. ` +
      categories
        .map((c) => {
          if (c.suppressed) return `${c.name}: ${FEWER_THAN_MIN}, not shown.`;
          if (c.pain30.value === null && c.pain50.value === null) return `${c.name}: no results yet.`;
          const pct = (b: ResponderBar) => (b.value === null ? 'not shown' : `${String(Math.round(b.value))}%`);
          return `${c.name}: ${pct(c.pain30)} with at least 30% and ${pct(c.pain50)} with at least 50% reduction, ${c.label.at(-1) ?? ''}.`;
        })
        .join(' ') +
      (markers.length ? ` Published benchmarks: ${[...new Set(markers.map((m) => m.label))].join(', ')} (trial populations).` : '')
    : `No responder rates to draw at ${String(month)} months for ${SITE_LABELS[site].toLowerCase()}.`;

  return {
    month,
    site,
    categories,
    notDrawn,
    note: notDrawnText,
    emptyText: notDrawn.suppressed.length
      ? `Every treatment has ${FEWER_THAN_MIN} with a result at ${String(month)} months: no rate can be drawn. The table lists them as "<11".`
      : `No responder results at ${String(month)} months yet.`,
    markers,
    benchmarks: BENCHMARKS.map((benchmark) => ({ benchmark, drawn: drawn.has(benchmark.id), text: benchmarkText(benchmark) })),
    trialNote: TRIAL_POPULATION_NOTE,
    table,
    summary,
    empty: categories.length === 0,
  };
}

const PAIN30_COLOUR = '#8ab4e8';
const PAIN50_COLOUR = '#1f5fa8';
const BENCHMARK_COLOUR = '#7a3e00';

/** The chart.js configuration of a responder chart model (grouped bars, whiskers, benchmark lines). */
export function responderChartConfig(model: ResponderChartModel): ChartConfiguration<'bar', (number | null)[], string[]> {
  const bars = [model.categories.map((c) => c.pain30), model.categories.map((c) => c.pain50)];
  const annotations: Record<string, AnnotationOptions> = {};
  for (const marker of model.markers) {
    // Across the lower half of the treatment's row: the >= 50% bar, the threshold the benchmarks use.
    // The label sits beside the line, on the side with room.
    const shift = marker.label.length * 3.3 + 8;
    annotations[marker.id] = {
      type: 'line',
      // Over the whiskers, so that they never cross the label.
      drawTime: 'afterDraw',
      xMin: marker.value,
      xMax: marker.value,
      yMin: marker.categoryIndex - 0.02,
      yMax: marker.categoryIndex + 0.45,
      borderColor: BENCHMARK_COLOUR,
      borderWidth: 2,
      borderDash: [5, 3],
      label: {
        display: true,
        content: marker.label,
        position: 'center',
        xAdjust: marker.value > 70 ? -shift : shift,
        backgroundColor: BENCHMARK_COLOUR,
        color: '#ffffff',
        font: { size: 11, weight: 'bold' },
        padding: { top: 2, bottom: 2, left: 4, right: 4 },
      },
    };
  }
  return {
    type: 'bar',
    data: {
      labels: model.categories.map((c) => c.label),
      datasets: [
        { label: '≥30% reduction', data: bars[0]?.map((b) => b.value) ?? [], backgroundColor: PAIN30_COLOUR, borderColor: PAIN30_COLOUR },
        { label: '≥50% reduction', data: bars[1]?.map((b) => b.value) ?? [], backgroundColor: PAIN50_COLOUR, borderColor: PAIN50_COLOUR },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        y: { ticks: { color: AXIS_TEXT, autoSkip: false }, grid: { display: false } },
        x: {
          min: 0,
          max: 100,
          title: { display: true, text: 'Patients with at least this reduction in pain (%)', color: AXIS_TEXT },
          ticks: { color: AXIS_TEXT, stepSize: 10, callback: (value) => `${String(value)}%` },
          grid: { color: GRID },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: AXIS_TEXT } },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => model.categories[items[0]?.dataIndex ?? 0]?.name ?? '',
            label: (item: TooltipItem<'bar'>) => {
              const b = bars.at(item.datasetIndex)?.at(item.dataIndex);
              if (b?.value == null) return `${item.dataset.label ?? ''}: not shown`;
              const ci = b.interval ? ` (95% CI ${String(Math.round(b.interval.low))}–${String(Math.round(b.interval.high))}%)` : '';
              return `${item.dataset.label ?? ''}: ${String(Math.round(b.value))}%${ci}`;
            },
            footer: (items: TooltipItem<'bar'>[]) => model.categories[items[0]?.dataIndex ?? 0]?.label.at(-1) ?? '',
          },
        },
        annotation: { annotations },
        errorBars: { intervals: bars.map((series) => series.map((b) => b.interval)), color: '#1b1b1f' },
      },
    },
    plugins: [errorBarsPlugin, whiteBackgroundPlugin],
  };
}
