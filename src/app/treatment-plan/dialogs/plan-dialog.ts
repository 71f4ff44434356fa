import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Store } from '@ngrx/store';
import type { TreatmentPlan } from '@shared/contracts/plans';

import { newIdempotencyKey } from '../idempotency-key';
import { controlError } from '../plan-save';
import { dialogFormErrors } from './form-errors';
import { GOAL_MEASURES, type GoalMeasure, goalMeasure } from '../plan-view';
import { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { MAX_GOALS, goalForm, goalsForm, goalsValue } from './goals-form';
import { SaveProblem } from './save-problem';
import { trackSave } from './save-tracker';

export interface PlanDialogData {
  /**
   * 'new': the first plan; 'replace': a new plan that completes the active one; 'edit': the active plan's goals;
   * 'complete': the active plan marked completed, with no new plan.
   */
  readonly mode: 'new' | 'replace' | 'edit' | 'complete';
  readonly patientId: string;
  /** The active plan ('replace' and 'edit'). */
  readonly plan: TreatmentPlan | null;
}

const TITLES = {
  new: 'New treatment plan',
  replace: 'Replace the active plan',
  edit: 'Edit the plan goals',
  complete: 'Complete the treatment plan',
} as const;
const SUBMIT = { new: 'Create plan', replace: 'Replace active plan', edit: 'Save goals', complete: 'Mark plan completed' } as const;

/** Goals of a plan: creating the first plan, replacing the active one (confirmed here), or editing its goals. */
@Component({
  selector: 'app-plan-dialog',
  imports: [
    DatePipe,
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
    MatSelect,
    MatOption,
    MatButton,
    MatIconButton,
    MatIcon,
    MatProgressBar,
    SaveProblem,
  ],
  templateUrl: './plan-dialog.html',
  styleUrl: './dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanDialog {
  private readonly store = inject(Store);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly dialogRef = inject<MatDialogRef<PlanDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<PlanDialogData>(MAT_DIALOG_DATA);

  protected readonly title = TITLES[this.data.mode];
  protected readonly submitLabel = SUBMIT[this.data.mode];
  protected readonly measures = GOAL_MEASURES;
  protected readonly maxGoals = MAX_GOALS;
  protected readonly error = controlError;
  protected readonly targetLabel = (measure: GoalMeasure): string | null => goalMeasure(measure).targetLabel;
  protected readonly save = trackSave(() => this.dialogRef.close(true));
  private readonly idempotencyKey = newIdempotencyKey();

  protected readonly form = goalsForm(this.data.mode === 'edit' ? (this.data.plan?.goals ?? []) : []);
  private readonly errors = dialogFormErrors(this.form, () => this.save.request());
  protected readonly unplaced = this.errors.unplaced;

  constructor() {
    if ((this.data.mode === 'new' || this.data.mode === 'replace') && this.form.controls.goals.length === 0) this.addGoal(false);
  }

  protected addGoal(focus = true): void {
    if (this.form.controls.goals.length >= MAX_GOALS) return;
    this.form.controls.goals.push(goalForm());
    if (focus) {
      const index = this.form.controls.goals.length - 1;
      queueMicrotask(() => this.host.nativeElement.querySelector<HTMLElement>(`#goal-text-${String(index)}`)?.focus());
    }
  }

  protected removeGoal(index: number): void {
    this.form.controls.goals.removeAt(index);
  }

  protected submit(): void {
    if (this.save.pending()) return;
    const { patientId, plan } = this.data;
    if (this.data.mode === 'complete' && plan) {
      const requestId = this.save.start();
      this.store.dispatch(
        TreatmentPlanPanelActions.planCompletionSubmitted({ requestId, patientId, planId: plan.id, version: plan.version }),
      );
      return;
    }
    if (!this.errors.ready()) return;
    const goals = goalsValue(this.form.controls.goals);
    const requestId = this.save.start();
    if (this.data.mode === 'edit' && plan) {
      this.store.dispatch(
        TreatmentPlanPanelActions.goalsSubmitted({ requestId, patientId, planId: plan.id, version: plan.version, goals }),
      );
    } else {
      this.store.dispatch(
        TreatmentPlanPanelActions.planSubmitted({
          requestId,
          patientId,
          goals,
          replaceActive: this.data.mode === 'replace',
          idempotencyKey: this.idempotencyKey,
        }),
      );
    }
  }

  protected reload(): void {
    this.store.dispatch(TreatmentPlanPanelActions.reloadClicked({ patientId: this.data.patientId }));
    this.dialogRef.close(false);
  }
}
