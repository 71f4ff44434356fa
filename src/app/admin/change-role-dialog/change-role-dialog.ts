import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { toSignal } from '@angular/core/rxjs-interop';
import { Store } from '@ngrx/store';
import type { UserSummary } from '@shared/contracts/admin';
import { ROLES, ROLE_LABELS } from '@shared/domain/permissions';
import { UsersPageActions } from '../state/users-page.actions';
import { trackUserChange } from '../user-change-tracker';
import { UserConflict } from '../user-conflict/user-conflict';

export interface ChangeRoleData {
  user: UserSummary;
  /** The user is the only active administrator: the server refuses to change their role. */
  lastAdmin: boolean;
  /** The signed-in administrator's own account. */
  isSelf: boolean;
}

/** Changes a user's role after confirmation (their sessions end; they sign in again with the new access). */
@Component({
  selector: 'app-change-role-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
    UserConflict,
  ],
  template: `
    <h2 mat-dialog-title>Change the role of {{ data.user.username }}</h2>
    <mat-dialog-content>
      <div class="progress">
        @if (change.pending()) {
          <mat-progress-bar mode="indeterminate" aria-label="Changing the role" />
        }
      </div>
      @if (change.failure(); as failure) {
        @if (failure.current; as current) {
          <app-user-conflict [seen]="data.user" [current]="current" [changedBy]="failure.changedBy" (reload)="reload(current)" />
        } @else {
          <p class="error" role="alert">{{ failure.message }}</p>
        }
      }
      <p class="explain">
        {{ data.user.displayName }} is {{ labels[data.user.role] }}. A new role ends their sessions; they sign in again with the new role's
        access.
      </p>
      @if (data.lastAdmin) {
        <p class="note">This is the only active administrator: make another user an administrator first.</p>
      } @else if (data.isSelf) {
        <p class="note">This is your own account: a new role signs you out and you lose access to administration.</p>
      }
      <form id="change-role-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-form-field>
          <mat-label>New role</mat-label>
          <mat-select formControlName="role" required>
            @for (option of roles; track option.value) {
              <mat-option [value]="option.value">{{ option.label }}</mat-option>
            }
          </mat-select>
          <mat-hint>Currently {{ labels[data.user.role] }}</mat-hint>
        </mat-form-field>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="submit" form="change-role-form" [disabled]="!canSubmit()" disabledInteractive>Change role</button>
    </mat-dialog-actions>
  `,
  styleUrl: '../user-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangeRoleDialog {
  private readonly store = inject(Store);
  private readonly dialogRef = inject<MatDialogRef<ChangeRoleDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<ChangeRoleData>(MAT_DIALOG_DATA);

  protected readonly labels = ROLE_LABELS;
  protected readonly roles = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  protected readonly change = trackUserChange(() => this.dialogRef.close(true));
  protected readonly form = inject(NonNullableFormBuilder).group({ role: [this.data.user.role] });
  private readonly chosen = toSignal(this.form.controls.role.valueChanges, { initialValue: this.data.user.role });

  protected canSubmit(): boolean {
    return !this.change.pending() && !this.change.failure()?.current && !this.data.lastAdmin && this.chosen() !== this.data.user.role;
  }

  protected submit(): void {
    if (!this.canSubmit()) return;
    this.store.dispatch(
      UsersPageActions.roleChangeConfirmed({ requestId: this.change.start(), user: this.data.user, role: this.form.controls.role.value }),
    );
  }

  protected reload(current: UserSummary): void {
    this.store.dispatch(UsersPageActions.conflictReloadClicked({ current }));
    this.dialogRef.close(false);
  }
}
