import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleGroupHarness } from '@angular/material/button-toggle/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { OutcomesDashboard } from '@shared/contracts/outcomes';
import type { Clinician } from '@shared/contracts/patients';
import { TRIAL_POPULATION_NOTE } from '@shared/domain/benchmarks';
import { provideCharts } from 'ng2-charts';
import { causeChart } from '../charts/cause-chart';
import { CHART_REGISTERABLES } from '../charts/chart-registerables';
import { odiChart } from '../charts/odi-chart';
import { referralChart } from '../charts/referral-chart';
import { responderChart } from '../charts/responder-chart';
import { trajectoryChart } from '../charts/trajectory-chart';
import { dashboardTiles } from '../outcomes-format';
import { type OutcomesFilters, selectOutcomesFilters } from '../outcomes-query';
import { OutcomesPageActions } from '../state/outcomes-page.actions';
import { DEFAULT_VIEW, outcomesFeature } from '../state/outcomes.feature';
import { CLINICIANS, aDashboard } from '../testing/outcomes-fixtures';
import { OutcomesPage } from './outcomes-page';

describe('OutcomesPage', () => {
  let fixture: ComponentFixture<OutcomesPage>;
  let loader: HarnessLoader;
  let store: MockStore;

  interface View {
    filters?: OutcomesFilters;
    dashboard?: OutcomesDashboard | null;
    loading?: boolean;
    error?: string | null;
    exportError?: string | null;
    nothingMatches?: boolean;
    clinicians?: Clinician[] | null;
    cliniciansLoading?: boolean;
    cliniciansError?: string | null;
  }

  async function render(view: View = {}): Promise<void> {
    const filters = view.filters ?? {};
    const d = view.dashboard === undefined ? aDashboard() : view.dashboard;
    store.overrideSelector(selectOutcomesFilters, filters);
    store.overrideSelector(outcomesFeature.selectLoading, view.loading ?? false);
    store.overrideSelector(outcomesFeature.selectError, view.error ?? null);
    store.overrideSelector(outcomesFeature.selectDashboard, d);
    store.overrideSelector(outcomesFeature.selectView, DEFAULT_VIEW);
    store.overrideSelector(outcomesFeature.selectExportError, view.exportError ?? null);
    store.overrideSelector(outcomesFeature.selectPrinting, false);
    store.overrideSelector(outcomesFeature.selectNothingMatches, view.nothingMatches ?? false);
    store.overrideSelector(outcomesFeature.selectClinicians, view.clinicians === undefined ? CLINICIANS : view.clinicians);
    store.overrideSelector(outcomesFeature.selectCliniciansLoading, view.cliniciansLoading ?? false);
    store.overrideSelector(outcomesFeature.selectCliniciansError, view.cliniciansError ?? null);
    store.overrideSelector(outcomesFeature.selectTiles, d ? dashboardTiles(d.tiles, d.today) : null);
    store.overrideSelector(
      outcomesFeature.selectResponderChart,
      d ? responderChart(d.responders, { month: 6, site: 'leg', treatments: filters.treatment ?? [] }) : null,
    );
    store.overrideSelector(outcomesFeature.selectTrajectoryChart, d ? trajectoryChart(d.trajectories, 'leg', null) : null);
    store.overrideSelector(outcomesFeature.selectCauseChart, d ? causeChart(d.causes) : null);
    store.overrideSelector(outcomesFeature.selectReferralChart, d ? referralChart(d.referrals) : null);
    store.overrideSelector(outcomesFeature.selectOdiChart, d ? odiChart(d.odiChange, 6) : null);
    fixture = TestBed.createComponent(OutcomesPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const text = () => (fixture.nativeElement as HTMLElement).textContent.replace(/\s+/g, ' ');

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [OutcomesPage],
      providers: [
        provideMockStore(),
        provideCharts({ registerables: CHART_REGISTERABLES }),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('tells the store it opened', async () => {
    await render();
    expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.opened());
  });

  it('shows the five tiles, "<11" for small groups', async () => {
    await render();
    const tiles = [...(fixture.nativeElement as HTMLElement).querySelectorAll('.tile')].map((t) =>
      [...t.querySelectorAll('p')].map((p) => p.textContent.trim()).join(' '),
    );
    expect(tiles).toEqual([
      'Active cases 160 Open cases (not discharged)',
      'New referrals this month <11 Referred since 1 November 2025',
      'Median days to first treatment 42 days From referral to first treatment; 120 patients',
      'Follow-up completion 75% 90 completed of 120 due',
      'Open red flags 0 Red-flag alerts not yet acknowledged',
    ]);
  });

  it('shows the five charts, each with its CSV export carrying the filters', async () => {
    await render({ filters: { treatment: ['SCS-IMPLANT'] } });
    const headings = [...(fixture.nativeElement as HTMLElement).querySelectorAll('app-chart-panel h2')].map((h) => h.textContent);
    expect(headings).toEqual([
      'Responder rates at 6 months: leg pain',
      'Pain over time: leg pain',
      'Suspected causes',
      'Referrals and case status',
      'Disability change (ODI) at 6 months',
    ]);
    const links = [...(fixture.nativeElement as HTMLElement).querySelectorAll<HTMLAnchorElement>('a[download]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toEqual(
      ['responders', 'trajectories', 'causes', 'referrals', 'odi-change'].map(
        (t) => `/api/outcomes/export?table=${t}&treatment=SCS-IMPLANT`,
      ),
    );
  });

  it('shows the published benchmarks beside the responder chart, marked as trial populations', async () => {
    await render({ filters: { treatment: ['SCS-IMPLANT'] } });
    const aside = (fixture.nativeElement as HTMLElement).querySelector('aside.benchmarks');
    expect(aside?.textContent).toContain('Published benchmarks: trial populations');
    expect(aside?.textContent).toContain(TRIAL_POPULATION_NOTE);
    expect(aside?.textContent).toContain('PROCESS: ≥50% leg-pain reduction at 6 months, 48% (24/50)');
    expect(aside?.textContent).toContain('Kumar K et al. Pain 2007;132:179-188');
    expect(aside?.querySelector('li.drawn')?.textContent).toContain('On the chart');
  });

  it('says what the filters are', async () => {
    await render({ filters: { treatment: ['SCS-IMPLANT'], referredFrom: '2025-01-01' } });
    expect(text()).toContain(
      'Showing: Referred on or after 1 Jan 2025; Treatment: Spinal cord stimulator, permanent implant (conventional)',
    );
    await render();
    expect(text()).toContain('Showing: all patients (no filters)');
  });

  it('puts a chosen treatment in the filters', async () => {
    await render();
    const select = await loader.getHarness(MatSelectHarness.with({ label: 'Treatment' }));
    await select.open();
    await select.clickOptions({ text: 'Spinal cord stimulator, permanent implant (conventional)' });
    expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.filtersChanged({ changes: { treatment: ['SCS-IMPLANT'] } }));
  });

  it('has a labelled control for every filter', async () => {
    await render();
    const labels = await Promise.all(
      (await loader.getAllHarnesses(MatSelectHarness.with({ selector: '.filters mat-select' }))).map(async (s) =>
        (await s.host()).getAttribute('aria-labelledby'),
      ),
    );
    expect(labels.every(Boolean)).toBeTrue();
    const fields = (fixture.nativeElement as HTMLElement).querySelectorAll('.filters mat-label');
    expect([...fields].map((l) => l.textContent.trim())).toEqual([
      'Referred from',
      'Referred to',
      'Index procedure',
      'Suspected cause',
      'Treatment',
      'Case status',
      'Clinician',
    ]);
  });

  describe('clinician filter', () => {
    const [amara, ben] = CLINICIANS;

    async function clinicianSelect(): Promise<MatSelectHarness> {
      return loader.getHarness(MatSelectHarness.with({ label: 'Clinician' }));
    }

    it('is a select labelled "Clinician" (the visible label names the combobox)', async () => {
      await render();
      const host = await (await clinicianSelect()).host();
      expect(await host.getAttribute('role')).toBe('combobox');
      const labelId = (await host.getAttribute('aria-labelledby'))?.split(' ')[0] ?? '';
      expect((fixture.nativeElement as HTMLElement).querySelector(`[id="${labelId}"]`)?.textContent.trim()).toBe('Clinician');
    });

    it('offers all clinicians and each specialist from the server, and puts the choice in the filters', async () => {
      await render();
      const select = await clinicianSelect();
      await select.open();
      expect(await Promise.all((await select.getOptions()).map((o) => o.getText()))).toEqual([
        'All clinicians',
        'Dr Amara Obi',
        'Dr Ben Hart',
      ]);
      await select.clickOptions({ text: 'Dr Ben Hart' });
      expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.filtersChanged({ changes: { clinician: ben.id } }));
    });

    it('shows the clinician in the URL as chosen, and "All clinicians" takes the filter off', async () => {
      await render({ filters: { clinician: amara.id } });
      const select = await clinicianSelect();
      expect(await select.getValueText()).toBe('Dr Amara Obi');
      expect(text()).toContain('Showing: Clinician: Dr Amara Obi');
      await select.open();
      await select.clickOptions({ text: 'All clinicians' });
      expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.filtersChanged({ changes: { clinician: undefined } }));
    });

    it('keeps a chosen clinician the list no longer holds visible (an old link)', async () => {
      await render({ filters: { clinician: '7d3f7c1e-2a4b-4c55-8d3e-0f6a1b2c3d99' } });
      expect(await (await clinicianSelect()).getValueText()).toBe('a clinician not in the list');
      expect(text()).toContain('Clinician: a clinician not in the list');
    });

    it('says the choices are loading (the select waits for them)', async () => {
      await render({ clinicians: null, cliniciansLoading: true });
      const select = await clinicianSelect();
      expect(await select.isDisabled()).toBeTrue();
      expect((fixture.nativeElement as HTMLElement).querySelector('.filters mat-hint')?.textContent).toContain('Loading clinicians');
    });

    it('says when the choices could not be loaded, with a Retry of its own', async () => {
      await render({ clinicians: null, cliniciansError: 'The server could not be reached.' });
      expect(await (await clinicianSelect()).isDisabled()).toBeTrue();
      const alert = (fixture.nativeElement as HTMLElement).querySelector('.clinicians-error[role="alert"]');
      expect(alert?.textContent).toContain('The clinicians to filter by could not be loaded. The server could not be reached.');
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry loading clinicians' }))).click();
      expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.cliniciansRetryClicked());
      expect(store.dispatch).not.toHaveBeenCalledWith(OutcomesPageActions.retryClicked());
    });
  });

  it('puts a referral date in the filters, and an incomplete one clears it', async () => {
    await render({ filters: { referredTo: '2025-06-30' } });
    const from = await loader.getHarness(MatInputHarness.with({ selector: '[type="date"]' }));
    await from.setValue('2025-01-01');
    await (await from.host()).dispatchEvent('change');
    expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.filtersChanged({ changes: { referredFrom: '2025-01-01' } }));
    const to = (await loader.getAllHarnesses(MatInputHarness.with({ selector: '[type="date"]' })))[1];
    await to.setValue('');
    await (await to.host()).dispatchEvent('change');
    expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.filtersChanged({ changes: { referredTo: undefined } }));
  });

  it('warns when the referral dates are the wrong way round', async () => {
    await render({ filters: { referredFrom: '2025-06-30', referredTo: '2025-01-01' } });
    expect((fixture.nativeElement as HTMLElement).querySelector('.filter-warning')?.textContent).toContain('no referral can match');
  });

  it("switches the responder chart's follow-up month and pain site", async () => {
    await render();
    const [month, site] = await loader.getAllHarnesses(MatButtonToggleGroupHarness);
    await (await month.getToggles({ text: '12 months' }))[0]?.check();
    expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.viewChanged({ changes: { responderMonth: 12 } }));
    await (await site.getToggles({ text: 'Back pain' }))[0]?.check();
    expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.viewChanged({ changes: { responderSite: 'back' } }));
  });

  it('shows progress while loading', async () => {
    await render({ loading: true });
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveSize(1);
    expect((fixture.nativeElement as HTMLElement).querySelector('.content')?.getAttribute('aria-busy')).toBe('true');
  });

  it('shows an error with Retry', async () => {
    await render({ error: 'The server could not be reached.', dashboard: null });
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The outcomes could not be loaded.');
    expect(alert?.textContent).toContain('The server could not be reached.');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.retryClicked());
  });

  it('offers to clear filters when no patient matches', async () => {
    await render({ filters: { cause: ['POST-ARA'] }, nothingMatches: true });
    expect(text()).toContain('No patients match these filters');
    expect((fixture.nativeElement as HTMLElement).querySelector('app-chart-panel')).toBeNull();
    const buttons = await loader.getAllHarnesses(MatButtonHarness.with({ text: /Clear filters/ }));
    await buttons[buttons.length - 1]?.click();
    expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.filtersCleared());
  });

  it('prints through the store (so that the print is recorded first)', async () => {
    await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Print/ }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.printClicked());
  });

  it('shows an export that could not be recorded until dismissed', async () => {
    await render({ exportError: 'The print could not be recorded in the audit trail, so it was not started.' });
    expect(text()).toContain('so it was not started');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Dismiss' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.exportErrorDismissed());
  });

  it('records a downloaded chart image', async () => {
    await render();
    spyOn(HTMLAnchorElement.prototype, 'click');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Download PNG: Suspected causes/ }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(OutcomesPageActions.chartImageDownloaded({ chart: 'causes' }));
  });
});
