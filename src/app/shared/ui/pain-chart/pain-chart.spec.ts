import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { CLOCK } from '../../../core/clock';
import { PainChart } from './pain-chart';
import type { ChartRange, PainBaseline, PainChartPoint, PainChartView, TreatmentAnnotation } from './pain-chart-model';

@Component({
  imports: [PainChart],
  template: `
    <app-pain-chart
      [points]="points()"
      [baseline]="baseline()"
      [annotations]="annotations()"
      [(range)]="range"
      [(view)]="view"
      [rowActions]="actions"
    />
    <ng-template #actions let-point
      ><button type="button" class="row-action">Act on {{ point.id }}</button></ng-template
    >
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly points = signal<PainChartPoint[]>([]);
  readonly baseline = signal<PainBaseline | null>(null);
  readonly annotations = signal<TreatmentAnnotation[]>([]);
  readonly range = signal<ChartRange>('1y');
  readonly view = signal<PainChartView>('chart');
}

const NOW = new Date(2026, 4, 31, 12).getTime();

function point(id: string, at: Date, values: Partial<PainChartPoint>): PainChartPoint {
  return { id, at: at.toISOString(), back: null, leg: null, unspecified: null, odi: null, recordedBy: 'Alex Jones', ...values };
}

describe('PainChart', () => {
  let fixture: ComponentFixture<Host>;
  let element: HTMLElement;

  const button = (name: string): HTMLButtonElement | undefined =>
    [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent.trim() === name);

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [{ provide: CLOCK, useValue: { now: () => NOW } }] });
    fixture = TestBed.createComponent(Host);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentInstance.points.set([
      point('old', new Date(2024, 0, 10, 9), { back: 9, leg: 9 }),
      point('a', new Date(2026, 4, 1, 9), { back: 7, leg: 8, odi: 35.6 }),
      point('b', new Date(2026, 1, 1, 9), { back: 6, leg: 5 }),
    ]);
    await fixture.whenStable();
  });

  it('draws the chart on a canvas named by a summary of what it shows', () => {
    const canvas = element.querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toContain('2 assessments');
    expect(canvas?.getAttribute('aria-label')).toContain('latest on 1 May 2026: Back pain 7, Leg pain 8, ODI 35.6%');
  });

  it('lists the treatments drawn on the chart in words, in time order, under a heading', async () => {
    expect(element.querySelector('.treatments')).toBeNull();
    fixture.componentInstance.annotations.set([
      { label: 'SCS implant', start: '2026-03-20', end: null, kind: 'course' },
      { label: 'SCS trial', start: '2026-03-01', end: '2026-03-08', kind: 'course' },
      { label: 'Medial branch block', start: '2026-01-15', end: null, kind: 'procedure' },
    ]);
    await fixture.whenStable();
    const section = element.querySelector('section.treatments');
    expect(section?.querySelector('h3')?.textContent.trim()).toBe('Treatments on the chart');
    expect(section?.getAttribute('aria-labelledby')).toBe(section?.querySelector('h3')?.id ?? 'missing');
    expect([...(section?.querySelectorAll('li') ?? [])].map((li) => li.textContent.trim())).toEqual([
      'Medial branch block: procedure on 15 Jan 2026',
      'SCS trial: 1 Mar 2026 to 8 Mar 2026',
      'SCS implant: 20 Mar 2026 to now',
    ]);
    // Also in the table view.
    fixture.componentInstance.view.set('table');
    await fixture.whenStable();
    expect(element.querySelectorAll('section.treatments li').length).toBe(3);
  });

  it('offers the ranges as pressed buttons', async () => {
    expect(button('1 year')?.getAttribute('aria-pressed')).toBe('true');
    button('All')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.range()).toBe('all');
    expect(element.querySelector('canvas')?.getAttribute('aria-label')).toContain('3 assessments');
  });

  it('toggles series from the legend', async () => {
    const back = button('Back pain');
    expect(back?.getAttribute('aria-pressed')).toBe('true');
    back?.click();
    await fixture.whenStable();
    expect(back?.getAttribute('aria-pressed')).toBe('false');
  });

  it('shows the same values as a table, newest first, with the row actions', async () => {
    button('Table')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.view()).toBe('table');
    const table = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();
    expect(rows['date'].text).toEqual(['1 May 2026, 09:00', '1 Feb 2026, 09:00']);
    expect(rows['back'].text).toEqual(['7', '6']);
    expect(rows['leg'].text).toEqual(['8', '5']);
    expect(rows['odi'].text).toEqual(['35.6%', '']);
    expect(rows['recordedBy'].text).toEqual(['Alex Jones', 'Alex Jones']);
    expect(rows['actions'].text).toEqual(['Act on a', 'Act on b']);
  });

  it('says when a range has no scores and offers all of them', async () => {
    fixture.componentInstance.range.set('3m');
    fixture.componentInstance.points.set([point('old', new Date(2024, 0, 10, 9), { back: 9, leg: 9 })]);
    await fixture.whenStable();
    expect(element.textContent).toContain('No scores in this period.');
    button('Show all')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.range()).toBe('all');
  });

  it('lets the user pick which baseline the reduction levels follow', async () => {
    fixture.componentInstance.baseline.set({
      treatment: 'Physiotherapy / exercise rehabilitation',
      start: '2026-02-15',
      back: { value: 6, at: new Date(2026, 1, 1, 9).toISOString() },
      leg: { value: 5, at: new Date(2026, 1, 1, 9).toISOString() },
    });
    await fixture.whenStable();
    const group = element.querySelector('[aria-label="Reduction levels shaded for"]');
    const pressed = [...(group?.querySelectorAll('button') ?? [])].map(
      (b) => `${b.textContent.trim()}:${String(b.getAttribute('aria-pressed'))}`,
    );
    expect(pressed).toEqual(['Back pain:true', 'Leg pain:false']);
    expect(element.textContent).toContain('start of Physiotherapy / exercise rehabilitation on 15 Feb 2026');
  });
});
