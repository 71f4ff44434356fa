import type { ChartConfiguration } from 'chart.js';
import type { CauseMixRow, Count } from '@shared/contracts/outcomes';
import { CAUSES, causeByCode } from '@shared/domain/causes';
import { FEWER_THAN_MIN, countText, countValue } from '../outcomes-format';
import { AXIS_TEXT, type ChartTable, GRID } from './chart-model';
import { whiteBackgroundPlugin } from './chart-plugins';

export interface CauseCategory {
  code: string;
  name: string;
  confirmed: Count;
  provisional: Count;
}

export interface CauseChartModel {
  /** Causes with a count to draw. */
  categories: CauseCategory[];
  table: ChartTable;
  summary: string;
  note: string;
  empty: boolean;
  emptyText: string;
}

const CATALOGUE_ORDER = new Map<string, number>(CAUSES.map((c, i) => [c.code, i]));

/** Patients per suspected cause, confirmed and provisional (or differential) apart; suppressed counts are not drawn. */
export function causeChart(rows: readonly CauseMixRow[]): CauseChartModel {
  const tagged = [...rows]
    .filter((r) => r.confirmed.value !== 0 || r.provisional.value !== 0)
    .sort((a, b) => (CATALOGUE_ORDER.get(a.code) ?? 0) - (CATALOGUE_ORDER.get(b.code) ?? 0))
    .map((r) => ({ code: r.code, name: causeByCode(r.code)?.shortName ?? r.code, confirmed: r.confirmed, provisional: r.provisional }));
  const drawable = (c: CauseCategory) => Boolean(countValue(c.confirmed) ?? countValue(c.provisional));
  const categories = tagged.filter(drawable);
  const notDrawn = tagged.filter((c) => !drawable(c)).map((c) => c.name);
  const table: ChartTable = {
    caption: 'Patients per suspected cause, by verification status',
    columns: [
      { id: 'cause', header: 'Suspected cause', numeric: false },
      { id: 'code', header: 'Code', numeric: false },
      { id: 'confirmed', header: 'Confirmed', numeric: true },
      { id: 'provisional', header: 'Provisional or differential', numeric: true },
    ],
    rows: tagged.map((c) => ({ cause: c.name, code: c.code, confirmed: countText(c.confirmed), provisional: countText(c.provisional) })),
  };
  const partly = categories.some((c) => c.confirmed.suppressed || c.provisional.suppressed);
  const note = [
    partly ? `Counts of ${FEWER_THAN_MIN} are not drawn ("<11" in the table).` : '',
    notDrawn.length ? `Not drawn, ${FEWER_THAN_MIN}: ${notDrawn.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const summary = categories.length
    ? `Patients per suspected cause. ${categories
        .map((c) => `${c.name}: ${countText(c.confirmed)} confirmed, ${countText(c.provisional)} provisional.`)
        .join(' ')}`
    : 'No suspected causes to draw.';
  return {
    categories,
    table,
    summary,
    note,
    empty: categories.length === 0,
    emptyText: tagged.length ? `Every cause has ${FEWER_THAN_MIN}: nothing can be drawn. The table lists them as "<11".` : 'No suspected causes tagged yet.',
  };
}

export const CONFIRMED_COLOUR = '#1f5fa8';
export const PROVISIONAL_COLOUR = '#9ec5ee';

export function causeChartConfig(model: CauseChartModel): ChartConfiguration<'bar', (number | null)[], string> {
  return {
    type: 'bar',
    data: {
      labels: model.categories.map((c) => c.name),
      datasets: [
        { label: 'Confirmed', data: model.categories.map((c) => countValue(c.confirmed)), backgroundColor: CONFIRMED_COLOUR },
        { label: 'Provisional or differential', data: model.categories.map((c) => countValue(c.provisional)), backgroundColor: PROVISIONAL_COLOUR },
      ],
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
            label: (item) => {
              const c = model.categories.at(item.dataIndex);
              if (!c) return '';
              const count = item.datasetIndex === 0 ? c.confirmed : c.provisional;
              return `${item.dataset.label ?? ''}: ${countText(count)}`;
            },
          },
        },
      },
    },
    plugins: [whiteBackgroundPlugin],
  };
}
