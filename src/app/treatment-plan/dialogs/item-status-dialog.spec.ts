import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { PlanItem } from '@shared/contracts/plans';
import { CLOCK } from '../../core/clock';
import type { ItemAction } from '../plan-view';
import { failedSave } from '../plan-save';
import { PATIENT_ID, anItem } from '../testing/plan-fixtures';
import type { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { treatmentPlanFeature } from '../state/treatment-plan.feature';
import { ItemStatusDialog } from './item-status-dialog';

describe('ItemStatusDialog (Start, Complete, Stop, Cancel)', () => {
  let fixture: ComponentFixture<ItemStatusDialog>;
  let loader: HarnessLoader;
  let store: MockStore;
  let dialogData: unknown = null;

  async function render(item: PlanItem, action: ItemAction): Promise<void> {
    dialogData = { patientId: PATIENT_ID, item, action };
    fixture = TestBed.createComponent(ItemStatusDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const field = (label: string | RegExp) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const input = async (label: string | RegExp) => (await field(label)).getControl(MatInputHarness);
  const submit = async (text: string): Promise<void> => (await loader.getHarness(MatButtonHarness.with({ text }))).click();
  const lastAction = () =>
    (store.dispatch as jasmine.Spy).calls.mostRecent().args[0] as
      | ReturnType<typeof TreatmentPlanPanelActions.itemChangeSubmitted>
      | undefined;
  const title = (): string => (fixture.nativeElement as HTMLElement).querySelector('h2')?.textContent.trim() ?? '';

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ItemStatusDialog],
      providers: [
        provideMockStore({ selectors: [{ selector: treatmentPlanFeature.selectSaves, value: {} }] }),
        { provide: MatDialogRef, useValue: jasmine.createSpyObj<MatDialogRef<ItemStatusDialog, boolean>>('MatDialogRef', ['close']) },
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

  it('starts a treatment today by default, saying when its follow-ups will be', async () => {
    const item = anItem({ treatmentCode: 'SCS-TRIAL', status: 'planned' });
    await render(item, 'start');
    expect(title()).toBe('Start: Spinal cord stimulation trial');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('scheduled 1, 3, 6, 12 and 24 months after the start date');
    expect(await (await input('Start date'))?.getValue()).toBe('01/06/2025');
    await submit('Start treatment');
    expect(lastAction()?.body).toEqual({ version: 1, status: 'active', startedOn: '2025-06-01' });
  });

  it('reads dates the British way, and says so when it cannot', async () => {
    await render(anItem({ status: 'planned' }), 'start');
    await (await input('Start date'))?.setValue('3/5/2025');
    await submit('Start treatment');
    expect(lastAction()?.body).toEqual({ version: 1, status: 'active', startedOn: '2025-05-03' });
    await (await input('Start date'))?.setValue('May 3rd');
    await (await input('Start date'))?.blur();
    expect(await (await field('Start date')).getTextErrors()).toEqual(['Enter the date as DD/MM/YYYY']);
  });

  it('refuses a start date in the future', async () => {
    await render(anItem({ status: 'planned' }), 'start');
    await (await input('Start date'))?.setValue('09/06/2025');
    await submit('Start treatment');
    expect(store.dispatch).not.toHaveBeenCalled();
    expect(await (await field('Start date')).getTextErrors()).toEqual(['A start date cannot be in the future: plan it instead']);
  });

  it('stopping needs a reason (the shared rule’s message)', async () => {
    await render(anItem({ status: 'active', startedOn: '2025-05-01', version: 4 }), 'stop');
    await submit('Stop treatment');
    expect(store.dispatch).not.toHaveBeenCalled();
    expect(await (await field('Reason for stopping')).getTextErrors()).toEqual(['Give the reason the treatment was stopped']);
    await (await input('Reason for stopping'))?.setValue('ab');
    expect(await (await field('Reason for stopping')).getTextErrors()).toEqual(['Give at least 3 characters']);
    await (await input('Reason for stopping'))?.setValue('  Side effects: dizziness ');
    await submit('Stop treatment');
    expect(lastAction()?.body).toEqual({
      version: 4,
      status: 'stopped',
      endedOn: '2025-06-01',
      stopReason: 'Side effects: dizziness',
      outcomeNote: undefined,
    });
  });

  it('completes on an end date not before the start, with an outcome note', async () => {
    await render(anItem({ status: 'active', startedOn: '2025-05-01' }), 'complete');
    await (await input('End date'))?.setValue('30/04/2025');
    await submit('Mark completed');
    expect(await (await field('End date')).getTextErrors()).toEqual(['The end cannot be before the start']);
    await (await input('End date'))?.setValue('31/05/2025');
    await (await input(/Outcome note/))?.setValue('Good response');
    await submit('Mark completed');
    expect(lastAction()?.body).toEqual({ version: 1, status: 'completed', endedOn: '2025-05-31', outcomeNote: 'Good response' });
  });

  it('cancels a planned treatment', async () => {
    await render(anItem({ status: 'planned' }), 'cancel');
    await submit('Cancel treatment');
    expect(lastAction()?.body).toEqual({ version: 1, status: 'cancelled', outcomeNote: undefined });
  });

  it('shows the rule’s message when the server refuses the move (422)', async () => {
    await render(anItem({ status: 'planned' }), 'cancel');
    await submit('Cancel treatment');
    const message = 'A plan item that is Cancelled cannot become Completed. Allowed next: none (this status is final).';
    store.overrideSelector(treatmentPlanFeature.selectSaves, {
      [lastAction()?.requestId ?? '']: failedSave({ status: 422, message, fieldErrors: [], current: null }, null),
    });
    store.refreshState();
    await fixture.whenStable();
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('Not allowed');
    expect(alert).toContain(message);
  });
});
