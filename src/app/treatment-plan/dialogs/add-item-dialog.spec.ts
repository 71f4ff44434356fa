import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TREATMENTS } from '@shared/domain/treatments';
import { authFeature } from '../../auth/state/auth.feature';
import { aUser } from '../../testing/fixtures';
import { CLINICIANS, PATIENT_ID, PLAN_ID, SPECIALIST_ID, aCause } from '../testing/plan-fixtures';
import { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { treatmentPlanFeature } from '../state/treatment-plan.feature';
import { AddItemDialog, type AddItemDialogData } from './add-item-dialog';

describe('AddItemDialog', () => {
  let fixture: ComponentFixture<AddItemDialog>;
  let loader: HarnessLoader;
  let store: MockStore;
  let dialogData: unknown = null;

  async function render(data: Partial<AddItemDialogData> = {}): Promise<void> {
    dialogData = {
      patientId: PATIENT_ID,
      planId: PLAN_ID,
      only: null,
      title: 'Add a treatment',
      addressesCauses: [],
      ...data,
    } satisfies AddItemDialogData;
    fixture = TestBed.createComponent(AddItemDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const select = async (label: string) =>
    (await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }))).getControl(MatSelectHarness);
  const lastAction = () =>
    (store.dispatch as jasmine.Spy).calls.mostRecent().args[0] as ReturnType<typeof TreatmentPlanPanelActions.itemSubmitted> | undefined;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AddItemDialog],
      providers: [
        provideMockStore({
          selectors: [
            { selector: treatmentPlanFeature.selectSaves, value: {} },
            { selector: treatmentPlanFeature.selectSpecialists, value: CLINICIANS.filter((c) => c.role === 'specialist') },
            { selector: treatmentPlanFeature.selectCliniciansError, value: null },
            {
              selector: treatmentPlanFeature.selectCauses,
              value: [aCause({ code: 'POST-NEU' }), aCause({ code: 'POST-PSA', status: 'provisional' })],
            },
            { selector: treatmentPlanFeature.selectCausesError, value: null },
            { selector: authFeature.selectUser, value: aUser({ id: SPECIALIST_ID, role: 'specialist' }) },
          ],
        }),
        { provide: MatDialogRef, useValue: jasmine.createSpyObj<MatDialogRef<AddItemDialog, boolean>>('MatDialogRef', ['close']) },
        { provide: MAT_DIALOG_DATA, useFactory: () => dialogData },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('offers the whole catalogue by category', async () => {
    await render();
    const treatment = await select('Treatment');
    await treatment?.open();
    expect((await treatment?.getOptionGroups())?.length).toBe(4);
    expect((await treatment?.getOptions())?.length).toBe(TREATMENTS.length);
  });

  it('needs a treatment', async () => {
    await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add to plan' }))).click();
    expect(store.dispatch).not.toHaveBeenCalled();
    expect(await (await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Treatment' }))).getTextErrors()).toEqual([
      'Choose a treatment',
    ]);
  });

  it('adds the chosen treatment with the causes it addresses, the specialist responsible by default', async () => {
    await render();
    const treatment = await select('Treatment');
    await treatment?.open();
    await treatment?.clickOptions({ text: 'Spinal cord stimulation trial' });
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      'Neuromodulation procedure. Follow-ups 1, 3, 6, 12 and 24 months after the start.',
    );
    const causes = await select('Suspected causes it addresses');
    await causes?.open();
    await causes?.clickOptions({ text: /Neuropathic pain/ });
    await causes?.close();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add to plan' }))).click();
    expect(lastAction()).toEqual(
      jasmine.objectContaining({
        type: TreatmentPlanPanelActions.itemSubmitted.type,
        planId: PLAN_ID,
        body: { treatmentCode: 'SCS-TRIAL', plannedOn: null, responsibleClinicianId: SPECIALIST_ID, addressesCauses: ['POST-NEU'] },
      }),
    );
  });

  it('after a successful trial offers only the SCS implants, with the trial’s causes', async () => {
    await render({ only: ['SCS-IMPLANT', 'SCS-10KHZ'], title: 'Plan the permanent implant', addressesCauses: ['POST-NEU'] });
    const treatment = await select('Treatment');
    await treatment?.open();
    const options = await Promise.all(((await treatment?.getOptions()) ?? []).map((o) => o.getText()));
    expect(options).toEqual([
      'Spinal cord stimulator, permanent implant (conventional)',
      '10 kHz high-frequency spinal cord stimulator implant',
    ]);
    await treatment?.clickOptions({ text: '10 kHz high-frequency spinal cord stimulator implant' });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add to plan' }))).click();
    expect(lastAction()?.body).toEqual(jasmine.objectContaining({ treatmentCode: 'SCS-10KHZ', addressesCauses: ['POST-NEU'] }));
  });
});
