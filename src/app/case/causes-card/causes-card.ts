import { ChangeDetectionStrategy, Component, afterRenderEffect, computed, effect, input, output, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, type ValidationErrors } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatOptgroup, MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import type { EnteredInErrorBody } from '@shared/contracts/common';
import { AddCauseBody, type CauseTag, EvidenceNote, type UpdateCauseBody } from '@shared/contracts/patients';
import type { FieldError } from '@shared/contracts/problem';
import {
  CAUSE_STATUSES,
  CAUSE_STATUS_LABELS,
  CAUSE_TIMINGS,
  type CauseStatus,
  causeByCode,
  isCauseCode,
  searchCauses,
} from '@shared/domain/causes';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import { zodValidator } from '../../shared/forms/zod-validator';
import { CauseTagItem } from '../cause-tag-item/cause-tag-item';
import { IdempotencyKeys } from '../idempotency-key';
import { IDLE_OPERATION, type Operation, type OperationKey, applyFieldErrors, controlError } from '../operation';

/** A catalogue cause must be picked from the list (typing its name alone is not enough). */
function catalogueCause(control: AbstractControl<string>): ValidationErrors | null {
  if (isCauseCode(control.value)) return null;
  return { zod: control.value.trim() ? 'Pick a cause from the list' : 'Required' };
}

export interface CauseUpdate {
  readonly causeId: string;
  readonly body: UpdateCauseBody;
}

export interface CauseEnteredInError {
  readonly causeId: string;
  readonly body: EnteredInErrorBody;
}

/** Suspected causes: the tags with their status and history, and tagging a new one from the catalogue. */
@Component({
  selector: 'app-causes-card',
  imports: [
    ReactiveFormsModule,
    CauseTagItem,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOptgroup,
    MatOption,
    MatSelect,
    MatButton,
    MatIcon,
    MatProgressBar,
  ],
  templateUrl: './causes-card.html',
  styleUrl: './causes-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CausesCard {
  readonly causes = input.required<readonly CauseTag[]>();
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  readonly operations = input<Partial<Record<OperationKey, Operation>>>({});
  readonly addOperation = input<Operation>(IDLE_OPERATION);
  readonly canWrite = input(false);
  readonly add = output<{ body: AddCauseBody; idempotencyKey: string }>();
  readonly update = output<CauseUpdate>();
  readonly enteredInError = output<CauseEnteredInError>();
  readonly reload = output();
  readonly retry = output();
  readonly dismissed = output<OperationKey>();

  protected readonly statuses = CAUSE_STATUSES.map((value) => ({ value, label: CAUSE_STATUS_LABELS[value] }));
  protected readonly idle = IDLE_OPERATION;
  protected readonly controlError = controlError;
  protected readonly showForm = signal(false);

  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: [catalogueCause] }),
    status: new FormControl<CauseStatus>('provisional', { nonNullable: true }),
    evidenceNote: new FormControl('', { nonNullable: true, validators: [zodValidator(EvidenceNote)] }),
  });
  protected readonly formErrors = signal<readonly FieldError[]>([]);

  private readonly search = toSignal(this.form.controls.code.valueChanges, { initialValue: '' });
  private readonly tagged = computed(() => new Set(this.causes().map((c) => c.code)));
  /** Matches of the catalogue search, grouped by timing; causes already tagged are shown but cannot be picked. */
  protected readonly groups = computed(() => {
    const text = this.search();
    const matches = searchCauses(isCauseCode(text) ? '' : text);
    return CAUSE_TIMINGS.map((timing) => ({
      label: timing.label,
      causes: matches.filter((c) => c.timing === timing.code).map((c) => ({ ...c, tagged: this.tagged().has(c.code as CauseTag['code']) })),
    })).filter((group) => group.causes.length > 0);
  });
  protected readonly picked = computed(() => {
    const code = this.search();
    return isCauseCode(code) ? (causeByCode(code) ?? null) : null;
  });

  private readonly keys = new IdempotencyKeys();
  private readonly saved = computed(() => this.addOperation().saved);
  private readonly fieldErrors = computed(() => this.addOperation().fieldErrors);

  constructor() {
    effect(() => {
      if (this.saved() === 0) return;
      untracked(() => {
        this.keys.reset();
        this.form.reset();
        this.showForm.set(false);
      });
    });
    // After rendering: the form directives re-validate their controls when they bind, which would drop server errors set earlier.
    afterRenderEffect(() => {
      const errors = this.fieldErrors();
      untracked(() => this.formErrors.set(applyFieldErrors(this.form, errors)));
    });
  }

  /** The autocomplete shows the cause's name for a picked code. */
  protected displayCause(value: string | null): string {
    return value ? (causeByCode(value)?.name ?? value) : '';
  }

  protected operationFor(cause: CauseTag): Operation {
    return this.operations()[`cause:${cause.id}`] ?? IDLE_OPERATION;
  }

  protected dismissCause(cause: CauseTag): void {
    this.dismissed.emit(`cause:${cause.id}`);
  }

  protected open(): void {
    this.showForm.set(true);
  }

  protected cancel(): void {
    this.form.reset();
    this.formErrors.set([]);
    this.showForm.set(false);
    this.dismissed.emit('addCause');
  }

  protected submit(formElement: HTMLElement): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      focusFirstInvalid(formElement);
      return;
    }
    const { code, status, evidenceNote } = this.form.getRawValue();
    const parsed = AddCauseBody.safeParse({ code, status, evidenceNote: evidenceNote.trim() || null });
    if (!parsed.success) {
      this.formErrors.set(
        applyFieldErrors(
          this.form,
          parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        ),
      );
      focusFirstInvalid(formElement);
      return;
    }
    this.add.emit({ body: parsed.data, idempotencyKey: this.keys.keyFor(parsed.data) });
  }
}
