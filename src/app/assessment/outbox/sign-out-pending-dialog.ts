import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';

/** Asks before signing out while assessments are still waiting to be sent. Closes with true to sign out. */
@Component({
  selector: 'app-sign-out-pending-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton],
  template: `
    <h2 mat-dialog-title>Sign out with {{ what }} not sent?</h2>
    <mat-dialog-content>
      <p>
        {{ data.count === 1 ? 'This assessment has' : 'These assessments have' }} not reached the server yet. If you sign out,
        {{ data.count === 1 ? 'it stays' : 'they stay' }} on this computer and {{ data.count === 1 ? 'is' : 'are' }} sent the next time you
        sign in on this browser. Other users cannot see or send {{ data.count === 1 ? 'it' : 'them' }}.
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Stay signed in</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">Sign out anyway</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignOutPendingDialog {
  protected readonly data = inject<{ count: number }>(MAT_DIALOG_DATA);
  protected readonly what = this.data.count === 1 ? '1 assessment' : `${String(this.data.count)} assessments`;
}
