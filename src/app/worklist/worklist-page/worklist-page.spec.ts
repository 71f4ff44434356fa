import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { PatientListItem } from '@shared/contracts/patients';
import type { Role } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';
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
    nextFollowUpDue: '2025-05-01',
  });
  const brown = aPatient({ familyName: 'Brown', givenName: 'Lee', openRedFlag: false });

  interface View {
    query?: WorklistQuery;
    patients?: PatientListItem[];
    total?: number | null;
    loading?: boolean;
    error?: string | null;
    role?: Role | null;
    overdueCount?: number | null;
  }

  async function render(view: View = {}): Promise<void> {
    store.overrideSelector(selectWorklistQuery, view.query ?? DEFAULT_WORKLIST_QUERY);
    store.overrideSelector(worklistFeature.selectAll, view.patients ?? [okafor, brown]);
    store.overrideSelector(worklistFeature.selectTotal, view.total === undefined ? 2 : view.total);
    store.overrideSelector(worklistFeature.selectLoading, view.loading ?? false);
    store.overrideSelector(worklistFeature.selectError, view.error ?? null);
    store.overrideSelector(authFeature.selectRole, view.role === undefined ? 'nurse' : view.role);
    store.overrideSelector(worklistFeature.selectOverdueCount, view.overdueCount ?? null);
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
      'Priority',
      'Status',
      'Index surgery',
      'Suspected causes',
      'Back NRS',
      'Leg NRS',
      'Red flag',
      'Waiting',
      'Next follow-up',
      'Actions',
    ]);
    const rows = await table.getCellTextByColumnName();
    expect(rows.name.text[0]).toContain('Okafor, Ada');
    expect(rows.name.text[0]).toContain('MRN MRN-77 · 65 y · Female');
    expect(rows.status.text[0]).toBe('Triage');
    expect(rows.priority.text[0]).toBe('Urgent');
    expect(rows.referredOn.text[0]).toContain('since 1 May 2025');
    expect(rows.referredOn.text[0]).toContain('31 days waiting');
    expect(rows.surgeryDate.text[0]).toContain('Transforaminal lumbar interbody fusion (TLIF)');
    expect(rows.surgeryDate.text[0]).toContain('< 3 months');
    expect(rows.causes.text[0]).toContain('Incorrect diagnosis / wrong pain generator: Confirmed');
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

  it("offers 'Record assessment' for each patient, named for the patient", async () => {
    await render();
    const link = await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Record assessment for Okafor, Ada"]' }));
    expect(await (await link.host()).getAttribute('href')).toBe(`/patients/${okafor.id}/assess`);
  });

  it("hides 'Record assessment' from roles that may not record one", async () => {
    await render({ role: null });
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '.assess' }))).toEqual([]);
    const table = await loader.getHarness(MatTableHarness);
    expect(await (await table.getHeaderRows())[0]?.getCellTextByIndex()).not.toContain('Actions');
  });

  it('filters by case status and suspected cause, back to page 1', async () => {
    await render();
    const [status, cause] = await loader.getAllHarnesses(MatSelectHarness);
    await status.open();
    await status.clickOptions({ text: 'Triage' });
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.queryChanged({ changes: { status: ['triage'], page: 1 } }));
    await cause.open();
    const groups = await cause.getOptionGroups();
    expect(await Promise.all(groups.map((g) => g.getLabelText()))).toEqual([
      'Pre-operative',
      'Operative',
      'Post-operative',
      'Undetermined',
    ]);
    await cause.clickOptions({ text: 'Epidural fibrosis (scar)' });
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.queryChanged({ changes: { cause: ['POST-FIB'], page: 1 } }));
  });

  it("filters to 'my cases', open red flags and overdue follow-ups", async () => {
    await render();
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'My cases' }))).check();
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.queryChanged({ changes: { mine: true, page: 1 } }));
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Follow-up overdue' }))).check();
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.queryChanged({ changes: { overdue: true, page: 1 } }));
  });

  describe('the overdue count on the "Follow-up overdue" filter', () => {
    function overdueLabel(): HTMLElement {
      const label = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('mat-checkbox.overdue label');
      if (!label) throw new Error('no label');
      return label;
    }
    /** What a sighted user reads: the label without its visually hidden words. */
    function visibleText(element: HTMLElement): string {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return copy.textContent.replace(/\s+/g, ' ').trim();
    }
    function spokenText(element: HTMLElement): string {
      return element.textContent.replace(/\s+/g, ' ').trim();
    }

    it('shows the number once known, and says "patients" to screen readers', async () => {
      await render({ overdueCount: 37 });
      expect(visibleText(overdueLabel())).toBe('Follow-up overdue (37)');
      expect(spokenText(overdueLabel())).toBe('Follow-up overdue (37 patients)');
      // The label names the checkbox (its accessible name; whitespace is collapsed there, as on screen).
      const checkbox = await loader.getHarness(MatCheckboxHarness.with({ label: /^Follow-up overdue\s+\(37 patients\)$/ }));
      const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('mat-checkbox.overdue input');
      expect(overdueLabel().getAttribute('for')).toBe(input?.id ?? 'missing');
      await checkbox.check();
      expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.queryChanged({ changes: { overdue: true, page: 1 } }));
    });

    it('says "patient" for one', async () => {
      await render({ overdueCount: 1 });
      expect(visibleText(overdueLabel())).toBe('Follow-up overdue (1)');
      expect(spokenText(overdueLabel())).toBe('Follow-up overdue (1 patient)');
    });

    it('shows zero: nothing is waiting', async () => {
      await render({ overdueCount: 0 });
      expect(spokenText(overdueLabel())).toBe('Follow-up overdue (0 patients)');
    });

    it('shows no number while it loads or when it could not be loaded, and no error', async () => {
      await render({ overdueCount: null });
      expect(spokenText(overdueLabel())).toBe('Follow-up overdue');
      expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')).toBeNull();
    });

    it('follows the store', async () => {
      await render({ overdueCount: null });
      store.overrideSelector(worklistFeature.selectOverdueCount, 12);
      store.refreshState();
      await fixture.whenStable();
      expect(visibleText(overdueLabel())).toBe('Follow-up overdue (12)');
    });
  });

  it('keeps the less used filters behind "More filters", open when one is set', async () => {
    await render();
    const more = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('#more-filters');
    expect(more?.hidden).toBeTrue();
    await (await loader.getHarness(MatButtonHarness.with({ text: /More filters/ }))).click();
    expect(more?.hidden).toBeFalse();
    const surgeon = await loader.getHarness(MatInputHarness.with({ selector: '.surgeon input' }));
    await surgeon.setValue('Osei');
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.surgeonChanged({ surgeon: 'Osei' }));
    const pain = await loader.getHarness(MatSelectHarness.with({ selector: '.pain mat-select' }));
    await pain.open();
    await pain.clickOptions({ text: 'Leg: Severe (7-10)' });
    expect(store.dispatch).toHaveBeenCalledWith(
      WorklistPageActions.queryChanged({ changes: { painSite: 'leg', painBand: '7-10', page: 1 } }),
    );
  });

  it('filters by referral date, typed the British way', async () => {
    await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: /More filters/ }))).click();
    const from = await loader.getHarness(MatInputHarness.with({ selector: '.date input' }));
    await from.setValue('01/05/2025');
    await (await from.host()).dispatchEvent('change');
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.queryChanged({ changes: { referredFrom: '2025-05-01', page: 1 } }));
  });

  it('shows bookmarked referral dates as DD/MM/YYYY', async () => {
    await render({ query: { ...DEFAULT_WORKLIST_QUERY, referredFrom: '2025-05-01' } });
    const [from] = await loader.getAllHarnesses(MatInputHarness.with({ selector: '.date input' }));
    expect(await from.getValue()).toBe('01/05/2025');
  });

  it('opens "More filters" for a bookmarked surgeon filter', async () => {
    await render({ query: { ...DEFAULT_WORKLIST_QUERY, surgeon: 'Osei' } });
    expect((fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('#more-filters')?.hidden).toBeFalse();
  });

  it('shows each active filter as a chip that removes it', async () => {
    await render({ query: { ...DEFAULT_WORKLIST_QUERY, status: ['triage', 'assessment'], cause: ['POST-FIB'] } });
    const chips = await loader.getAllHarnesses(MatChipHarness);
    expect(await Promise.all(chips.map((c) => c.getText()))).toEqual(['Status: Triage', 'Status: Assessment', 'Cause: Epidural fibrosis']);
    await chips[0]?.remove();
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.queryChanged({ changes: { status: ['assessment'], page: 1 } }));
    await (await loader.getHarness(MatButtonHarness.with({ text: /Clear filters/ }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(WorklistPageActions.filtersCleared());
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
    expect(await active?.getLabel()).toBe('Waiting');
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
