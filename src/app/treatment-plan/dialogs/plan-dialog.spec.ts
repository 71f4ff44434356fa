import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { DONE_SAVE, failedSave } from '../plan-save';
import { PATIENT_ID, aPlan } from '../testing/plan-fixtures';
import { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { treatmentPlanFeature } from '../state/treatment-plan.feature';
import { PlanDialog, type PlanDialogData } from './plan-dialog';

describe('PlanDialog (plan editor: goals)', () => {
  let fixture: ComponentFixture<PlanDialog>;
  let loader: HarnessLoader;
  let store: MockStore;
  let dialogData: unknown = null;
  let dialogRef: jasmine.SpyObj<MatDialogRef<PlanDialog, boolean>>;

  async function render(data: PlanDialogData): Promise<void> {
    dialogData = data;
    fixture = TestBed.createComponent(PlanDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const field = (label: string | RegExp) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  async function fill(label: string | RegExp, value: string): Promise<void> {
    const input = await (await field(label)).getControl(MatInputHarness);
    await input?.setValue(value);
    await input?.blur();
  }
  async function choose(label: string | RegExp, option: string): Promise<void> {
    const select = await (await field(label)).getControl(MatSelectHarness);
    await select?.open();
    await select?.clickOptions({ text: option });
  }
  const errorOf = async (label: string | RegExp): Promise<string[]> => (await field(label)).getTextErrors();
  const submit = async (text: string): Promise<void> => (await loader.getHarness(MatButtonHarness.with({ text }))).click();
  const lastAction = () => (store.dispatch as jasmine.Spy).calls.mostRecent().args[0] as { type: string; requestId: string } | undefined;

  beforeEach(() => {
    dialogRef = jasmine.createSpyObj<MatDialogRef<PlanDialog, boolean>>('MatDialogRef', ['close']);
    TestBed.configureTestingModule({
      imports: [PlanDialog],
      providers: [
        provideMockStore({ selectors: [{ selector: treatmentPlanFeature.selectSaves, value: {} }] }),
        { provide: MatDialogRef, useValue: dialogRef },
        { provide: MAT_DIALOG_DATA, useFactory: () => dialogData },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('creates a new plan with its goals', async () => {
    await render({ mode: 'new', patientId: PATIENT_ID, plan: null });
    await fill('Goal 1 description', '  Walk to the shops  ');
    await choose('Goal 1 measure', 'Leg pain (NRS)');
    await fill(/Goal 1: Leg NRS at most/, '4');
    await submit('Create plan');
    expect(lastAction()).toEqual(
      jasmine.objectContaining({
        type: TreatmentPlanPanelActions.planSubmitted.type,
        patientId: PATIENT_ID,
        goals: [{ text: 'Walk to the shops', measure: 'leg-nrs', target: 4 }],
        replaceActive: false,
      }),
    );
  });

  it('validates goals with the shared rules: a description, and a target on the measure’s scale', async () => {
    await render({ mode: 'new', patientId: PATIENT_ID, plan: null });
    await fill('Goal 1 description', 'x');
    await fill(/Goal 1: Leg NRS at most/, '12');
    await submit('Create plan');
    expect(store.dispatch).not.toHaveBeenCalled();
    expect(await errorOf('Goal 1 description')).toEqual(['Describe the goal']);
    expect(await errorOf(/Goal 1: Leg NRS at most/)).toEqual(['The NRS runs from 0 to 10']);

    await choose('Goal 1 measure', 'Disability (ODI)');
    await fill(/Goal 1: ODI lower by/, '12');
    expect(await errorOf(/Goal 1: ODI lower by/)).toEqual([]);
    await fill(/Goal 1: ODI lower by/, '');
    expect(await errorOf(/Goal 1: ODI lower by/)).toEqual(['Give the reduction in points']);
  });

  it('asks for no target when the measure is "Other"', async () => {
    await render({ mode: 'new', patientId: PATIENT_ID, plan: null });
    await fill('Goal 1 description', 'Return to work');
    await choose('Goal 1 measure', 'Other');
    expect(await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: /Goal 1: / }))).toEqual([]);
    await submit('Create plan');
    expect(lastAction()).toEqual(jasmine.objectContaining({ goals: [{ text: 'Return to work', measure: 'other', target: null }] }));
  });

  it('replacing the active plan says what happens to it, and asks the server to replace it', async () => {
    await render({ mode: 'replace', patientId: PATIENT_ID, plan: aPlan() });
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('will be marked completed and kept as history');
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Remove goal 1"]' }))).click();
    await submit('Replace active plan');
    expect(lastAction()).toEqual(
      jasmine.objectContaining({ type: TreatmentPlanPanelActions.planSubmitted.type, goals: [], replaceActive: true }),
    );
  });

  it('edits the goals on the version it was opened with, and closes once saved', async () => {
    await render({ mode: 'edit', patientId: PATIENT_ID, plan: aPlan({ version: 3 }) });
    await fill('Goal 1 description', 'Leg pain NRS 3 or less');
    await fill(/Goal 1: Leg NRS at most/, '3');
    await submit('Save goals');
    const action = lastAction();
    expect(action).toEqual(
      jasmine.objectContaining({
        type: TreatmentPlanPanelActions.goalsSubmitted.type,
        version: 3,
        goals: [{ text: 'Leg pain NRS 3 or less', measure: 'leg-nrs', target: 3 }],
      }),
    );
    store.overrideSelector(treatmentPlanFeature.selectSaves, { [action?.requestId ?? '']: DONE_SAVE });
    store.refreshState();
    await fixture.whenStable();
    expect(dialogRef.close).toHaveBeenCalledWith(true);
  });

  it('completes the active plan without a new one, after saying what happens', async () => {
    await render({ mode: 'complete', patientId: PATIENT_ID, plan: aPlan({ version: 2 }) });
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('is marked completed and kept as history');
    expect(await loader.getAllHarnesses(MatFormFieldHarness)).toEqual([]);
    await submit('Mark plan completed');
    expect(lastAction()).toEqual(
      jasmine.objectContaining({ type: TreatmentPlanPanelActions.planCompletionSubmitted.type, planId: aPlan().id, version: 2 }),
    );
  });

  it('puts the server’s field errors next to their fields (400)', async () => {
    await render({ mode: 'edit', patientId: PATIENT_ID, plan: aPlan() });
    await submit('Save goals');
    const failure = {
      status: 400,
      message: 'Check the form',
      fieldErrors: [{ path: 'goals.0.text', message: 'Too long for the record' }],
      current: null,
    };
    store.overrideSelector(treatmentPlanFeature.selectSaves, { [lastAction()?.requestId ?? '']: failedSave(failure, null) });
    store.refreshState();
    await fixture.whenStable();
    expect(await errorOf('Goal 1 description')).toEqual(['Too long for the record']);
    expect(dialogRef.close).not.toHaveBeenCalled();
  });

  it('on a conflict (409) says who changed what and offers to reload, saving nothing over it', async () => {
    await render({ mode: 'edit', patientId: PATIENT_ID, plan: aPlan() });
    await submit('Save goals');
    const failure = { status: 409, message: 'Changed', fieldErrors: [], current: null };
    const conflict = { changedBy: null, changedAt: null, changes: [{ label: 'Goals', before: 'Leg NRS ≤ 4', after: '(none)' }] };
    store.overrideSelector(treatmentPlanFeature.selectSaves, { [lastAction()?.requestId ?? '']: failedSave(failure, conflict) });
    store.refreshState();
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent;
    expect(text).toContain('Not saved: the plan was changed by someone else');
    expect(text).toContain('Leg NRS ≤ 4');
    await submit('refresh Reload the plan');
    expect(store.dispatch).toHaveBeenCalledWith(TreatmentPlanPanelActions.reloadClicked({ patientId: PATIENT_ID }));
    expect(dialogRef.close).toHaveBeenCalledWith(false);
  });
});
