import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { anOutcome } from '../testing/plan-fixtures';
import { OutcomeTable } from './outcome-table';

describe('OutcomeTable', () => {
  let fixture: ComponentFixture<OutcomeTable>;
  let loader: HarnessLoader;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [OutcomeTable] });
    fixture = TestBed.createComponent(OutcomeTable);
    fixture.componentRef.setInput('outcome', anOutcome());
    fixture.componentRef.setInput('treatment', '10 kHz high-frequency spinal cord stimulator implant');
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  it('has a row for the baseline and each follow-up, with the sites and the ODI as columns', async () => {
    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0]?.getCellTextByIndex();
    expect(headers).toEqual(['Time point', 'Back pain (NRS)', 'Leg pain (NRS)', 'Disability (ODI)']);
    const cells = await table.getCellTextByColumnName();
    expect(cells['timepoint'].text).toEqual([
      'Baseline3 Jan 2025Before the start',
      '1 monthWas due 10 Feb 2025Missed',
      '3 months12 Apr 2025Assessed',
      '6 monthsDue 10 Jul 2025Outstanding',
    ]);
  });

  it('shows value, change, percent and the responder category of each site', async () => {
    const cells = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(cells['back'].text[2]).toBe('3−3 (50% lower)Substantial (50% or more)');
    expect(cells['leg'].text[2]).toBe('5−3 (37.5% lower)Moderate (30-49%)');
    expect(cells['odi'].text[2]).toBe('32−8 pointsUnder 10 points better');
  });

  it('shows a missed follow-up as missing, without a category', async () => {
    const cells = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(cells['back'].text[1]).toBe('Missing');
    expect(cells['leg'].text[1]).toBe('Missing');
    expect(cells['odi'].text[1]).toBe('Missing');
  });

  it('names the table for its treatment', () => {
    const region = (fixture.nativeElement as HTMLElement).querySelector('[role="region"]');
    expect(region?.getAttribute('aria-label')).toBe('Outcomes of 10 kHz high-frequency spinal cord stimulator implant');
  });
});
