import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { EMPTY } from 'rxjs';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { PlanItemOutcome, TreatmentPlan } from '@shared/contracts/plans';
import type { Role } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';
import { CLOCK } from '../../core/clock';
import type { AddItemDialogData } from '../dialogs/add-item-dialog';
import type { PlanDialogData } from '../dialogs/plan-dialog';
import { CLINICIANS, PATIENT_ID, aPlan, anItem, anOutcome } from '../testing/plan-fixtures';
import { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { treatmentPlanFeature } from '../state/treatment-plan.feature';
import { TreatmentPlanPanel } from './treatment-plan-panel';

describe('TreatmentPlanPanel', () => {
  let fixture: ComponentFixture<TreatmentPlanPanel>;
  let loader: HarnessLoader;
  let store: MockStore;
  let dialog: jasmine.SpyObj<MatDialog>;

  interface View {
    role?: Role;
    active?: TreatmentPlan | null;
    earlier?: TreatmentPlan[];
    loading?: boolean;
    loaded?: boolean;
    error?: string | null;
    outcomes?: Partial<Record<string, PlanItemOutcome>>;
    outcomesError?: string | null;
    patientId?: string;
  }

  async function render(view: View = {}): Promise<void> {
    store.overrideSelector(treatmentPlanFeature.selectPatientId, view.patientId ?? PATIENT_ID);
    store.overrideSelector(treatmentPlanFeature.selectLoading, view.loading ?? false);
    store.overrideSelector(treatmentPlanFeature.selectLoaded, view.loaded ?? true);
    store.overrideSelector(treatmentPlanFeature.selectError, view.error ?? null);
    store.overrideSelector(treatmentPlanFeature.selectActivePlan, view.active === undefined ? aPlan() : view.active);
    store.overrideSelector(treatmentPlanFeature.selectEarlierPlans, view.earlier ?? []);
    store.overrideSelector(treatmentPlanFeature.selectOutcomesByItem, view.outcomes ?? {});
    store.overrideSelector(treatmentPlanFeature.selectOutcomesLoading, false);
    store.overrideSelector(treatmentPlanFeature.selectOutcomesError, view.outcomesError ?? null);
    store.overrideSelector(treatmentPlanFeature.selectClinicians, CLINICIANS);
    store.overrideSelector(authFeature.selectRole, view.role ?? 'specialist');
    fixture = TestBed.createComponent(TreatmentPlanPanel);
    fixture.componentRef.setInput('patientId', PATIENT_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const text = (): string => (fixture.nativeElement as HTMLElement).textContent.replace(/\s+/g, ' ');
  const button = (name: string | RegExp) => loader.getHarness(MatButtonHarness.with({ text: name }));
  const buttons = (name: string | RegExp) => loader.getAllHarnesses(MatButtonHarness.with({ text: name }));
  /** The dialog opens once its code has loaded. */
  async function opened(): Promise<{ component: unknown; data: unknown }> {
    await expectAsync(
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (dialog.open.calls.count() > 0) resolve();
          else setTimeout(check, 10);
        };
        check();
      }),
    ).toBeResolved();
    const [component, config] = dialog.open.calls.mostRecent().args;
    return { component, data: config?.data };
  }

  beforeEach(() => {
    dialog = jasmine.createSpyObj<MatDialog>('MatDialog', ['open']);
    dialog.open.and.returnValue({ afterClosed: () => EMPTY } as unknown as MatDialogRef<unknown>);
    TestBed.configureTestingModule({
      imports: [TreatmentPlanPanel],
      providers: [
        provideMockStore(),
        { provide: MatDialog, useValue: dialog },
        { provide: CLOCK, useValue: { now: () => new Date(2025, 5, 1, 12).getTime() } },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('tells the store it opened for its patient', async () => {
    await render();
    expect(store.dispatch).toHaveBeenCalledWith(TreatmentPlanPanelActions.opened({ patientId: PATIENT_ID }));
  });

  it('shows the active plan’s goals and its treatments grouped by status', async () => {
    const items = [
      anItem({ treatmentCode: 'PHYSIO', status: 'completed', startedOn: '2025-01-01', endedOn: '2025-03-01' }),
      anItem({ treatmentCode: 'SCS-TRIAL', status: 'active', startedOn: '2025-05-20' }),
      anItem({ treatmentCode: 'MED-NSAID', status: 'planned' }),
    ];
    await render({ active: aPlan({ items, goals: [{ text: 'Walk to the shops', measure: 'leg-nrs', target: 4 }] }) });
    expect(text()).toContain('Active plan, created 1 May 2025 by Dr Samuel Reyes');
    const goals = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('.goal-list li')).map((li) =>
      li.textContent.replace(/\s+/g, ' ').trim(),
    );
    expect(goals).toEqual(['Leg NRS ≤ 4Walk to the shops']);
    const groups = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('.group-title')).map((h) => h.textContent.trim());
    expect(groups).toEqual(['Active (1)', 'Planned (1)', 'Completed (1)']);
  });

  it('lets a specialist add treatments, edit goals and replace the active plan', async () => {
    await render();
    expect((await buttons('add Add treatment')).length).toBe(1);
    expect((await buttons('edit Edit goals')).length).toBe(1);
    await (await button('Replace active plan')).click();
    const { data } = await opened();
    expect(data).toEqual({ mode: 'replace', patientId: PATIENT_ID, plan: aPlan() } satisfies PlanDialogData);
  });

  it('offers "New plan" when there is no active plan', async () => {
    await render({ active: null });
    expect(text()).toContain('No active treatment plan');
    await (await button('add New plan')).click();
    const { data } = await opened();
    expect((data as PlanDialogData).mode).toBe('new');
  });

  it('is read-only for a nurse', async () => {
    const item = anItem({ status: 'planned' });
    await render({ role: 'nurse', active: aPlan({ items: [item] }) });
    expect(await loader.getAllHarnesses(MatButtonHarness)).toEqual([]);
    await render({ role: 'nurse', active: null });
    expect(text()).toContain('A pain specialist creates the plan.');
  });

  it('after a successful trial, "Plan the permanent implant" opens the catalogue narrowed to the SCS implants', async () => {
    const trial = anItem({
      treatmentCode: 'SCS-TRIAL',
      status: 'completed',
      startedOn: '2025-05-01',
      trialReliefPct: 70,
      trialDecision: 'success',
      addressesCauses: ['POST-NEU'],
    });
    await render({ active: aPlan({ items: [trial] }) });
    await (await button('Plan the permanent implant')).click();
    const { data } = await opened();
    expect(data).toEqual(
      jasmine.objectContaining({
        only: ['SCS-IMPLANT', 'SCS-10KHZ'],
        title: 'Plan the permanent implant',
        addressesCauses: ['POST-NEU'],
      } satisfies Partial<AddItemDialogData>),
    );
  });

  it('shows the outcome table of a started item', async () => {
    const item = anItem({ treatmentCode: 'SCS-10KHZ', status: 'active', startedOn: '2025-01-10' });
    await render({ active: aPlan({ items: [item] }), outcomes: { [item.id]: anOutcome({ itemId: item.id }) } });
    expect(text()).toContain('Outcomes');
    expect(text()).toContain('Substantial (50% or more)');
  });

  it('keeps earlier plans as collapsed history', async () => {
    const old = aPlan({
      id: '00000000-0000-4000-8000-000000000009',
      status: 'completed',
      createdAt: '2024-02-01T10:00:00.000Z',
      items: [anItem({ status: 'completed', startedOn: '2024-02-10' })],
    });
    await render({ earlier: [old] });
    const details = (fixture.nativeElement as HTMLElement).querySelector('details.earlier');
    expect(details?.hasAttribute('open')).toBeFalse();
    expect(details?.querySelector('summary')?.textContent.trim()).toBe('Earlier plans (1)');
    expect(text()).toContain('Completed plan, created 1 Feb 2024 by Dr Samuel Reyes');
  });

  it('says when the plan could not be loaded, and retries', async () => {
    await render({ error: 'The server could not be reached.', loaded: false });
    expect(text()).toContain('The treatment plan could not be loaded.');
    await (await button('Retry')).click();
    expect(store.dispatch).toHaveBeenCalledWith(TreatmentPlanPanelActions.retryClicked({ patientId: PATIENT_ID }));
  });

  it('says when there are no treatments yet', async () => {
    await render({ active: aPlan({ items: [] }) });
    expect(text()).toContain('No treatments in this plan yet');
  });

  it('shows nothing of another patient’s plans', async () => {
    await render({ patientId: '00000000-0000-4000-8000-0000000000ee' });
    expect(text()).not.toContain('Active plan');
  });
});
