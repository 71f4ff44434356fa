import { ChangeDetectionStrategy, ChangeDetectorRef, Component, ElementRef, effect, inject, signal } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Store } from '@ngrx/store';
import { CreateUserBody, DisplayName } from '@shared/contracts/admin';
import { PASSWORD_MIN_LENGTH, Password, Role, Username } from '@shared/contracts/auth';
import type { FieldError } from '@shared/contracts/problem';
import { ROLES, ROLE_LABELS, type Role as RoleName } from '@shared/domain/permissions';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import { zodValidator } from '../../shared/forms/zod-validator';
import { applyServerFieldErrors, fieldErrorMessage } from '../server-field-errors';
import { UsersPageActions } from '../state/users-page.actions';
import { trackUserChange } from '../user-change-tracker';

function roleValidator(control: AbstractControl<RoleName | null>): ValidationErrors | null {
  return control.value === null ? { zod: 'Choose a role' } : zodValidator(Role)(control);
}

/** "New user": username, display name, role and an initial password the user must change at first sign-in. */
@Component({
  selector: 'app-new-user-dialog',
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
    MatSelect,
    MatOption,
    MatButton,
    MatIconButton,
    MatIcon,
    MatProgressBar,
  ],
  templateUrl: './new-user-dialog.html',
  styleUrl: '../user-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewUserDialog {
  private readonly store = inject(Store);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly dialogRef = inject<MatDialogRef<NewUserDialog, boolean>>(MatDialogRef);
  private readonly cdr = inject(ChangeDetectorRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly roles = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  protected readonly showPassword = signal(false);
  protected readonly otherErrors = signal<FieldError[]>([]);
  protected readonly change = trackUserChange(() => this.dialogRef.close(true));
  protected readonly message = fieldErrorMessage;

  protected readonly form = this.fb.group({
    username: ['', zodValidator(Username)],
    displayName: ['', zodValidator(DisplayName)],
    role: this.fb.control<RoleName | null>(null, roleValidator),
    password: ['', zodValidator(Password)],
  });

  constructor() {
    // A 400 answer: its field errors go next to their fields.
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
    const body = CreateUserBody.safeParse(this.form.getRawValue());
    if (this.form.invalid || !body.success) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.store.dispatch(UsersPageActions.createSubmitted({ requestId: this.change.start(), body: body.data }));
  }
}
