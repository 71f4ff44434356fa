import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { PlanItem } from '@shared/contracts/plans';
import { CLOCK } from '../../core/clock';
import { CLINICIANS, OTHER_SPECIALIST_ID, PATIENT_ID, aCause, anItem } from '../testing/plan-fixtures';
import type { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { treatmentPlanFeature } from '../state/treatment-plan.feature';
import { ItemDetailsDialog } from './item-details-dialog';

describe('ItemDetailsDialog', () => {
  let fixture: ComponentFixture<ItemDetailsDialog>;
  let loader: HarnessLoader;
  let store: MockStore;
  let dialogData: unknown = null;

  async function render(item: PlanItem): Promise<void> {
    dialogData = { patientId: PATIENT_ID, item };
    fixture = TestBed.createComponent(ItemDetailsDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const field = (label: string | RegExp) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const save = async (): Promise<void> => (await loader.getHarness(MatButtonHarness.with({ text: 'Save changes' }))).click();
  const lastAction = () =>
    (store.dispatch as jasmine.Spy).calls.mostRecent().args[0] as
      | ReturnType<typeof TreatmentPlanPanelActions.itemChangeSubmitted>
      | undefined;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ItemDetailsDialog],
      providers: [
        provideMockStore({
          selectors: [
            { selector: treatmentPlanFeature.selectSaves, value: {} },
            { selector: treatmentPlanFeature.selectSpecialists, value: CLINICIANS.filter((c) => c.role === 'specialist') },
            { selector: treatmentPlanFeature.selectCauses, value: [aCause({ code: 'POST-NEU' })] },
          ],
        }),
        { provide: MatDialogRef, useValue: jasmine.createSpyObj<MatDialogRef<ItemDetailsDialog, boolean>>('MatDialogRef', ['close']) },
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

  it('sends only what changed, on the version it was opened with', async () => {
    await render(anItem({ status: 'active', startedOn: '2025-05-01', version: 3 }));
    const clinician = await (await field('Responsible clinician')).getControl(MatSelectHarness);
    await clinician?.open();
    await clinician?.clickOptions({ text: 'Dr Wei Chen' });
    await (await (await field('Outcome note')).getControl(MatInputHarness))?.setValue('Helps with sleep');
    await save();
    expect(lastAction()?.body).toEqual({ version: 3, responsibleClinicianId: OTHER_SPECIALIST_ID, outcomeNote: 'Helps with sleep' });
  });

  it('says that moving the start date moves the follow-up schedule', async () => {
    await render(anItem({ status: 'active', startedOn: '2025-05-01' }));
    const start = await (await field('Start date')).getControl(MatInputHarness);
    await start?.setValue('02/05/2025');
    expect(await (await field('Start date')).getTextHints()).toEqual(['Moves the follow-up schedule']);
    await save();
    expect(lastAction()?.body).toEqual({ version: 1, startedOn: '2025-05-02' });
  });

  it('saves nothing when nothing changed, and says so', async () => {
    await render(anItem({ status: 'planned' }));
    await save();
    expect(store.dispatch).not.toHaveBeenCalled();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Nothing has changed yet.');
  });
});
