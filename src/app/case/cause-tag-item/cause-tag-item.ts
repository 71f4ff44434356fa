import { DatePipe, NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  afterRenderEffect,
  computed,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { EnteredInErrorBody } from '@shared/contracts/common';
import { type CauseTag, EvidenceNote, UpdateCauseBody } from '@shared/contracts/patients';
import type { FieldError } from '@shared/contracts/problem';
import { CAUSE_STATUSES, CAUSE_STATUS_LABELS, CAUSE_TIMING_LABELS, type CauseStatus, causeByCode } from '@shared/domain/causes';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import { zodValidator } from '../../shared/forms/zod-validator';
import { CauseChip } from '../../shared/ui/cause-chip/cause-chip';
import { ConflictNotice } from '../conflict-notice/conflict-notice';
import { type Operation, applyFieldErrors, controlError } from '../operation';

const CHANGE_LABELS = {
  tagged: 'Tagged as',
  status: 'Status changed to',
  evidence: 'Evidence updated; status',
  'entered-in-error': 'Marked entered in error; status was',
} as const;

let nextId = 0;

/** One suspected cause on the case: status, evidence, who and when, its full history, and changes to it. */
@Component({
  selector: 'app-cause-tag-item',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    ReactiveFormsModule,
    CauseChip,
    ConflictNotice,
    MatButton,
    MatIcon,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatSelect,
    MatOption,
    MatInput,
    MatProgressBar,
  ],
  templateUrl: './cause-tag-item.html',
  styleUrl: './cause-tag-item.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CauseTagItem {
  readonly tag = input.required<CauseTag>();
  readonly operation = input.required<Operation>();
  readonly canWrite = input(false);
  readonly update = output<UpdateCauseBody>();
  readonly enteredInError = output<EnteredInErrorBody>();
  readonly reload = output();
  readonly dismissed = output();

  protected readonly id = `cause-tag-${String(nextId++)}`;
  protected readonly statuses = CAUSE_STATUSES.map((value) => ({ value, label: CAUSE_STATUS_LABELS[value] }));
  protected readonly definition = computed(() => causeByCode(this.tag().code));
  protected readonly name = computed(() => this.definition()?.name ?? this.tag().code);
  protected readonly timing = computed(() => {
    const timing = this.definition()?.timing;
    return timing ? CAUSE_TIMING_LABELS[timing] : null;
  });
  protected readonly history = computed(() =>
    [...this.tag().history].reverse().map((event) => ({
      ...event,
      text: `${CHANGE_LABELS[event.change]} ${CAUSE_STATUS_LABELS[event.status]}`,
    })),
  );
  protected readonly showHistory = signal(false);

  private readonly saved = computed(() => this.operation().saved);
  private readonly fieldErrors = computed(() => this.operation().fieldErrors);
  /** 'update' or 'error' (entered-in-error) while a form is open; closes when a save succeeds. */
  protected readonly mode = linkedSignal<number, 'view' | 'update' | 'error'>({ source: this.saved, computation: () => 'view' });
  protected readonly formErrors = signal<readonly FieldError[]>([]);
  protected readonly controlError = controlError;

  protected readonly updateForm = new FormGroup({
    status: new FormControl<CauseStatus>('provisional', { nonNullable: true }),
    evidenceNote: new FormControl('', { nonNullable: true, validators: [zodValidator(EvidenceNote)] }),
  });
  protected readonly errorForm = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [zodValidator(EnteredInErrorBody.shape.reason)] }),
  });

  constructor() {
    // After rendering: the form directives re-validate their controls when they bind, which would drop server errors set earlier.
    afterRenderEffect(() => {
      const errors = this.fieldErrors();
      untracked(() => {
        const form = this.mode() === 'error' ? this.errorForm : this.updateForm;
        this.formErrors.set(applyFieldErrors(form, errors));
      });
    });
  }

  protected openUpdate(): void {
    this.updateForm.reset({ status: this.tag().status, evidenceNote: this.tag().evidenceNote ?? '' });
    this.formErrors.set([]);
    this.mode.set('update');
  }

  protected openEnteredInError(): void {
    this.errorForm.reset();
    this.formErrors.set([]);
    this.mode.set('error');
  }

  protected close(): void {
    this.mode.set('view');
    this.dismissed.emit();
  }

  protected reloadCase(): void {
    this.mode.set('view');
    this.reload.emit();
  }

  protected submitUpdate(formElement: HTMLElement): void {
    this.updateForm.markAllAsTouched();
    if (this.updateForm.invalid) {
      focusFirstInvalid(formElement);
      return;
    }
    const tag = this.tag();
    const { status, evidenceNote } = this.updateForm.getRawValue();
    const note = evidenceNote.trim() || null;
    const parsed = UpdateCauseBody.safeParse({
      version: tag.version,
      ...(status !== tag.status ? { status } : {}),
      ...(note !== tag.evidenceNote ? { evidenceNote: note } : {}),
    });
    if (!parsed.success) {
      this.formErrors.set(
        applyFieldErrors(
          this.updateForm,
          parsed.error.issues.map((i) => ({ path: 'form', message: i.message })),
        ),
      );
      return;
    }
    this.update.emit(parsed.data);
  }

  protected submitEnteredInError(formElement: HTMLElement): void {
    this.errorForm.markAllAsTouched();
    if (this.errorForm.invalid) {
      focusFirstInvalid(formElement);
      return;
    }
    this.enteredInError.emit({ version: this.tag().version, reason: this.errorForm.getRawValue().reason.trim() });
  }
}
