import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, type TemplateRef, computed, inject, input, linkedSignal, model, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { Decimation, LineController, LineElement, LinearScale, PointElement, TimeScale, Tooltip } from 'chart.js';
import 'chartjs-adapter-date-fns';
import annotationPlugin from 'chartjs-plugin-annotation';
import { enGB } from 'date-fns/locale/en-GB';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { CLOCK } from '../../../core/clock';
import {
  type BandSite,
  CHART_RANGES,
  CHART_RANGE_LABELS,
  type ChartRange,
  PAIN_SERIES,
  type PainBaseline,
  type PainChartPoint,
  type PainChartView,
  type PainSeries,
  SERIES_STYLES,
  type TreatmentAnnotation,
  describeTreatment,
  buildChartData,
  buildOptions,
  dayStart,
  defaultBandSite,
  endOfDay,
  formatDate,
  formatDateTime,
  formatScore,
  pointsInRange,
  rangeStart,
  seriesWithData,
} from './pain-chart-model';

/**
 * Back and leg NRS and the ODI over time (ng2-charts line chart on a time axis), with the baseline and
 * its 30% / 50% reduction levels, treatments as annotations, range buttons, legend toggles and a
 * table of the same values. chart.js and its plugins are provided here, so they load with this
 * component: render it inside `@defer` to keep them out of the page's bundle.
 */
let nextTreatmentsId = 0;

@Component({
  selector: 'app-pain-chart',
  imports: [
    NgTemplateOutlet,
    BaseChartDirective,
    MatButton,
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
  ],
  providers: [
    // Only what a line chart on a time axis with tooltips, decimation and annotations needs.
    provideCharts({
      registerables: [LineController, LineElement, PointElement, LinearScale, TimeScale, Tooltip, Decimation, annotationPlugin],
    }),
  ],
  templateUrl: './pain-chart.html',
  styleUrl: './pain-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PainChart {
  private readonly now = inject(CLOCK).now();

  /** Valid assessments only (entries marked entered-in-error are left out by the caller). */
  readonly points = input<readonly PainChartPoint[]>([]);
  readonly annotations = input<readonly TreatmentAnnotation[]>([]);
  readonly baseline = input<PainBaseline | null>(null);
  readonly range = model<ChartRange>('1y');
  readonly view = model<PainChartView>('chart');
  /** Optional actions per table row (e.g. "Mark entered in error"); context `$implicit` is the point. */
  readonly rowActions = input<TemplateRef<{ $implicit: PainChartPoint }> | null>(null);

  protected readonly ranges = CHART_RANGES;
  protected readonly rangeLabels = CHART_RANGE_LABELS;
  protected readonly styles = SERIES_STYLES;

  protected readonly visible = signal<ReadonlySet<PainSeries>>(new Set(PAIN_SERIES));
  protected readonly bandSite = linkedSignal<BandSite>(() => defaultBandSite(this.baseline()));

  /** The right edge: today, or a later entry (the page may stay open past midnight). */
  private readonly end = computed(() => this.points().reduce((end, p) => Math.max(end, Date.parse(p.at)), this.now));

  protected readonly available = computed(() => seriesWithData(this.points()));
  protected readonly inRange = computed(() => pointsInRange(this.points(), rangeStart(this.range(), this.end()), endOfDay(this.end())));
  protected readonly baselineSites = computed(() => {
    const baseline = this.baseline();
    return baseline ? (['back', 'leg'] as const).filter((site) => baseline[site] !== null) : [];
  });

  protected readonly data = computed(() => buildChartData(this.points(), this.visible(), this.inRange().length));
  protected readonly options = computed(() =>
    buildOptions({
      range: this.range(),
      now: this.end(),
      baseline: this.baseline(),
      bandSite: this.bandSite(),
      treatments: this.annotations(),
      visible: this.visible(),
      showOdiAxis: this.visible().has('odi') && this.available().includes('odi'),
      dateLocale: enGB,
    }),
  );

  /** Rows of the table: the points in range, newest first. */
  protected readonly rows = computed(() => [...this.inRange()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)));
  protected readonly columns = computed(() => {
    const columns = ['date', 'back', 'leg'];
    if (this.available().includes('unspecified')) columns.push('unspecified');
    columns.push('odi', 'recordedBy');
    if (this.rowActions()) columns.push('actions');
    return columns;
  });

  protected readonly summary = computed(() => {
    const points = this.inRange();
    const range = this.range() === 'all' ? 'all time' : `last ${CHART_RANGE_LABELS[this.range()]}`;
    if (points.length === 0) return `Pain chart, ${range}: no scores.`;
    const latest = points.reduce((a, b) => (Date.parse(b.at) > Date.parse(a.at) ? b : a));
    const parts = PAIN_SERIES.flatMap((series) => {
      const value = latest[series];
      return value === null ? [] : [`${SERIES_STYLES[series].label} ${formatScore(series, value)}`];
    });
    const count = `${String(points.length)} ${points.length === 1 ? 'assessment' : 'assessments'}`;
    return `Pain chart, ${range}: ${count}; latest on ${formatDate(Date.parse(latest.at))}: ${parts.join(', ')}. The table view lists every value.`;
  });

  protected readonly baselineStart = computed(() => {
    const baseline = this.baseline();
    return baseline ? formatDate(dayStart(baseline.start)) : '';
  });

  /** The treatments drawn on the chart, in words, in time order. */
  protected readonly treatments = computed(() =>
    [...this.annotations()].sort((a, b) => a.start.localeCompare(b.start)).map((t) => ({ kind: t.kind, text: describeTreatment(t) })),
  );
  protected readonly treatmentsId = `pain-chart-treatments-${String(nextTreatmentsId++)}`;

  protected readonly formatDateTime = formatDateTime;

  protected score(point: PainChartPoint, series: PainSeries): string {
    const value = point[series];
    return value === null ? '' : formatScore(series, value);
  }

  protected time(point: PainChartPoint): number {
    return Date.parse(point.at);
  }

  protected toggleSeries(series: PainSeries): void {
    this.visible.update((visible) => {
      const next = new Set(visible);
      if (next.has(series)) next.delete(series);
      else next.add(series);
      return next;
    });
  }

  protected trackPoint(_index: number, point: PainChartPoint): string {
    return point.id;
  }
}
