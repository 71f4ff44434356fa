import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { PatientListItem } from '@shared/contracts/patients';
import { CLOCK } from '../../core/clock';
import { aPatient } from '../../testing/fixtures';
import { WorklistPageActions } from '../state/worklist-page.actions';
import { worklistFeature } from '../state/worklist.feature';
import { DEFAULT_WORKLIST_QUERY, type WorklistQuery, selectWorklistQuery } from '../worklist-query';
import { WorklistPage } from './worklist-page';

describe('WorklistPage', () => {
  let fixture: ComponentFixture<WorklistPage>;
  let loader: HarnessLoader;
  let store: MockStore;

  const okafor = aPatient({
    familyName: 'Okafor',
    givenName: 'Ada',
    mrn: 'MRN-77',
    dateOfBirth: '1960-02-01',
    status: 'triage',
    priority: 'urgent',
    referredOn: '2025-05-01',
    indexProcedure: 'TLIF',
    indexSurgeryDate: '2025-04-20',
    causes: [{ code: 'PRE-DX', status: 'confirmed' }],
    latestBackNrs: 5,
    baselineBackNrs: 8,
    openRedFlag: true,
    nextFollowUpDue: '2025-05-20',
  });
  const brown = aPatient({ familyName: 'Brown', givenName: 'Lee', openRedFlag: false });

  interface View {
    query?: WorklistQuery;
    patients?: PatientListItem[];
    total?: number | null;
    loading?: boolean;
    error?: string | null;
  }

  async function render(view: View = {}): Promise<void> {
    store.overrideSelector(selectWorklistQuery, view.query ?? DEFAULT_WORKLIST_QUERY);
    store.overrideSelector(worklistFeature.selectAll, view.patients ?? [okafor, brown]);
    store.overrideSelector(worklistFeature.selectTotal, view.total === undefined ? 2 : view.total);
    store.overrideSelector(worklistFeature.selectLoading, view.loading ?? false);
    store.overrideSelector(worklistFeature.selectError, view.error ?? null);
    fixture = TestBed.createComponent(WorklistPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent.replace(/\s+/g, ' ');
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [WorklistPage],
      providers: [provideRouter([]), provideMockStore(), { provide: CLOCK, useValue: { now: () => new Date(2025, 5, 1, 12).getTime() } }],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('tells the store it opened', async () => {
    await render();
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.opened());
  });

  it('shows the patients in a table', async () => {
    await render();
    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0]?.getCellTextByIndex();
    expect(headers).toEqual([
      'Patient',
      'Status',
      'Priority',
      'Referred',
      'Index surgery',
      'Causes',
      'Back NRS',
      'Leg NRS',
      'Red flag',
      'Next follow-up',
    ]);
    const rows = await table.getCellTextByColumnName();
    expect(rows.name.text[0]).toContain('Okafor, Ada');
    expect(rows.name.text[0]).toContain('MRN MRN-77 · 65 y · Female');
    expect(rows.status.text[0]).toBe('Triage');
    expect(rows.priority.text[0]).toBe('Urgent');
    expect(rows.referredOn.text[0]).toContain('1 May 2025');
    expect(rows.referredOn.text[0]).toContain('31 days waiting');
    expect(rows.surgeryDate.text[0]).toContain('Transforaminal lumbar interbody fusion (TLIF)');
    expect(rows.surgeryDate.text[0]).toContain('< 3 months');
    expect(rows.causes.text[0]).toContain('PRE-DX');
    expect(rows.causes.text[0]).toContain('Confirmed');
    expect(rows.backNrs.text[0]).toContain('5, 3 lower than baseline 8');
    expect(rows.redFlag.text[0]).toContain('Open red flag');
    expect(rows.redFlag.text[1]).toBe('None');
    expect(rows.nextFollowUp.text[0]).toContain('Overdue');
    expect(rows.name.text[1]).toContain('Brown, Lee');
  });

  it('links each patient to the case page', async () => {
    await render();
    const link = (fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>('a.patient-link');
    expect(link?.getAttribute('href')).toBe(`/patients/${okafor.id}`);
  });

  it('shows progress while loading', async () => {
    await render({ loading: true });
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveSize(1);
  });

  it('offers to clear filters when none match', async () => {
    await render({ query: { ...DEFAULT_WORKLIST_QUERY, q: 'zz' }, patients: [], total: 0 });
    expect(text()).toContain('No patients match these filters');
    const buttons = await loader.getAllHarnesses(MatButtonHarness.with({ text: /Clear filters/ }));
    await buttons[buttons.length - 1].click();
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.filtersCleared());
  });

  it('says so when the worklist is empty without filters', async () => {
    await render({ patients: [], total: 0 });
    expect(text()).toContain('No patients on the worklist yet');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Clear filters/ }))).toEqual([]);
  });

  it('shows an error with Retry', async () => {
    await render({ error: 'The server could not be reached.', patients: [], total: null });
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The server could not be reached.');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.retryClicked());
  });

  it('sorts on the server through the URL', async () => {
    await render();
    const sort = await loader.getHarness(MatSortHarness);
    const [patient] = await sort.getSortHeaders({ label: 'Patient' });
    await patient.click();
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.queryChanged({ changes: { sort: 'name', page: 1 } }));
  });

  it('shows the current sort from the URL', async () => {
    await render({ query: { ...DEFAULT_WORKLIST_QUERY, sort: '-referredOn' } });
    const sort = await loader.getHarness(MatSortHarness);
    const active = await sort.getActiveHeader();
    expect(await active?.getLabel()).toBe('Referred');
    expect(await active?.getSortDirection()).toBe('desc');
  });

  it('pages on the server', async () => {
    await render({ total: 60 });
    const paginator = await loader.getHarness(MatPaginatorHarness);
    await paginator.goToNextPage();
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.queryChanged({ changes: { page: 2, pageSize: 25 } }));
  });

  it('searches by name or MRN', async () => {
    await render();
    const search = await loader.getHarness(MatInputHarness.with({ selector: '[type="search"]' }));
    await search.setValue('oka');
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.searchChanged({ q: 'oka' }));
  });

  it('shows the search from the URL', async () => {
    await render({ query: { ...DEFAULT_WORKLIST_QUERY, q: 'MRN-77' } });
    const search = await loader.getHarness(MatInputHarness.with({ selector: '[type="search"]' }));
    expect(await search.getValue()).toBe('MRN-77');
  });
});
