import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
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
import { MatOption, MatSelect } from '@angular/material/select';
import { Store } from '@ngrx/store';
import { type PlanItem, UpdatePlanItemBody } from '@shared/contracts/plans';
import { CAUSE_STATUS_LABELS } from '@shared/domain/causes';
import { CLOCK, localIsoDate } from '../../core/clock';
import { provideIsoDates } from '../../case/iso-date-adapter';
import { controlError, REQUIRED } from '../plan-save';
import { dialogFormErrors } from './form-errors';
import { causeName, treatmentName } from '../plan-view';
import { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { treatmentPlanFeature } from '../state/treatment-plan.feature';
import { SaveProblem } from './save-problem';
import { trackSave } from './save-tracker';
import { dateRule, textRule } from './text-rules';

export interface ItemDetailsDialogData {
  readonly patientId: string;
  readonly item: PlanItem;
}

const shape = UpdatePlanItemBody.shape;

/** The details of one plan item: dates, the responsible specialist, the causes it addresses, notes. Only changes are sent. */
@Component({
  selector: 'app-item-details-dialog',
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
    MatButton,
    MatProgressBar,
    SaveProblem,
  ],
  templateUrl: './item-details-dialog.html',
  styleUrl: './dialog.scss',
  // Clinical dates: 'YYYY-MM-DD' values, shown and typed as DD/MM/YYYY whatever the browser's language.
  providers: [provideIsoDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ItemDetailsDialog {
  private readonly store = inject(Store);
  private readonly dialogRef = inject<MatDialogRef<ItemDetailsDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<ItemDetailsDialogData>(MAT_DIALOG_DATA);
  protected readonly today = localIsoDate(inject(CLOCK).now());

  protected readonly item = this.data.item;
  protected readonly title = `Edit: ${treatmentName(this.item.treatmentCode)}`;
  protected readonly started = this.item.startedOn !== null;
  protected readonly ended = this.item.status === 'completed' || this.item.status === 'stopped';
  protected readonly specialists = this.store.selectSignal(treatmentPlanFeature.selectSpecialists);
  /** The case's causes, plus any the item addresses that are no longer tagged (so nothing is dropped unseen). */
  private readonly caseCauses = this.store.selectSignal(treatmentPlanFeature.selectCauses);
  protected readonly causeOptions = computed(() => {
    const tagged = (this.caseCauses() ?? []).map((c) => ({
      code: c.code as string,
      label: `${causeName(c.code)} (${CAUSE_STATUS_LABELS[c.status]})`,
    }));
    const extra = this.item.addressesCauses
      .filter((code) => !tagged.some((t) => t.code === code))
      .map((code) => ({ code: code as string, label: causeName(code) }));
    return [...tagged, ...extra];
  });
  protected readonly error = controlError;
  protected readonly save = trackSave(() => this.dialogRef.close(true));
  /** Nothing changed: saving would do nothing. */
  protected readonly unchanged = signal(false);

  protected readonly form = new FormGroup({
    // Null when empty: the date adapter reads '' as an unreadable date.
    plannedOn: new FormControl<string | null>(this.item.plannedOn),
    startedOn: new FormControl<string | null>(this.item.startedOn, {
      validators: [
        REQUIRED,
        dateRule({ required: 'Give the start date', max: () => this.today, maxMessage: 'A start date cannot be in the future' }),
      ],
    }),
    endedOn: new FormControl<string | null>(this.item.endedOn, {
      validators: [
        REQUIRED,
        dateRule({
          required: 'Give the end date',
          min: (): string | null => this.form.controls.startedOn.value || null,
          minMessage: 'The end cannot be before the start',
          max: () => this.today,
          maxMessage: 'The end date cannot be in the future',
        }),
      ],
    }),
    responsibleClinicianId: new FormControl<string | null>(this.item.responsibleClinicianId),
    addressesCauses: new FormControl<string[]>([...this.item.addressesCauses], { nonNullable: true }),
    stopReason: new FormControl(this.item.stopReason ?? '', {
      nonNullable: true,
      validators: [REQUIRED, textRule(shape.stopReason.unwrap(), 'Give the reason the treatment was stopped')],
    }),
    outcomeNote: new FormControl(this.item.outcomeNote ?? '', {
      nonNullable: true,
      validators: textRule(shape.outcomeNote.unwrap().unwrap(), null),
    }),
  });
  private readonly errors = dialogFormErrors(this.form, () => this.save.request());
  protected readonly unplaced = this.errors.unplaced;

  private readonly startValue = toSignal(this.form.controls.startedOn.valueChanges, { initialValue: this.form.controls.startedOn.value });
  protected readonly moving = computed(() => this.started && this.startValue() !== this.item.startedOn);

  constructor() {
    if (this.item.status !== 'planned') this.form.controls.plannedOn.disable();
    if (!this.started) this.form.controls.startedOn.disable();
    if (!this.ended) this.form.controls.endedOn.disable();
    if (this.item.status !== 'stopped') this.form.controls.stopReason.disable();
    this.form.controls.startedOn.valueChanges.subscribe(() => this.form.controls.endedOn.updateValueAndValidity());
  }

  /** The changed fields only, as the API takes them. */
  protected changes(): Omit<UpdatePlanItemBody, 'version'> {
    const c = this.form.controls;
    const item = this.item;
    const out: Omit<UpdatePlanItemBody, 'version'> = {};
    if (c.plannedOn.enabled && (c.plannedOn.value || null) !== item.plannedOn) out.plannedOn = c.plannedOn.value || null;
    if (c.startedOn.enabled && c.startedOn.value && c.startedOn.value !== item.startedOn) out.startedOn = c.startedOn.value;
    if (c.endedOn.enabled && c.endedOn.value && c.endedOn.value !== item.endedOn) out.endedOn = c.endedOn.value;
    if (c.responsibleClinicianId.value !== item.responsibleClinicianId) out.responsibleClinicianId = c.responsibleClinicianId.value;
    const causes = [...c.addressesCauses.value].sort();
    if (JSON.stringify(causes) !== JSON.stringify([...item.addressesCauses].sort()))
      out.addressesCauses = causes as UpdatePlanItemBody['addressesCauses'];
    if (c.stopReason.enabled && c.stopReason.value.trim() !== (item.stopReason ?? '')) out.stopReason = c.stopReason.value.trim();
    const note = c.outcomeNote.value.trim();
    if (note !== (item.outcomeNote ?? '')) out.outcomeNote = note || null;
    return out;
  }

  protected submit(): void {
    if (this.save.pending()) return;
    if (!this.errors.ready()) return;
    const changes = this.changes();
    if (Object.keys(changes).length === 0) {
      this.unchanged.set(true);
      return;
    }
    this.unchanged.set(false);
    const requestId = this.save.start();
    this.store.dispatch(
      TreatmentPlanPanelActions.itemChangeSubmitted({
        requestId,
        patientId: this.data.patientId,
        itemId: this.item.id,
        body: { version: this.item.version, ...changes },
      }),
    );
  }

  protected reload(): void {
    this.store.dispatch(TreatmentPlanPanelActions.reloadClicked({ patientId: this.data.patientId }));
    this.dialogRef.close(false);
  }
}
