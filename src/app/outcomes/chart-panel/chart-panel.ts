import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
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
import type { ChartConfiguration, ChartOptions } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import type { OutcomeTable } from '../outcomes-api';
import type { ChartTable } from '../charts/chart-model';
import { wrapLabel } from '../outcomes-format';

/**
 * One chart of the dashboard: heading, the chart (a canvas whose accessible name summarises it), a
 * disclosure with the same numbers as a table, and the exports (CSV from the server, PNG of the chart).
 * Presentational: the page owns the data and records exports (`imageDownloaded`).
 */
@Component({
  selector: 'app-chart-panel',
  imports: [
    BaseChartDirective,
    MatButton,
    MatAnchor,
    MatIcon,
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
  templateUrl: './chart-panel.html',
  styleUrl: './chart-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'chart-panel', '[attr.data-chart]': 'chart()' },
})
export class ChartPanel {
  private readonly document = inject(DOCUMENT);
  private readonly chartDirective = viewChild(BaseChartDirective);

  /** The table this chart shows (names the CSV and the PNG). */
  readonly chart = input.required<OutcomeTable>();
  readonly heading = input.required<string>();
  readonly description = input<string>('');
  readonly config = input.required<ChartConfiguration | null>();
  readonly table = input.required<ChartTable>();
  /** The chart in words: the canvas's accessible name. */
  readonly summary = input.required<string>();
  readonly empty = input(false);
  readonly emptyText = input('No data yet.');
  /** What is not drawn and why (small groups), under the chart. */
  readonly note = input('');
  readonly csvHref = input.required<string>();
  /** Lines printed under the heading on the downloaded image (filters, notes). */
  readonly imageLines = input<readonly string[]>([]);
  /** YYYY-MM-DD for file names. */
  readonly today = input('');
  /** Height of the chart area in pixels. */
  readonly height = input(320);

  readonly imageDownloaded = output<OutcomeTable>();

  protected readonly tableShown = signal(false);
  protected readonly columnIds = computed(() => this.table().columns.map((c) => c.id));
  protected readonly headingId = computed(() => `${this.chart()}-heading`);
  protected readonly tableId = computed(() => `${this.chart()}-table`);

  protected toggleTable(): void {
    this.tableShown.update((shown) => !shown);
  }

  /** Saves the chart as a PNG, with the heading and `imageLines` drawn on it, then reports it for the audit trail. */
  protected downloadPng(): void {
    const chart = this.chartDirective()?.chart;
    if (!chart) return;
    const lines = this.imageLines().flatMap((line) => wrapLabel(line, 150, 6));
    // The raw options (chart.options is chart.js's resolved proxy); restored after the snapshot.
    const options = (chart.config.options ?? {}) as ChartOptions;
    const plugins = options.plugins ?? {};
    options.plugins = plugins;
    chart.config.options = options;
    const { title, subtitle } = plugins;
    plugins.title = { display: true, text: this.heading(), align: 'start', color: '#1b1b1f', font: { size: 16, weight: 'bold' } };
    plugins.subtitle = { display: true, text: lines, align: 'start', color: '#44474e', font: { size: 12 }, padding: { bottom: 12 } };
    // Drawn larger than on screen, so that the heading and notes do not squeeze the chart.
    chart.resize(Math.max(chart.width, 1100), chart.height + 40 + lines.length * 16);
    chart.update('none');
    const url = chart.toBase64Image('image/png', 1);
    plugins.title = title ?? { display: false };
    plugins.subtitle = subtitle ?? { display: false };
    chart.resize();
    chart.update('none');

    const link = this.document.createElement('a');
    link.href = url;
    link.download = `fbss-outcomes-${this.chart()}${this.today() ? `-${this.today()}` : ''}.png`;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    this.imageDownloaded.emit(this.chart());
  }
}
