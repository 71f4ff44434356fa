import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ReferralMonth } from '@shared/contracts/outcomes';
import { CASE_STATUSES, CASE_STATUS_LABELS, type CaseStatus } from '@shared/domain/case-status';
import { FEWER_THAN_MIN, countText, countValue, monthLabel } from '../outcomes-format';
import { AXIS_TEXT, type ChartTable, GRID } from './chart-model';
import { whiteBackgroundPlugin } from './chart-plugins';

export interface ReferralChartModel {
  months: ReferralMonth[];
  table: ChartTable;
  summary: string;
  note: string;
  empty: boolean;
  emptyText: string;
}

/** One colour per case status, from the start of the pathway (light) to discharge (grey). */
export const STATUS_COLOURS: Readonly<Record<CaseStatus, string>> = {
  referred: '#9ec5ee',
  triage: '#56B4E9',
  assessment: '#0072B2',
  treatment: '#009E73',
  'follow-up': '#CC79A7',
  discharged: '#8e9099',
};

/** Referrals per month (24 months), split by each case's status today; suppressed counts are not drawn. */
export function referralChart(months: readonly ReferralMonth[]): ReferralChartModel {
  const table: ChartTable = {
    caption: 'Referrals per month, by the case status today',
    columns: [
      { id: 'month', header: 'Month referred', numeric: false },
      { id: 'total', header: 'Referrals', numeric: true },
      ...CASE_STATUSES.map((s) => ({ id: s, header: CASE_STATUS_LABELS[s], numeric: true })),
    ],
    rows: months.map((m) => ({
      month: monthLabel(m.month),
      total: countText(m.total),
      ...Object.fromEntries(CASE_STATUSES.map((s) => [s, countText(m.byStatus[s])])),
    })),
  };
  const counts = months.flatMap((m) => [m.total, ...CASE_STATUSES.map((s) => m.byStatus[s])]);
  const drawable = counts.some((c) => (countValue(c) ?? 0) > 0);
  const anyReferrals = months.some((m) => m.total.value !== 0);
  const first = months.at(0);
  const last = months.at(-1);
  const summary =
    drawable && first && last
      ? `Referrals per month from ${monthLabel(first.month)} to ${monthLabel(last.month)}: ${months
          .map((m) => `${monthLabel(m.month)} ${countText(m.total)}`)
          .join(', ')}.`
      : 'No referral counts to draw.';
  return {
    months: [...months],
    table,
    summary,
    note: drawable && counts.some((c) => c.suppressed) ? `Counts of ${FEWER_THAN_MIN} are not drawn ("<11" in the table).` : '',
    empty: !drawable,
    emptyText: anyReferrals
      ? `Every month has ${FEWER_THAN_MIN}: nothing can be drawn. The table lists them as "<11".`
      : 'No referrals in the last 24 months.',
  };
}

export function referralChartConfig(model: ReferralChartModel): ChartConfiguration<'bar' | 'line', (number | null)[], string> {
  const statusBars: ChartDataset<'bar', (number | null)[]>[] = CASE_STATUSES.map((s) => ({
    type: 'bar',
    label: CASE_STATUS_LABELS[s],
    data: model.months.map((m) => countValue(m.byStatus[s])),
    backgroundColor: STATUS_COLOURS[s],
    stack: 'status',
    order: 2,
  }));
  const total: ChartDataset<'line', (number | null)[]> = {
    type: 'line',
    label: 'All referrals',
    data: model.months.map((m) => countValue(m.total)),
    borderColor: '#1b1b1f',
    backgroundColor: '#1b1b1f',
    borderWidth: 2,
    pointRadius: 2,
    stack: 'total',
    order: 1,
    spanGaps: false,
  };
  return {
    type: 'bar',
    data: {
      labels: model.months.map((m) => monthLabel(m.month)),
      datasets: [...statusBars, total] as ChartDataset<'bar' | 'line', (number | null)[]>[],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true, ticks: { color: AXIS_TEXT, maxRotation: 60, autoSkip: true }, grid: { display: false } },
        y: {
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: 'Referrals', color: AXIS_TEXT },
          ticks: { color: AXIS_TEXT, precision: 0 },
          grid: { color: GRID },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: AXIS_TEXT } },
        tooltip: {
          mode: 'index',
          callbacks: {
            label: (item) => {
              const m = model.months.at(item.dataIndex);
              if (!m) return '';
              const status = CASE_STATUSES.at(item.datasetIndex);
              const count = status ? m.byStatus[status] : m.total;
              return `${item.dataset.label ?? ''}: ${countText(count)}`;
            },
          },
        },
      },
    },
    plugins: [whiteBackgroundPlugin],
  };
}
