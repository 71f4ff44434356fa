import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleGroupHarness } from '@angular/material/button-toggle/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { FollowUpDueItem } from '@shared/contracts/plans';
import type { Role } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';
import { CLOCK } from '../../core/clock';
import { aFollowUpDue } from '../../treatment-plan/testing/plan-fixtures';
import { DEFAULT_FOLLOW_UPS_QUERY, type FollowUpsQuery, selectFollowUpsQuery } from '../follow-ups-query';
import { FollowUpsPageActions } from '../state/follow-ups-page.actions';
import { followUpsFeature } from '../state/follow-ups.feature';
import { FollowUpsPage } from './follow-ups-page';

describe('FollowUpsPage', () => {
  let fixture: ComponentFixture<FollowUpsPage>;
  let loader: HarnessLoader;
  let store: MockStore;

  const okafor = aFollowUpDue({
    familyName: 'Okafor',
    givenName: 'Ada',
    mrn: 'MRN-77',
    treatmentCode: 'SCS-10KHZ',
    monthOffset: 3,
    dueOn: '2025-06-01',
    state: 'due',
  });
  const brown = aFollowUpDue({
    familyName: 'Brown',
    givenName: 'Lee',
    mrn: 'MRN-12',
    treatmentCode: 'PHYSIO',
    monthOffset: 1,
    dueOn: '2025-05-01',
    state: 'overdue',
  });

  interface View {
    query?: FollowUpsQuery;
    items?: FollowUpDueItem[];
    total?: number | null;
    loading?: boolean;
    error?: string | null;
    role?: Role;
  }

  async function render(view: View = {}): Promise<void> {
    store.overrideSelector(selectFollowUpsQuery, view.query ?? DEFAULT_FOLLOW_UPS_QUERY);
    store.overrideSelector(followUpsFeature.selectAll, view.items ?? [okafor, brown]);
    store.overrideSelector(followUpsFeature.selectTotal, view.total === undefined ? 2 : view.total);
    store.overrideSelector(followUpsFeature.selectOverdueTotal, 7);
    store.overrideSelector(followUpsFeature.selectDueThisWeekTotal, 2);
    store.overrideSelector(followUpsFeature.selectLoading, view.loading ?? false);
    store.overrideSelector(followUpsFeature.selectError, view.error ?? null);
    store.overrideSelector(authFeature.selectRole, view.role ?? 'nurse');
    fixture = TestBed.createComponent(FollowUpsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const text = (): string => (fixture.nativeElement as HTMLElement).textContent.replace(/\s+/g, ' ');

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [FollowUpsPage],
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
    expect(store.dispatch).toHaveBeenCalledWith(FollowUpsPageActions.opened());
  });

  it('lists the follow-ups: patient and MRN, treatment, month, due date and state', async () => {
    await render();
    const table = await loader.getHarness(MatTableHarness);
    expect(await (await table.getHeaderRows())[0]?.getCellTextByIndex()).toEqual([
      'Patient',
      'Treatment',
      'Follow-up',
      'Due',
      'State',
      'Actions',
    ]);
    const cells = await table.getCellTextByColumnName();
    expect(cells['patient'].text).toEqual(['Okafor, AdaMRN MRN-77', 'Brown, LeeMRN MRN-12']);
    expect(cells['treatment'].text[0]).toBe('10 kHz high-frequency spinal cord stimulator implant');
    expect(cells['followUp'].text).toEqual(['3 months', '1 month']);
    expect(cells['dueOn'].text).toEqual(['1 Jun 2025today', '1 May 202531 days ago']);
    expect(cells['state'].text).toEqual(['Due', 'Overdue']);
  });

  it('has one-click "Record assessment" links named for the patient, returning to this list', async () => {
    await render({ query: { ...DEFAULT_FOLLOW_UPS_QUERY, due: 'overdue' } });
    const link = await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Record assessment for Okafor, Ada"]' }));
    expect(await (await link.host()).getAttribute('href')).toBe(
      `/patients/${okafor.patientId}/assess?returnUrl=%2Ffollow-ups%3Fdue%3Doverdue`,
    );
    const caseLink = (fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>('a.patient-link');
    expect(caseLink?.getAttribute('href')).toBe(`/patients/${okafor.patientId}`);
  });

  it('shows the counts on the tabs and switches tab through the URL, back to page 1', async () => {
    await render({ query: { ...DEFAULT_FOLLOW_UPS_QUERY, page: 3 } });
    const group = await loader.getHarness(MatButtonToggleGroupHarness);
    const toggles = await group.getToggles();
    expect(await Promise.all(toggles.map((t) => t.getText()))).toEqual(['Due this week 2', 'Overdue 7', 'All outstanding']);
    expect(await toggles[0]?.isChecked()).toBeTrue();
    await toggles[1]?.check();
    expect(store.dispatch).toHaveBeenCalledWith(FollowUpsPageActions.queryChanged({ changes: { due: 'overdue', page: 1 } }));
  });

  it('narrows to my patients', async () => {
    await render();
    await (await loader.getHarness(MatSlideToggleHarness.with({ label: 'My patients only' }))).toggle();
    expect(store.dispatch).toHaveBeenCalledWith(FollowUpsPageActions.queryChanged({ changes: { mine: true, page: 1 } }));
  });

  it('pages on the server', async () => {
    await render({ total: 60 });
    await (await loader.getHarness(MatPaginatorHarness)).goToNextPage();
    expect(store.dispatch).toHaveBeenCalledWith(FollowUpsPageActions.queryChanged({ changes: { page: 2, pageSize: 25 } }));
  });

  it('says when nothing is due', async () => {
    await render({ items: [], total: 0, query: { ...DEFAULT_FOLLOW_UPS_QUERY, mine: true } });
    expect(text()).toContain('No follow-ups due this week among your patients');
  });

  it('says when the list could not be loaded, and retries', async () => {
    await render({ error: 'The server could not be reached.', total: null, items: [] });
    expect(text()).toContain('The follow-ups could not be loaded.');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(FollowUpsPageActions.retryClicked());
  });

  it('hides "Record assessment" from roles that may not record one', async () => {
    await render({ role: 'manager' });
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '.record' }))).toEqual([]);
  });
});
