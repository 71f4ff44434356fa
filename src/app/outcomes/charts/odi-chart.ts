import type { ChartConfiguration } from 'chart.js';
import { type Count, ODI_CHANGE_BINS, type OdiChangeRow } from '@shared/contracts/outcomes';
import { TREATMENTS, type TreatmentCode } from '@shared/domain/treatments';
import { FEWER_THAN_MIN, countText, countValue, nText, treatmentName, wrapLabel } from '../outcomes-format';
import { AXIS_TEXT, type ChartTable, GRID } from './chart-model';
import { whiteBackgroundPlugin } from './chart-plugins';

export type OdiMonth = 6 | 12;

export interface OdiCategory {
  code: TreatmentCode;
  name: string;
  n: Count;
  bins: Count[];
}

export interface OdiChartModel {
  month: OdiMonth;
  /** Treatments with a group to draw (11 patients or more). */
  categories: OdiCategory[];
  table: ChartTable;
  summary: string;
  note: string;
  empty: boolean;
  emptyText: string;
}

/** Worse (red) to better (green), as ODI_CHANGE_BINS runs. */
export const ODI_BIN_COLOURS = ['#b3261e', '#e8a09a', '#c4c6d0', '#8fd1b5', '#00795c'] as const;

const CATALOGUE_ORDER = new Map<string, number>(TREATMENTS.map((t, i) => [t.code, i]));

/** "better by 10-19" -> "Better by 10-19 points". */
export function binLabel(label: string): string {
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} points`;
}

/** How ODI scores changed from baseline by treatment (patients per band; 10 points is the minimal important change). */
export function odiChart(rows: readonly OdiChangeRow[], month: OdiMonth): OdiChartModel {
  const all = rows
    .filter((r) => r.month === month)
    .sort((a, b) => (CATALOGUE_ORDER.get(a.treatmentCode) ?? 0) - (CATALOGUE_ORDER.get(b.treatmentCode) ?? 0))
    .map((r) => ({
      code: r.treatmentCode,
      name: treatmentName(r.treatmentCode),
      n: r.n,
      // A bin of a suppressed group is never shown, whatever the row holds.
      bins: ODI_CHANGE_BINS.map((label) => {
        const bin = r.bins.find((b) => b.label === label)?.count ?? { value: 0, suppressed: false };
        return r.n.suppressed ? { value: null, suppressed: true } : bin;
      }),
    }));
  const categories = all.filter((c) => !c.n.suppressed && c.bins.some((b) => (countValue(b) ?? 0) > 0));
  const table: ChartTable = {
    caption: `Change in ODI from baseline to ${String(month)} months, patients per band, by treatment`,
    columns: [
      { id: 'treatment', header: 'Treatment', numeric: false },
      { id: 'n', header: 'Patients', numeric: true },
      ...ODI_CHANGE_BINS.map((label, i) => ({ id: `bin${String(i)}`, header: binLabel(label), numeric: true })),
    ],
    rows: all.map((c) => ({
      treatment: c.name,
      n: countText(c.n),
      ...Object.fromEntries(c.bins.map((count, i) => [`bin${String(i)}`, countText(count)])),
    })),
  };
  const notDrawn = all.filter((c) => !categories.includes(c)).map((c) => c.name);
  const note = [
    categories.some((c) => c.bins.some((b) => b.suppressed)) ? `Bands of ${FEWER_THAN_MIN} are not drawn ("<11" in the table).` : '',
    notDrawn.length ? `Not drawn (groups or bands of ${FEWER_THAN_MIN}): ${notDrawn.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const summary = categories.length
    ? `Change in Oswestry Disability Index from baseline to ${String(month)} months. ${categories
        .map((c) => `${c.name}, ${countText(c.n)} patients: ${c.bins.map((b, i) => `${countText(b)} ${ODI_CHANGE_BINS[i] ?? ''}`).join(', ')}.`)
        .join(' ')}`
    : `No ODI results to draw at ${String(month)} months.`;
  return {
    month,
    categories,
    table,
    summary,
    note,
    empty: categories.length === 0,
    emptyText: all.length
      ? `Every treatment has ${FEWER_THAN_MIN} with an ODI at ${String(month)} months: nothing can be drawn. The table lists them as "<11".`
      : `No ODI results at ${String(month)} months yet.`,
  };
}

export function odiChartConfig(model: OdiChartModel): ChartConfiguration<'bar', (number | null)[], string[]> {
  return {
    type: 'bar',
    data: {
      labels: model.categories.map((c) => [...wrapLabel(c.name, 30, 2), nText(c.n)]),
      datasets: ODI_CHANGE_BINS.map((label, i) => ({
        label: binLabel(label),
        data: model.categories.map((c) => (c.bins[i] ? countValue(c.bins[i]) : null)),
        backgroundColor: ODI_BIN_COLOURS[i] ?? '#c4c6d0',
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: 'Patients', color: AXIS_TEXT },
          ticks: { color: AXIS_TEXT, precision: 0 },
          grid: { color: GRID },
        },
        y: { stacked: true, ticks: { color: AXIS_TEXT, autoSkip: false }, grid: { display: false } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: AXIS_TEXT } },
        tooltip: {
          callbacks: {
            title: (items) => model.categories[items[0]?.dataIndex ?? 0]?.name ?? '',
            label: (item) => {
              const count = model.categories.at(item.dataIndex)?.bins.at(item.datasetIndex);
              return `${item.dataset.label ?? ''}: ${count ? countText(count) : '—'}`;
            },
          },
        },
      },
    },
    plugins: [whiteBackgroundPlugin],
  };
}
