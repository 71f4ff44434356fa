import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, afterRenderEffect, computed, effect, input, output, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { EnteredInErrorBody } from '@shared/contracts/common';
import { AddNoteBody, type ClinicalNote } from '@shared/contracts/patients';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import { zodValidator } from '../../shared/forms/zod-validator';
import { IdempotencyKeys } from '../idempotency-key';
import { IDLE_OPERATION, type Operation, type OperationKey, applyFieldErrors, controlError } from '../operation';

/** Clinical notes: timestamped and authored; immutable once saved (corrections are new notes, or entered-in-error). */
@Component({
  selector: 'app-notes-card',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatProgressBar,
  ],
  templateUrl: './notes-card.html',
  styleUrl: './notes-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotesCard {
  readonly notes = input<readonly ClinicalNote[] | null>(null);
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  readonly addOperation = input<Operation>(IDLE_OPERATION);
  readonly operations = input<Partial<Record<OperationKey, Operation>>>({});
  readonly canWrite = input(false);
  /** The signed-in user: authors may mark their own notes entered in error. */
  readonly userId = input<string | null>(null);
  readonly add = output<{ body: string; idempotencyKey: string }>();
  readonly enteredInError = output<{ noteId: string; body: EnteredInErrorBody }>();
  readonly retry = output();
  readonly dismissed = output<OperationKey>();

  protected readonly controlError = controlError;
  protected readonly body = new FormControl('', { nonNullable: true, validators: [zodValidator(AddNoteBody.shape.body)] });
  /** The note whose entered-in-error form is open. */
  protected readonly retracting = signal<string | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [zodValidator(EnteredInErrorBody.shape.reason)] });

  private readonly keys = new IdempotencyKeys();
  private readonly saved = computed(() => this.addOperation().saved);
  private readonly fieldErrors = computed(() => this.addOperation().fieldErrors);
  /** Entered-in-error saves, to close the form when one succeeds. */
  private readonly retractedCount = computed(() =>
    Object.entries(this.operations())
      .filter(([key]) => key.startsWith('note:'))
      .reduce((sum, [, op]) => sum + (op?.saved ?? 0), 0),
  );

  constructor() {
    effect(() => {
      if (this.saved() === 0) return;
      untracked(() => {
        this.keys.reset();
        this.body.reset();
      });
    });
    // After rendering: the form directives re-validate their controls when they bind, which would drop server errors set earlier.
    afterRenderEffect(() => {
      const errors = this.fieldErrors();
      untracked(() => applyFieldErrors(this.body, errors, 'body'));
    });
    effect(() => {
      if (this.retractedCount() === 0) return;
      untracked(() => this.retracting.set(null));
    });
  }

  protected operationFor(noteId: string): Operation {
    return this.operations()[`note:${noteId}`] ?? IDLE_OPERATION;
  }

  protected submit(formElement: HTMLElement): void {
    this.body.markAsTouched();
    if (this.body.invalid) {
      focusFirstInvalid(formElement);
      return;
    }
    const body = this.body.value.trim();
    this.add.emit({ body, idempotencyKey: this.keys.keyFor(body) });
  }

  protected openRetract(noteId: string): void {
    this.reason.reset();
    this.retracting.set(noteId);
  }

  protected cancelRetract(noteId: string): void {
    this.retracting.set(null);
    this.dismissed.emit(`note:${noteId}`);
  }

  protected submitRetract(note: ClinicalNote, formElement: HTMLElement): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) {
      focusFirstInvalid(formElement);
      return;
    }
    this.enteredInError.emit({ noteId: note.id, body: { version: note.version, reason: this.reason.value.trim() } });
  }
}
