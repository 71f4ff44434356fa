import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { PlanItem } from '@shared/contracts/plans';
import { SCS_TRIAL_SUCCESS_RELIEF_PCT, isScsTrialSuccess } from '@shared/domain/treatments';
import { CLOCK } from '../../core/clock';
import { failedSave } from '../plan-save';
import { PATIENT_ID, anItem } from '../testing/plan-fixtures';
import { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { treatmentPlanFeature } from '../state/treatment-plan.feature';
import { TrialResultDialog, trialVerdict } from './trial-result-dialog';

describe('TrialResultDialog (SCS trial result)', () => {
  let fixture: ComponentFixture<TrialResultDialog>;
  let loader: HarnessLoader;
  let store: MockStore;
  let dialogData: unknown = null;

  async function render(item: PlanItem): Promise<void> {
    dialogData = { patientId: PATIENT_ID, item };
    fixture = TestBed.createComponent(TrialResultDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const relief = async (value: string): Promise<void> => {
    const input = await (
      await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: /Pain relief/ }))
    ).getControl(MatInputHarness);
    await input?.setValue(value);
    await fixture.whenStable();
  };
  const verdict = (): string =>
    (fixture.nativeElement as HTMLElement).querySelector('#trial-verdict')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  const save = async (): Promise<void> => (await loader.getHarness(MatButtonHarness.with({ text: 'Save result' }))).click();
  const lastAction = () =>
    (store.dispatch as jasmine.Spy).calls.mostRecent().args[0] as
      | ReturnType<typeof TreatmentPlanPanelActions.itemChangeSubmitted>
      | undefined;
  const activeTrial = anItem({ treatmentCode: 'SCS-TRIAL', status: 'active', startedOn: '2025-05-20', version: 2 });

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TrialResultDialog],
      providers: [
        provideMockStore({ selectors: [{ selector: treatmentPlanFeature.selectSaves, value: {} }] }),
        { provide: MatDialogRef, useValue: jasmine.createSpyObj<MatDialogRef<TrialResultDialog, boolean>>('MatDialogRef', ['close']) },
        { provide: MAT_DIALOG_DATA, useFactory: () => dialogData },
        { provide: CLOCK, useValue: { now: () => new Date(2025, 5, 1, 12).getTime() } },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('judges the relief by the shared rule (success from 50%)', () => {
    for (const pct of [0, 30, 49, 50, 51, 100]) {
      expect(trialVerdict(pct)).toBe(isScsTrialSuccess(pct) ? 'success' : 'failure');
    }
    expect(trialVerdict(SCS_TRIAL_SUCCESS_RELIEF_PCT - 1)).toBe('failure');
    expect(trialVerdict(SCS_TRIAL_SUCCESS_RELIEF_PCT)).toBe('success');
    expect(trialVerdict(null)).toBeNull();
    expect(trialVerdict(101)).toBeNull();
  });

  it('shows live whether the relief typed counts as a successful trial', async () => {
    await render(activeTrial);
    expect(verdict()).toContain('Enter the relief');
    await relief('49');
    expect(verdict()).toContain('Below 50%: not a successful trial.');
    await relief('50');
    expect(verdict()).toContain('Counts as a successful trial (50% or more).');
  });

  it('saves the relief and, for an active trial, completes it on the end date', async () => {
    await render(activeTrial);
    await relief('60');
    expect(await (await loader.getHarness(MatCheckboxHarness)).isChecked()).toBeTrue();
    await save();
    expect(lastAction()).toEqual(
      TreatmentPlanPanelActions.itemChangeSubmitted({
        requestId: lastAction()?.requestId ?? '',
        patientId: PATIENT_ID,
        itemId: activeTrial.id,
        body: { version: 2, trialReliefPct: 60, status: 'completed', endedOn: '2025-06-01' },
      }),
    );
  });

  it('can record the relief without completing the trial', async () => {
    await render(activeTrial);
    await relief('20');
    await (await loader.getHarness(MatCheckboxHarness)).uncheck();
    await save();
    expect(lastAction()?.body).toEqual({ version: 2, trialReliefPct: 20 });
  });

  it('needs a whole percentage from 0 to 100', async () => {
    await render(activeTrial);
    await relief('120');
    await save();
    expect(store.dispatch).not.toHaveBeenCalled();
    const errors = await (await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: /Pain relief/ }))).getTextErrors();
    expect(errors).toEqual(['A whole number from 0 to 100']);
  });

  it('shows the server’s rule message when it refuses (422)', async () => {
    await render(
      anItem({ treatmentCode: 'SCS-TRIAL', status: 'completed', startedOn: '2025-05-01', trialReliefPct: 40, trialDecision: 'failure' }),
    );
    await relief('55');
    await save();
    const failure = { status: 422, message: 'Relief is recorded only for a spinal cord stimulation trial', fieldErrors: [], current: null };
    store.overrideSelector(treatmentPlanFeature.selectSaves, { [lastAction()?.requestId ?? '']: failedSave(failure, null) });
    store.refreshState();
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain(
      'Relief is recorded only for a spinal cord stimulation trial',
    );
  });
});
