import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import type { UserSummary } from '@shared/contracts/admin';
import { UsersPageActions } from '../state/users-page.actions';
import { trackUserChange } from '../user-change-tracker';
import { UserConflict } from '../user-conflict/user-conflict';

export interface SetActiveData {
  user: UserSummary;
  /** true to reactivate, false to deactivate. */
  active: boolean;
}

/** Confirms deactivating (sessions end, sign-in refused) or reactivating a user. */
@Component({
  selector: 'app-set-active-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatProgressBar, UserConflict],
  template: `
    <h2 mat-dialog-title>{{ data.active ? 'Reactivate' : 'Deactivate' }} {{ data.user.username }}?</h2>
    <mat-dialog-content>
      <div class="progress">
        @if (change.pending()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="data.active ? 'Reactivating' : 'Deactivating'" />
        }
      </div>
      @if (change.failure(); as failure) {
        @if (failure.current; as current) {
          <app-user-conflict [seen]="data.user" [current]="current" [changedBy]="failure.changedBy" (reload)="reload(current)" />
        } @else {
          <p class="error" role="alert">{{ failure.message }}</p>
        }
      }
      @if (data.active) {
        <p class="explain">{{ data.user.displayName }} will be able to sign in again with their current password.</p>
      } @else {
        <p class="explain">
          {{ data.user.displayName }} will be signed out everywhere and cannot sign in until reactivated. Their account and its audit
          history are kept.
        </p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        mat-flat-button
        type="button"
        [class.danger]="!data.active"
        [disabled]="change.pending() || !!change.failure()?.current"
        disabledInteractive
        (click)="confirm()"
      >
        {{ data.active ? 'Reactivate' : 'Deactivate' }}
      </button>
    </mat-dialog-actions>
  `,
  styleUrl: '../user-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SetActiveDialog {
  private readonly store = inject(Store);
  private readonly dialogRef = inject<MatDialogRef<SetActiveDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<SetActiveData>(MAT_DIALOG_DATA);
  protected readonly change = trackUserChange(() => this.dialogRef.close(true));

  protected confirm(): void {
    if (this.change.pending()) return;
    this.store.dispatch(
      UsersPageActions.activeChangeConfirmed({ requestId: this.change.start(), user: this.data.user, active: this.data.active }),
    );
  }

  protected reload(current: UserSummary): void {
    this.store.dispatch(UsersPageActions.conflictReloadClicked({ current }));
    this.dialogRef.close(false);
  }
}
