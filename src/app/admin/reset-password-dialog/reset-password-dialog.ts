import { ChangeDetectionStrategy, ChangeDetectorRef, Component, ElementRef, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import type { UserSummary } from '@shared/contracts/admin';
import { PASSWORD_MIN_LENGTH, Password } from '@shared/contracts/auth';
import type { FieldError } from '@shared/contracts/problem';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import { zodValidator } from '../../shared/forms/zod-validator';
import { applyServerFieldErrors, fieldErrorMessage } from '../server-field-errors';
import { UsersPageActions } from '../state/users-page.actions';
import { trackUserChange } from '../user-change-tracker';
import { UserConflict } from '../user-conflict/user-conflict';

export interface ResetPasswordData {
  user: UserSummary;
}

function sameAsPassword(control: AbstractControl<string>): ValidationErrors | null {
  const password = control.parent?.get('password')?.value as string | undefined;
  return control.value && password !== undefined && control.value !== password ? { zod: 'The passwords do not match' } : null;
}

/** Sets a password chosen by the administrator; the user must change it at next sign-in. */
@Component({
  selector: 'app-reset-password-dialog',
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
    MatButton,
    MatProgressBar,
    UserConflict,
  ],
  template: `
    <h2 mat-dialog-title>Reset the password of {{ data.user.username }}</h2>
    <mat-dialog-content>
      <div class="progress">
        @if (change.pending()) {
          <mat-progress-bar mode="indeterminate" aria-label="Resetting the password" />
        }
      </div>
      @if (change.failure(); as failure) {
        @if (failure.current; as current) {
          <app-user-conflict [seen]="data.user" [current]="current" [changedBy]="failure.changedBy" (reload)="reload(current)" />
        } @else {
          <div class="error" role="alert">
            <p>{{ failure.message }}</p>
            @for (error of otherErrors(); track error.path) {
              <p>{{ error.message }}</p>
            }
          </div>
        }
      }
      <p class="explain">
        {{ data.user.displayName }} is signed out everywhere and must choose a new password at next sign-in. Give them this one in person or
        by phone.
      </p>
      <form id="reset-password-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-form-field>
          <mat-label>New password</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" required />
          <mat-hint>At least {{ minLength }} characters</mat-hint>
          @if (message(form.controls.password); as error) {
            <mat-error>{{ error }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Confirm new password</mat-label>
          <input matInput type="password" formControlName="confirm" autocomplete="new-password" required />
          @if (message(form.controls.confirm); as error) {
            <mat-error>{{ error }}</mat-error>
          }
        </mat-form-field>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        mat-flat-button
        type="submit"
        form="reset-password-form"
        [disabled]="change.pending() || !!change.failure()?.current"
        disabledInteractive
      >
        Reset password
      </button>
    </mat-dialog-actions>
  `,
  styleUrl: '../user-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordDialog {
  private readonly store = inject(Store);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly cdr = inject(ChangeDetectorRef);
  private readonly dialogRef = inject<MatDialogRef<ResetPasswordDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<ResetPasswordData>(MAT_DIALOG_DATA);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly message = fieldErrorMessage;
  protected readonly otherErrors = signal<FieldError[]>([]);
  protected readonly change = trackUserChange(() => this.dialogRef.close(true));
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', zodValidator(Password)],
    confirm: ['', sameAsPassword],
  });

  constructor() {
    // Re-check the confirmation when the password changes.
    this.form.controls.password.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.form.controls.confirm.updateValueAndValidity({ emitEvent: false });
    });
    effect(() => {
      const failure = this.change.failure();
      this.otherErrors.set(failure ? applyServerFieldErrors(this.form, failure.fieldErrors) : []);
      if (failure?.fieldErrors.length) {
        this.cdr.markForCheck();
        queueMicrotask(() => {
          focusFirstInvalid(this.host.nativeElement);
        });
      }
    });
  }

  protected submit(): void {
    if (this.change.pending()) return;
    const password = this.form.controls.password.value;
    if (this.form.invalid || !this.form.controls.confirm.value) {
      if (!this.form.controls.confirm.value) this.form.controls.confirm.setErrors({ zod: 'Enter the password again' });
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.store.dispatch(UsersPageActions.passwordResetSubmitted({ requestId: this.change.start(), user: this.data.user, password }));
  }

  protected reload(current: UserSummary): void {
    this.store.dispatch(UsersPageActions.conflictReloadClicked({ current }));
    this.dialogRef.close(false);
  }
}
