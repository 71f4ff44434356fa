import { ChangeDetectionStrategy, Component, afterRenderEffect, computed, effect, input, output, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { type ChangeStatusBody, ChangeStatusBody as ChangeStatusSchema, type Patient } from '@shared/contracts/patients';
import { CASE_STATUSES, CASE_STATUS_LABELS, CASE_TRANSITIONS, type CaseStatus } from '@shared/domain/case-status';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import { zodValidator } from '../../shared/forms/zod-validator';
import { ConflictNotice } from '../conflict-notice/conflict-notice';
import { REQUIRED, type Operation, applyFieldErrors, controlError } from '../operation';

/** Where the case stands in the shared state machine, and the moves it allows from here. */
@Component({
  selector: 'app-case-status-card',
  imports: [
    ReactiveFormsModule,
    ConflictNotice,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatSelect,
    MatOption,
    MatInput,
    MatButton,
    MatProgressBar,
  ],
  templateUrl: './case-status-card.html',
  styleUrl: './case-status-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseStatusCard {
  readonly patient = input.required<Patient>();
  readonly operation = input.required<Operation>();
  readonly canChange = input(false);
  readonly changeStatus = output<ChangeStatusBody>();
  readonly reload = output();

  protected readonly steps = CASE_STATUSES.map((status) => ({ status, label: CASE_STATUS_LABELS[status] }));
  protected readonly statusLabel = computed(() => CASE_STATUS_LABELS[this.patient().status]);
  /** Only the moves the state machine allows (the server still refuses others with 422). */
  protected readonly moves = computed(() =>
    CASE_TRANSITIONS[this.patient().status].map((status) => ({ status, label: CASE_STATUS_LABELS[status] })),
  );

  protected readonly form = new FormGroup({
    to: new FormControl<CaseStatus | null>(null, { validators: [REQUIRED] }),
    reason: new FormControl('', { nonNullable: true, validators: [zodValidator(ChangeStatusSchema.shape.reason)] }),
  });
  protected readonly controlError = controlError;

  private readonly saved = computed(() => this.operation().saved);
  private readonly fieldErrors = computed(() => this.operation().fieldErrors);

  constructor() {
    // A successful move starts the form afresh.
    effect(() => {
      this.saved();
      untracked(() => this.form.reset());
    });
    // A 400 names the fields at fault.
    // After rendering: the form directives re-validate their controls when they bind, which would drop server errors set earlier.
    afterRenderEffect(() => {
      const errors = this.fieldErrors();
      untracked(() => applyFieldErrors(this.form, errors));
    });
  }

  protected submit(formElement: HTMLElement): void {
    this.form.markAllAsTouched();
    const { to, reason } = this.form.getRawValue();
    if (this.form.invalid || !to) {
      focusFirstInvalid(formElement);
      return;
    }
    const parsed = ChangeStatusSchema.safeParse({ version: this.patient().version, to, reason: reason.trim() || null });
    if (!parsed.success) {
      applyFieldErrors(
        this.form,
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
      focusFirstInvalid(formElement);
      return;
    }
    this.changeStatus.emit(parsed.data);
  }
}
