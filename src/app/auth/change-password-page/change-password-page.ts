import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { ChangePasswordBody, PASSWORD_MIN_LENGTH, Password } from '@shared/contracts/auth';
import { homePath } from '@shared/domain/permissions';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import { zodValidator } from '../../shared/forms/zod-validator';
import { safeReturnUrl } from '../return-url';
import { AuthPageActions } from '../state/auth-page.actions';
import { authFeature } from '../state/auth.feature';

/** The new password twice, and different from the current one (ChangePasswordBody's rule). */
function passwordsValidator(group: AbstractControl): ValidationErrors | null {
  const current = group.get('currentPassword')?.value as string;
  const next = group.get('newPassword')?.value as string;
  const confirm = group.get('confirmPassword')?.value as string;
  const errors: ValidationErrors = {};
  if (confirm && next !== confirm) errors.mismatch = true;
  if (next && next === current) errors.unchanged = true;
  return Object.keys(errors).length ? errors : null;
}

/** `/change-password`: required after an administrator set the password, or by choice. */
@Component({
  selector: 'app-change-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatButton,
    MatProgressBar,
  ],
  templateUrl: './change-password-page.html',
  styleUrl: './change-password-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordPage {
  private readonly store = inject(Store);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly returnUrl = input<string>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly user = this.store.selectSignal(authFeature.selectUser);
  protected readonly pending = this.store.selectSignal(authFeature.selectPending);
  protected readonly error = this.store.selectSignal(authFeature.selectError);
  protected readonly mustChange = computed(() => this.user()?.mustChangePassword ?? false);
  protected readonly cancelUrl = computed(() => {
    const user = this.user();
    return safeReturnUrl(this.returnUrl()) ?? (user ? homePath(user.role) : '/');
  });

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', zodValidator(ChangePasswordBody.shape.currentPassword)],
      newPassword: ['', zodValidator(Password)],
      confirmPassword: ['', zodValidator(Password)],
    },
    { validators: passwordsValidator },
  );

  protected signOut(): void {
    this.store.dispatch(AuthPageActions.signOutClicked());
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    if (this.pending()) return;
    const { currentPassword, newPassword } = this.form.getRawValue();
    const body = ChangePasswordBody.safeParse({ currentPassword, newPassword });
    if (!body.success) {
      this.form.markAllAsTouched();
      return;
    }
    this.store.dispatch(AuthPageActions.changePasswordSubmitted({ body: body.data }));
  }
}
