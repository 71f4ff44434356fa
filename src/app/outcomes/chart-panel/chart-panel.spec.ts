import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideCharts } from 'ng2-charts';
import { CHART_REGISTERABLES } from '../charts/chart-registerables';
import { responderChart, responderChartConfig } from '../charts/responder-chart';
import { aResponderRow } from '../testing/outcomes-fixtures';
import { ChartPanel } from './chart-panel';

describe('ChartPanel', () => {
  let fixture: ComponentFixture<ChartPanel>;
  let loader: HarnessLoader;
  const model = responderChart([aResponderRow()], { month: 6, site: 'leg', treatments: [] });

  async function render(inputs: Partial<Record<string, unknown>> = {}): Promise<void> {
    fixture = TestBed.createComponent(ChartPanel);
    const values: Record<string, unknown> = {
      chart: 'responders',
      heading: 'Responder rates at 6 months: leg pain',
      config: responderChartConfig(model),
      table: model.table,
      summary: model.summary,
      csvHref: '/api/outcomes/export?table=responders&treatment=SCS-IMPLANT',
      today: '2025-11-20',
      imageLines: ['Filters: Treatment: SCS'],
      ...inputs,
    };
    for (const [name, value] of Object.entries(values)) fixture.componentRef.setInput(name, value);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const element = () => fixture.nativeElement as HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ChartPanel], providers: [provideCharts({ registerables: CHART_REGISTERABLES })] });
  });

  it('draws the chart on a canvas named by its summary, under a heading', async () => {
    await render();
    expect(element().querySelector('h2')?.textContent).toBe('Responder rates at 6 months: leg pain');
    const canvas = element().querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toBe(model.summary);
  });

  it('shows the same numbers in a table on request', async () => {
    await render();
    expect(await loader.getAllHarnesses(MatTableHarness)).toEqual([]);
    const toggle = await loader.getHarness(MatButtonHarness.with({ text: /Show table/ }));
    await toggle.click();
    expect(await (await toggle.host()).getAttribute('aria-expanded')).toBe('true');
    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0]?.getCellTextByIndex();
    expect(headers).toEqual(model.table.columns.map((c) => c.header));
    const rows = await table.getCellTextByColumnName();
    expect(rows['treatment'].text).toEqual(['Spinal cord stimulator, permanent implant (conventional)']);
    expect(rows['rate50'].text).toEqual(['45% (95% CI 31–60%)']);
    expect(element().querySelector('caption')?.textContent.trim()).toBe(model.table.caption);
    await (await loader.getHarness(MatButtonHarness.with({ text: /Hide table/ }))).click();
    expect(await loader.getAllHarnesses(MatTableHarness)).toEqual([]);
  });

  it('links the CSV export as a download', async () => {
    await render();
    const link = element().querySelector<HTMLAnchorElement>('a[download]');
    expect(link?.getAttribute('href')).toBe('/api/outcomes/export?table=responders&treatment=SCS-IMPLANT');
    expect(link?.textContent).toContain('Download CSV');
  });

  it('saves the chart as a PNG and reports it for the audit trail', async () => {
    await render();
    const clicked: HTMLAnchorElement[] = [];
    spyOn(HTMLAnchorElement.prototype, 'click').and.callFake(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const downloaded: string[] = [];
    fixture.componentInstance.imageDownloaded.subscribe((chart) => downloaded.push(chart));
    await (await loader.getHarness(MatButtonHarness.with({ text: /Download PNG/ }))).click();
    expect(clicked.length).toBe(1);
    expect(clicked[0]?.download).toBe('fbss-outcomes-responders-2025-11-20.png');
    expect(clicked[0]?.href).toMatch(/^data:image\/png;base64,/);
    expect(downloaded).toEqual(['responders']);
  });

  it('says why nothing is drawn, keeps the table and CSV, and offers no image', async () => {
    await render({ empty: true, emptyText: 'Every treatment has fewer than 11 patients.', config: null });
    expect(element().querySelector('canvas')).toBeNull();
    expect(element().textContent).toContain('Every treatment has fewer than 11 patients.');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Download PNG/ }))).toEqual([]);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Show table/ }))).toHaveSize(1);
    expect(element().querySelector('a[download]')).not.toBeNull();
  });

  it('lists groups that are not drawn under the chart', async () => {
    await render({ note: 'Not drawn, fewer than 11 patients: Physiotherapy.' });
    expect(element().querySelector('.panel-note')?.textContent).toBe('Not drawn, fewer than 11 patients: Physiotherapy.');
  });
});
