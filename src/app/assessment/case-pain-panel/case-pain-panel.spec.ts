import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { signal } from '@angular/core';
import { type ComponentFixture, DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatInputHarness } from '@angular/material/input/testing';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { Store, provideState, provideStore } from '@ngrx/store';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { Assessment, RedFlagAlert } from '@shared/contracts/assessments';
import type { Role } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';
import { CLOCK } from '../../core/clock';
import { PainChart } from '../../shared/ui/pain-chart/pain-chart';
import { aUser } from '../../testing/fixtures';
import { PlansApiActions } from '../../treatment-plan/state/plans-api.actions';
import { AssessmentsStateRegistry } from '../assessments-state';
import { AssessmentOutbox } from '../outbox/assessment-outbox';
import { AssessmentsApiActions } from '../state/assessments-api.actions';
import { assessmentsFeature } from '../state/assessments.feature';
import { CasePainPanelActions } from '../state/case-pain-panel.actions';
import { NURSE_ID, OTHER_ID, PATIENT_ID, aPlan, aPlanItem, anAlert, anAssessment } from '../testing/builders';
import { CasePainPanel } from './case-pain-panel';

const IDLE = { targetId: null, pending: false, failure: null, done: 0 };

describe('CasePainPanel', () => {
  let fixture: ComponentFixture<CasePainPanel>;
  let element: HTMLElement;
  let store: MockStore;
  let loader: HarnessLoader;

  const mine = anAssessment({
    recordedAt: '2026-05-01T09:00:00.000Z',
    recordedById: NURSE_ID,
    symptoms: [{ type: 'numbness', side: 'left', regions: [], dermatomes: ['L5'], onset: null, note: null }],
  });
  const theirs = anAssessment({ recordedAt: '2026-04-01T09:00:00.000Z', recordedById: OTHER_ID, recordedBy: 'Sam Lee' });

  interface View {
    role?: Role;
    assessments?: Assessment[];
    alerts?: RedFlagAlert[];
    error?: string | null;
  }

  async function render(view: View = {}): Promise<void> {
    const assessments = view.assessments ?? [theirs, mine];
    const role = view.role ?? 'nurse';
    store.overrideSelector(authFeature.selectUser, aUser({ id: NURSE_ID, role }));
    store.overrideSelector(authFeature.selectRole, role);
    store.overrideSelector(assessmentsFeature.selectPatientId, PATIENT_ID);
    store.overrideSelector(assessmentsFeature.selectLoading, false);
    store.overrideSelector(assessmentsFeature.selectError, view.error ?? null);
    store.overrideSelector(assessmentsFeature.selectAlertsError, null);
    store.overrideSelector(assessmentsFeature.selectPlansError, null);
    store.overrideSelector(assessmentsFeature.selectAll, assessments);
    store.overrideSelector(assessmentsFeature.selectEntities, Object.fromEntries(assessments.map((a) => [a.id, a])));
    store.overrideSelector(assessmentsFeature.selectPlans, []);
    store.overrideSelector(assessmentsFeature.selectOpenAlerts, view.alerts ?? []);
    store.overrideSelector(assessmentsFeature.selectAlerts, view.alerts ?? []);
    store.overrideSelector(
      assessmentsFeature.selectEnteredInError,
      assessments.filter((a) => a.enteredInError),
    );
    store.overrideSelector(assessmentsFeature.selectRetraction, IDLE);
    store.overrideSelector(assessmentsFeature.selectAcknowledgement, IDLE);
    fixture = TestBed.createComponent(CasePainPanel);
    fixture.componentRef.setInput('patientId', PATIENT_ID);
    element = fixture.nativeElement as HTMLElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  async function showTable(): Promise<void> {
    const [chart] = await fixture.getDeferBlocks();
    await chart.render(DeferBlockState.Complete);
    [...element.querySelectorAll<HTMLButtonElement>('app-pain-chart button')].find((b) => b.textContent.trim() === 'Table')?.click();
    await fixture.whenStable();
  }

  function dispatched(type: string): unknown[] {
    return (store.dispatch as jasmine.Spy).calls
      .allArgs()
      .map(([action]) => action as { type: string })
      .filter((action) => action.type === type);
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [CasePainPanel],
      providers: [
        provideRouter([]),
        provideMockStore(),
        { provide: CLOCK, useValue: { now: () => Date.parse('2026-05-31T12:00:00.000Z') } },
        { provide: AssessmentsStateRegistry, useValue: { ensure: () => true } },
        {
          provide: AssessmentOutbox,
          useValue: { entries: signal([]), storageWorks: signal(true), retryNow: () => undefined, discard: () => undefined },
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    // The chart is a deferred dependency.
    await TestBed.compileComponents();
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('loads the patient’s assessments', async () => {
    await render();
    expect(store.dispatch).toHaveBeenCalledWith(CasePainPanelActions.opened({ patientId: PATIENT_ID }));
  });

  it('shows the latest symptom locations on the body diagram, read-only', async () => {
    await render();
    const diagram = element.querySelector('app-body-diagram svg[role="img"]');
    expect(diagram?.getAttribute('aria-label')).toContain('Left L5 dermatome');
    expect(element.querySelector('app-body-diagram [role="checkbox"]')).toBeNull();
    const parts = [...element.querySelectorAll('.symptom-list li span')].map((span) => span.textContent.trim());
    expect(parts).toEqual(['Numbness', 'Left', 'L5 dermatome']);
  });

  it('says when there is nothing yet, and offers a retry when loading failed', async () => {
    await render({ assessments: [] });
    expect(element.textContent).toContain('No assessments yet');
    TestBed.inject(MockStore).resetSelectors();
    fixture.destroy();
    await render({ error: 'The server could not be reached.' });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(CasePainPanelActions.retryClicked({ patientId: PATIENT_ID }));
  });

  describe('red flags', () => {
    const alert = anAlert({ flags: ['saddle-numbness', 'fever'], version: 3 });

    it('lists open alerts with their questions and actions; a specialist acknowledges with the action taken', async () => {
      await render({ role: 'specialist', alerts: [alert] });
      const text = element.querySelector('.alerts')?.textContent ?? '';
      expect(text).toContain('Open red flag (1)');
      expect(text).toContain('New numbness in the saddle or perineal area?');
      expect(text).toContain('Emergency same-day MRI and spinal surgical referral');
      expect(text).toContain('Fever?');

      const acknowledge = await loader.getHarness(MatButtonHarness.with({ text: 'Acknowledge' }));
      await acknowledge.click();
      expect(dispatched(CasePainPanelActions.acknowledgeSubmitted.type)).toEqual([]);
      expect(element.querySelector('.alerts')?.textContent).toContain('Describe the action taken');

      const action = await loader.getHarness(MatInputHarness.with({ selector: `#action-${alert.id}` }));
      await action.setValue('Same-day MRI booked; spinal on-call informed');
      await acknowledge.click();
      expect(dispatched(CasePainPanelActions.acknowledgeSubmitted.type)).toEqual([
        CasePainPanelActions.acknowledgeSubmitted({
          patientId: PATIENT_ID,
          alertId: alert.id,
          body: { version: 3, actionTaken: 'Same-day MRI booked; spinal on-call informed' },
        }),
      ]);
    });

    it('tells the case page when the open red flags change, so its banner follows', async () => {
      await render({ role: 'specialist', alerts: [alert] });
      let changes = 0;
      fixture.componentInstance.redFlagsChanged.subscribe(() => changes++);
      await fixture.whenStable();
      expect(changes).toBe(0);
      store.overrideSelector(assessmentsFeature.selectOpenAlerts, []);
      store.overrideSelector(assessmentsFeature.selectAlerts, [{ ...alert, acknowledgedAt: '2026-05-02T09:00:00.000Z' }]);
      store.refreshState();
      await fixture.whenStable();
      expect(changes).toBe(1);
    });

    it('nurses see the alert but not the acknowledgement', async () => {
      await render({ role: 'nurse', alerts: [alert] });
      expect(element.textContent).toContain('A pain specialist acknowledges this alert');
      expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Acknowledge' }))).toEqual([]);
    });
  });

  describe('entered in error', () => {
    it('a nurse may mark only her own entries, from the table view, with a reason', async () => {
      await render({ role: 'nurse' });
      await showTable();
      const buttons = await loader.getAllHarnesses(MatButtonHarness.with({ text: /^Mark entered in error/ }));
      expect(buttons.length).toBe(1);
      await buttons[0].click();
      const confirm = await loader.getHarness(MatButtonHarness.with({ text: 'Mark entered in error', selector: '.retract button' }));
      await confirm.click();
      expect(dispatched(CasePainPanelActions.enteredInErrorSubmitted.type)).toEqual([]);
      await (await loader.getHarness(MatInputHarness.with({ selector: '#retract-reason' }))).setValue('Typed 9 instead of 6');
      await confirm.click();
      expect(dispatched(CasePainPanelActions.enteredInErrorSubmitted.type)).toEqual([
        CasePainPanelActions.enteredInErrorSubmitted({
          patientId: PATIENT_ID,
          assessmentId: mine.id,
          body: { version: 1, reason: 'Typed 9 instead of 6' },
        }),
      ]);
    });

    it('a specialist may mark any entry', async () => {
      await render({ role: 'specialist' });
      await showTable();
      expect((await loader.getAllHarnesses(MatButtonHarness.with({ text: /^Mark entered in error/ }))).length).toBe(2);
    });

    it('lists entries in error apart, with the reason, and keeps them off the chart', async () => {
      const retracted = anAssessment({ enteredInError: true, enteredInErrorReason: 'Wrong patient', backNrs: 2, legNrs: 2 });
      await render({ assessments: [theirs, mine, retracted] });
      expect(element.querySelector('.retracted')?.textContent).toContain('Wrong patient');
      await showTable();
      expect(element.querySelectorAll('app-pain-chart tr[mat-row]').length).toBe(2);
    });
  });
});

/** Through the real reducer: what the treatment plan panel's saves do to this panel's chart. */
describe('CasePainPanel with the treatment plan panel beside it', () => {
  let fixture: ComponentFixture<CasePainPanel>;
  let store: Store;

  const physio = aPlanItem({ treatmentCode: 'PHYSIO', startedOn: '2026-03-01' });
  const plan = aPlan([physio]);

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [CasePainPanel],
      providers: [
        provideRouter([]),
        provideStore(),
        provideState(authFeature),
        // The feature without its effects: nothing is fetched, the spec plays the server's answers.
        provideState(assessmentsFeature),
        { provide: CLOCK, useValue: { now: () => Date.parse('2026-05-31T12:00:00.000Z') } },
        { provide: AssessmentsStateRegistry, useValue: { ensure: () => true } },
        {
          provide: AssessmentOutbox,
          useValue: { entries: signal([]), storageWorks: signal(true), retryNow: () => undefined, discard: () => undefined },
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    await TestBed.compileComponents();
    store = TestBed.inject(Store);
    fixture = TestBed.createComponent(CasePainPanel);
    fixture.componentRef.setInput('patientId', PATIENT_ID);
    await fixture.whenStable();
    store.dispatch(
      AssessmentsApiActions.assessmentsLoaded({
        patientId: PATIENT_ID,
        assessments: [anAssessment({ recordedAt: '2026-02-20T09:00:00.000Z' })],
      }),
    );
    store.dispatch(AssessmentsApiActions.plansLoaded({ patientId: PATIENT_ID, plans: [plan] }));
    await fixture.whenStable();
    const [chart] = await fixture.getDeferBlocks();
    await chart.render(DeferBlockState.Complete);
    await fixture.whenStable();
  });

  function drawn(): (string | null)[][] {
    const chart = fixture.debugElement.query(By.directive(PainChart)).componentInstance as PainChart;
    return chart.annotations().map((a) => [a.label, a.start, a.end]);
  }

  it('draws the treatments loaded with the chart', () => {
    expect(drawn()).toEqual([['Physiotherapy / exercise rehabilitation', '2026-03-01', null]]);
  });

  it('follows an item added and started, a status change and a trial result, without reloading', async () => {
    const trial = aPlanItem({ planId: plan.id, treatmentCode: 'SCS-TRIAL', startedOn: '2026-05-10' });
    store.dispatch(PlansApiActions.planSaved({ requestId: 'r1', patientId: PATIENT_ID, plan: { ...plan, items: [physio, trial] } }));
    await fixture.whenStable();
    expect(drawn()).toEqual([
      ['Physiotherapy / exercise rehabilitation', '2026-03-01', null],
      ['Spinal cord stimulation trial', '2026-05-10', null],
    ]);

    const stopped = { ...physio, status: 'stopped' as const, endedOn: '2026-05-20', stopReason: 'No benefit', version: 2 };
    const result = {
      ...trial,
      status: 'completed' as const,
      endedOn: '2026-05-17',
      trialReliefPct: 60,
      trialDecision: 'success' as const,
      version: 2,
    };
    store.dispatch(PlansApiActions.planSaved({ requestId: 'r2', patientId: PATIENT_ID, plan: { ...plan, items: [stopped, result] } }));
    await fixture.whenStable();
    expect(drawn()).toEqual([
      ['Physiotherapy / exercise rehabilitation', '2026-03-01', '2026-05-20'],
      ['Spinal cord stimulation trial', '2026-05-10', '2026-05-17'],
    ]);
  });

  it('keeps the earlier treatments when a new plan replaces the active one', async () => {
    const next = aPlan([], { createdAt: '2026-05-30T09:00:00.000Z' });
    store.dispatch(PlansApiActions.planCreated({ requestId: 'r1', patientId: PATIENT_ID, plan: next }));
    store.dispatch(
      PlansApiActions.plansLoadSucceeded({ patientId: PATIENT_ID, plans: [next, { ...plan, status: 'completed', version: 2 }] }),
    );
    await fixture.whenStable();
    expect(drawn()).toEqual([['Physiotherapy / exercise rehabilitation', '2026-03-01', null]]);
    const implant = aPlanItem({ planId: next.id, treatmentCode: 'SCS-IMPLANT', startedOn: '2026-05-30' });
    store.dispatch(PlansApiActions.planSaved({ requestId: 'r2', patientId: PATIENT_ID, plan: { ...next, items: [implant] } }));
    await fixture.whenStable();
    expect(drawn().map(([label]) => label)).toEqual([
      'Physiotherapy / exercise rehabilitation',
      'Spinal cord stimulator, permanent implant (conventional)',
    ]);
  });
});
