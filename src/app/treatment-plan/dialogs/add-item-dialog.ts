import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOptgroup, MatOption, MatSelect } from '@angular/material/select';
import { Store } from '@ngrx/store';
import { AddPlanItemBody } from '@shared/contracts/plans';
import { CAUSE_STATUS_LABELS } from '@shared/domain/causes';
import { TREATMENT_CATEGORY_LABELS, type TreatmentCode, treatmentByCode } from '@shared/domain/treatments';
import { authFeature } from '../../auth/state/auth.feature';
import { provideIsoDates } from '../../case/iso-date-adapter';
import { zodValidator } from '../../shared/forms/zod-validator';
import { newIdempotencyKey } from '../idempotency-key';
import { controlError, REQUIRED } from '../plan-save';
import { dialogFormErrors } from './form-errors';
import { causeName, scheduleText, treatmentGroups } from '../plan-view';
import { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { treatmentPlanFeature } from '../state/treatment-plan.feature';
import { SaveProblem } from './save-problem';
import { trackSave } from './save-tracker';

export interface AddItemDialogData {
  readonly patientId: string;
  readonly planId: string;
  /** Narrows the catalogue (the permanent implant after a successful SCS trial); null for all treatments. */
  readonly only: readonly TreatmentCode[] | null;
  readonly title: string;
  /** Pre-selected causes (an implant addresses what its trial addressed). */
  readonly addressesCauses: readonly string[];
}

/** Adds a treatment from the shared catalogue to the active plan: when, who is responsible, what it addresses. */
@Component({
  selector: 'app-add-item-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatSuffix,
    MatSelect,
    MatOption,
    MatOptgroup,
    MatButton,
    MatProgressBar,
    SaveProblem,
  ],
  templateUrl: './add-item-dialog.html',
  styleUrl: './dialog.scss',
  // Clinical dates: 'YYYY-MM-DD' values, shown and typed as DD/MM/YYYY whatever the browser's language.
  providers: [provideIsoDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddItemDialog {
  private readonly store = inject(Store);
  private readonly dialogRef = inject<MatDialogRef<AddItemDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<AddItemDialogData>(MAT_DIALOG_DATA);

  private readonly user = this.store.selectSignal(authFeature.selectUser);
  protected readonly specialists = this.store.selectSignal(treatmentPlanFeature.selectSpecialists);
  protected readonly cliniciansError = this.store.selectSignal(treatmentPlanFeature.selectCliniciansError);
  protected readonly causes = this.store.selectSignal(treatmentPlanFeature.selectCauses);
  protected readonly causesError = this.store.selectSignal(treatmentPlanFeature.selectCausesError);
  protected readonly groups = treatmentGroups(this.data.only);
  protected readonly error = controlError;
  protected readonly causeName = causeName;
  protected readonly causeStatusLabels = CAUSE_STATUS_LABELS;
  protected readonly save = trackSave(() => this.dialogRef.close(true));
  private readonly idempotencyKey = newIdempotencyKey();

  protected readonly form = new FormGroup({
    // The select offers only the catalogue's codes; the shared enum rule stays as a guard.
    treatmentCode: new FormControl<TreatmentCode | null>(this.data.only?.length === 1 ? this.data.only[0] : null, [
      REQUIRED,
      (control: AbstractControl) => (control.value === null ? null : zodValidator(AddPlanItemBody.shape.treatmentCode)(control)),
    ]),
    // Null when empty: the date adapter reads '' as an unreadable date.
    plannedOn: new FormControl<string | null>(null),
    // The server defaults to the caller when none is chosen; a specialist sees themself pre-selected.
    responsibleClinicianId: new FormControl<string | null>(this.user()?.role === 'specialist' ? (this.user()?.id ?? null) : null),
    addressesCauses: new FormControl<string[]>([...this.data.addressesCauses], { nonNullable: true }),
  });
  private readonly errors = dialogFormErrors(this.form, () => this.save.request());
  protected readonly unplaced = this.errors.unplaced;

  private readonly code = toSignal(this.form.controls.treatmentCode.valueChanges, { initialValue: this.form.controls.treatmentCode.value });
  protected readonly chosen = computed(() => {
    const code = this.code();
    return code ? (treatmentByCode(code) ?? null) : null;
  });
  protected readonly chosenText = computed(() => {
    const t = this.chosen();
    if (!t) return null;
    return `${TREATMENT_CATEGORY_LABELS[t.category]} ${t.kind === 'procedure' ? 'procedure' : 'course'}. Follow-ups ${scheduleText(t.followUpMonths)} after the start.`;
  });

  protected submit(): void {
    if (this.save.pending()) return;
    if (!this.errors.ready()) return;
    const value = this.form.getRawValue();
    if (!value.treatmentCode) return;
    const requestId = this.save.start();
    this.store.dispatch(
      TreatmentPlanPanelActions.itemSubmitted({
        requestId,
        patientId: this.data.patientId,
        planId: this.data.planId,
        idempotencyKey: this.idempotencyKey,
        body: {
          treatmentCode: value.treatmentCode,
          plannedOn: value.plannedOn || null,
          responsibleClinicianId: value.responsibleClinicianId,
          addressesCauses: value.addressesCauses as AddPlanItemBody['addressesCauses'],
        },
      }),
    );
  }

  protected reload(): void {
    this.store.dispatch(TreatmentPlanPanelActions.reloadClicked({ patientId: this.data.patientId }));
    this.dialogRef.close(false);
  }
}
