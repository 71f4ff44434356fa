import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardAvatar, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import { LoginBody } from '@shared/contracts/auth';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import { zodValidator } from '../../shared/forms/zod-validator';
import type { SignOutReason } from '../state/auth-api.actions';
import { AuthPageActions } from '../state/auth-page.actions';
import { authFeature } from '../state/auth.feature';

export const SIGN_IN_NOTICES: Readonly<Record<SignOutReason, string>> = {
  'signed-out': 'You have signed out.',
  idle: 'You were signed out after a period of inactivity.',
  expired: 'Your session has ended. Sign in again to continue.',
  'password-changed': 'Password changed. Sign in with your new password.',
};

/** `/login?returnUrl=...&reason=...` */
@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    MatCard,
    MatCardHeader,
    MatCardAvatar,
    MatCardTitle,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    MatIcon,
    MatProgressBar,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly store = inject(Store);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string>();
  readonly reason = input<string>();

  protected readonly pending = this.store.selectSignal(authFeature.selectPending);
  protected readonly error = this.store.selectSignal(authFeature.selectError);
  protected readonly notice = computed(() => {
    const reason = this.reason();
    return reason && Object.hasOwn(SIGN_IN_NOTICES, reason) ? SIGN_IN_NOTICES[reason as SignOutReason] : null;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', zodValidator(LoginBody.shape.username)],
    password: ['', zodValidator(LoginBody.shape.password)],
  });

  protected signIn(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    if (this.pending()) return;
    this.store.dispatch(AuthPageActions.signInSubmitted({ credentials: this.form.getRawValue(), returnUrl: this.returnUrl() ?? null }));
  }
}
