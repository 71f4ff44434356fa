import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
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
import { Store } from '@ngrx/store';
import { type PlanItem, UpdatePlanItemBody } from '@shared/contracts/plans';

import { treatmentByCode } from '@shared/domain/treatments';
import { CLOCK, localIsoDate } from '../../core/clock';
import { provideIsoDates } from '../../case/iso-date-adapter';
import { controlError, REQUIRED } from '../plan-save';
import { dialogFormErrors } from './form-errors';
import { ITEM_ACTION_TARGETS, type ItemAction, formatDay, scheduleText, treatmentName } from '../plan-view';
import { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { SaveProblem } from './save-problem';
import { trackSave } from './save-tracker';
import { dateRule, textRule } from './text-rules';

export interface ItemStatusDialogData {
  readonly patientId: string;
  readonly item: PlanItem;
  readonly action: ItemAction;
}

const TITLES: Readonly<Record<ItemAction, string>> = {
  start: 'Start',
  complete: 'Complete',
  stop: 'Stop',
  cancel: 'Cancel',
};

const SUBMIT: Readonly<Record<ItemAction, string>> = {
  start: 'Start treatment',
  complete: 'Mark completed',
  stop: 'Stop treatment',
  cancel: 'Cancel treatment',
};

const shape = UpdatePlanItemBody.shape;

/**
 * A status change of one plan item, offered only where the shared transitions allow it: Start (with the start
 * date, today by default; the follow-up schedule starts from it), Complete (end date and outcome), Stop (reason
 * required) and Cancel (it never started).
 */
@Component({
  selector: 'app-item-status-dialog',
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
    MatButton,
    MatProgressBar,
    SaveProblem,
  ],
  templateUrl: './item-status-dialog.html',
  styleUrl: './dialog.scss',
  // Clinical dates: 'YYYY-MM-DD' values, shown and typed as DD/MM/YYYY whatever the browser's language.
  providers: [provideIsoDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ItemStatusDialog {
  private readonly store = inject(Store);
  private readonly dialogRef = inject<MatDialogRef<ItemStatusDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<ItemStatusDialogData>(MAT_DIALOG_DATA);
  protected readonly today = localIsoDate(inject(CLOCK).now());

  protected readonly action = this.data.action;
  protected readonly item = this.data.item;
  protected readonly name = treatmentName(this.item.treatmentCode);
  protected readonly title = `${TITLES[this.action]}: ${this.name}`;
  protected readonly submitLabel = SUBMIT[this.action];
  protected readonly schedule = scheduleText(treatmentByCode(this.item.treatmentCode)?.followUpMonths ?? []);
  protected readonly startedOn = formatDay(this.item.startedOn);
  protected readonly error = controlError;
  protected readonly save = trackSave(() => this.dialogRef.close(true));

  protected readonly form = new FormGroup({
    startedOn: new FormControl(this.today, {
      nonNullable: true,
      validators: [
        REQUIRED,
        dateRule({
          required: 'Give the start date',
          max: () => this.today,
          maxMessage: 'A start date cannot be in the future: plan it instead',
        }),
      ],
    }),
    endedOn: new FormControl(this.today, {
      nonNullable: true,
      validators: [
        REQUIRED,
        dateRule({
          required: 'Give the end date',
          min: () => this.item.startedOn,
          minMessage: 'The end cannot be before the start',
          max: () => this.today,
          maxMessage: 'The end date cannot be in the future',
        }),
      ],
    }),
    stopReason: new FormControl('', {
      nonNullable: true,
      validators: [REQUIRED, textRule(shape.stopReason.unwrap(), 'Give the reason the treatment was stopped')],
    }),
    outcomeNote: new FormControl('', { nonNullable: true, validators: textRule(shape.outcomeNote.unwrap().unwrap(), null) }),
  });
  private readonly errors = dialogFormErrors(this.form, () => this.save.request());
  protected readonly unplaced = this.errors.unplaced;

  constructor() {
    // Only the fields of this action count.
    const used: Record<ItemAction, (keyof typeof this.form.controls)[]> = {
      start: ['startedOn'],
      complete: ['endedOn', 'outcomeNote'],
      stop: ['stopReason', 'endedOn', 'outcomeNote'],
      cancel: ['outcomeNote'],
    };
    for (const key of Object.keys(this.form.controls) as (keyof typeof this.form.controls)[]) {
      if (!used[this.action].includes(key)) this.form.controls[key].disable();
    }
  }

  protected submit(): void {
    if (this.save.pending()) return;
    if (!this.errors.ready()) return;
    const v = this.form.getRawValue();
    const note = v.outcomeNote.trim() || undefined;
    const status = ITEM_ACTION_TARGETS[this.action];
    const version = this.item.version;
    let body: UpdatePlanItemBody;
    switch (this.action) {
      case 'start':
        body = { version, status, startedOn: v.startedOn };
        break;
      case 'complete':
        body = { version, status, endedOn: v.endedOn, outcomeNote: note };
        break;
      case 'stop':
        body = { version, status, endedOn: v.endedOn, stopReason: v.stopReason.trim(), outcomeNote: note };
        break;
      case 'cancel':
        body = { version, status, outcomeNote: note };
        break;
    }
    const requestId = this.save.start();
    this.store.dispatch(
      TreatmentPlanPanelActions.itemChangeSubmitted({ requestId, patientId: this.data.patientId, itemId: this.item.id, body }),
    );
  }

  protected reload(): void {
    this.store.dispatch(TreatmentPlanPanelActions.reloadClicked({ patientId: this.data.patientId }));
    this.dialogRef.close(false);
  }
}
