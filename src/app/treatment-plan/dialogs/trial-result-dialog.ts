import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, type ValidationErrors } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import { type PlanItem, UpdatePlanItemBody } from '@shared/contracts/plans';
import { SCS_TRIAL_SUCCESS_RELIEF_PCT, isScsTrialSuccess } from '@shared/domain/treatments';
import { CLOCK, localIsoDate } from '../../core/clock';
import { provideIsoDates } from '../../case/iso-date-adapter';
import { controlError, REQUIRED } from '../plan-save';
import { dialogFormErrors } from './form-errors';
import { formatDay } from '../plan-view';
import { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { SaveProblem } from './save-problem';
import { trackSave } from './save-tracker';
import { dateRule, textRule } from './text-rules';

export interface TrialResultDialogData {
  readonly patientId: string;
  readonly item: PlanItem;
}

/** What the relief means by the shared rule (fbss-domain.md §5: success is 50% or more relief). */
export type TrialVerdict = 'success' | 'failure' | null;

export function trialVerdict(relief: number | null): TrialVerdict {
  if (relief === null || !Number.isInteger(relief) || relief < 0 || relief > 100) return null;
  return isScsTrialSuccess(relief) ? 'success' : 'failure';
}

const reliefRule = UpdatePlanItemBody.shape.trialReliefPct.unwrap();

function reliefValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  if (control.value === null) return { zod: 'Give the pain relief in percent' };
  return reliefRule.safeParse(control.value).success ? null : { zod: 'A whole number from 0 to 100' };
}

/**
 * The result of a spinal cord stimulation trial: pain relief in percent, showing as it is typed whether it counts
 * as a successful trial by the shared rule (>= 50%, TRIAL-STIM). The server records the decision by the same rule.
 * An active trial can be marked completed at the same time.
 */
@Component({
  selector: 'app-trial-result-dialog',
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
    MatSuffix,
    MatInput,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatCheckbox,
    MatButton,
    MatIcon,
    MatProgressBar,
    SaveProblem,
  ],
  templateUrl: './trial-result-dialog.html',
  styleUrl: './dialog.scss',
  // Clinical dates: 'YYYY-MM-DD' values, shown and typed as DD/MM/YYYY whatever the browser's language.
  providers: [provideIsoDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrialResultDialog {
  private readonly store = inject(Store);
  private readonly dialogRef = inject<MatDialogRef<TrialResultDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<TrialResultDialogData>(MAT_DIALOG_DATA);
  protected readonly today = localIsoDate(inject(CLOCK).now());

  protected readonly item = this.data.item;
  protected readonly threshold = SCS_TRIAL_SUCCESS_RELIEF_PCT;
  protected readonly active = this.item.status === 'active';
  protected readonly startedOn = formatDay(this.item.startedOn);
  protected readonly error = controlError;
  protected readonly save = trackSave(() => this.dialogRef.close(true));

  protected readonly form = new FormGroup({
    trialReliefPct: new FormControl<number | null>(this.item.trialReliefPct, [REQUIRED, reliefValidator]),
    complete: new FormControl(this.active, { nonNullable: true }),
    endedOn: new FormControl(this.today, {
      nonNullable: true,
      validators: [
        REQUIRED,
        dateRule({
          required: 'Give the date the trial ended',
          min: () => this.item.startedOn,
          minMessage: 'The end cannot be before the start',
          max: () => this.today,
          maxMessage: 'The end date cannot be in the future',
        }),
      ],
    }),
    outcomeNote: new FormControl(this.item.outcomeNote ?? '', {
      nonNullable: true,
      validators: textRule(UpdatePlanItemBody.shape.outcomeNote.unwrap().unwrap(), null),
    }),
  });
  private readonly errors = dialogFormErrors(this.form, () => this.save.request());
  protected readonly unplaced = this.errors.unplaced;

  private readonly relief = toSignal(this.form.controls.trialReliefPct.valueChanges, {
    initialValue: this.form.controls.trialReliefPct.value,
  });
  private readonly completing = toSignal(this.form.controls.complete.valueChanges, { initialValue: this.form.controls.complete.value });
  /** Live: whether the relief typed so far counts as a successful trial. */
  protected readonly verdict = computed(() => trialVerdict(this.relief()));
  protected readonly showEnd = computed(() => this.active && this.completing());

  constructor() {
    effect(() => {
      const show = this.showEnd();
      untracked(() => {
        if (show) this.form.controls.endedOn.enable();
        else this.form.controls.endedOn.disable();
      });
    });
  }

  protected submit(): void {
    if (this.save.pending()) return;
    if (!this.errors.ready()) return;
    const v = this.form.getRawValue();
    if (v.trialReliefPct === null) return;
    const note = v.outcomeNote.trim();
    const body: UpdatePlanItemBody = {
      version: this.item.version,
      trialReliefPct: v.trialReliefPct,
      ...(note !== (this.item.outcomeNote ?? '') ? { outcomeNote: note || null } : {}),
      ...(this.showEnd() ? { status: 'completed' as const, endedOn: v.endedOn } : {}),
    };
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
